import type { CheckHit } from '../check-finding.js';
import type { Condition } from '../check-schema.js';
import type { Span, YNode } from '../check-yaml.js';
import { containerHit, podHit, type K8sModel } from './manifest.js';

/** What a condition found: where, and the offending value for the message. */
interface Outcome {
  span: Span;
  value: string;
}

/**
 * Evaluate a declarative condition on every container (`scope: container`) or pod spec
 * (`scope: pod`) of the model. See conditionSchema for the operators.
 */
export function evaluateCondition(condition: Condition, model: K8sModel): CheckHit[] {
  if (condition.scope === 'container') {
    return model.containers.flatMap((container) => {
      const outcome = test(container.node, condition, container.pod.object.patch);
      return outcome ? [containerHit(container, outcome.span, { value: outcome.value })] : [];
    });
  }
  if (condition.scope === 'pod') {
    return model.pods.flatMap((pod) => {
      const outcome = test(pod.spec, condition, pod.object.patch);
      return outcome ? [podHit(pod, outcome.span, { value: outcome.value })] : [];
    });
  }
  return [];
}

/** Names of the scopes a Kubernetes condition may use. */
export const KUBERNETES_SCOPES = ['container', 'pod'] as const;

/** A missing field is not reported in a Kustomize patch (`patch`): its base may set it. */
function test(base: YNode, condition: Condition, patch: boolean): Outcome | undefined {
  const field = base.at(condition.path);
  const wanted = condition.value;

  switch (condition.op) {
    case 'equals':
      return field && field.value() === wanted
        ? { span: field.span(), value: String(wanted) }
        : undefined;
    case 'not-equals':
      if (!field) return patch ? undefined : { span: base.span(), value: 'unset' };
      return field.value() === wanted
        ? undefined
        : { span: field.span(), value: String(field.value()) };
    case 'contains-any': {
      const names = Array.isArray(wanted) ? wanted : [String(wanted)];
      const item = field?.items().find((entry) => names.includes(entry.str() ?? ''));
      return item ? { span: item.span(), value: item.str() ?? '' } : undefined;
    }
    case 'lacks': {
      if (!field) return patch ? undefined : { span: base.span(), value: 'unset' };
      const has = field.items().some((entry) => entry.str() === String(wanted));
      return has ? undefined : { span: field.span(), value: String(wanted) };
    }
  }
}
