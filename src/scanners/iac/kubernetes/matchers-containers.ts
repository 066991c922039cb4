import { redactSecret } from '../../../core/redact.js';
import { imageParts, isLiteralSecret, looksLikeSecretName } from '../check-patterns.js';
import { containerHit, podHit } from './manifest.js';
import type { K8sMatcher } from './matcher.js';

/** Pod volumes that mount a path of the node. */
const hostPathVolume: K8sMatcher = (model) =>
  model.pods.flatMap((pod) =>
    (pod.spec.get('volumes')?.items() ?? []).flatMap((volume) => {
      const hostPath = volume.get('hostPath');
      if (!hostPath) return [];
      const vars = {
        volume: volume.get('name')?.str() ?? '',
        value: hostPath.get('path')?.str() ?? '',
      };
      return [podHit(pod, hostPath.span(), vars)];
    }),
  );

/** Container ports bound on the node's own network interface. */
const hostPort: K8sMatcher = (model) =>
  model.containers.flatMap((container) =>
    (container.node.get('ports')?.items() ?? []).flatMap((port) => {
      const bound = port.get('hostPort');
      return bound && bound.value() !== null && Number(bound.value()) !== 0
        ? [containerHit(container, bound.span(), { value: bound.str() ?? '' })]
        : [];
    }),
  );

/** Images with no tag and no digest, or tagged `latest`. */
const imageLatest: K8sMatcher = (model) =>
  model.containers.flatMap((container) => {
    const image = container.node.get('image');
    const ref = image?.str();
    if (!image || !ref) return [];
    const { name, tag, digest } = imageParts(ref);
    return (!tag && !digest) || tag === 'latest'
      ? [containerHit(container, image.span(), { value: ref, name })]
      : [];
  });

/** Images not pinned by a content digest. */
const imageNoDigest: K8sMatcher = (model) =>
  model.containers.flatMap((container) => {
    const image = container.node.get('image');
    const ref = image?.str();
    if (!image || !ref || imageParts(ref).digest) return [];
    return [containerHit(container, image.span(), { value: ref })];
  });

/** Containers missing one of the resources named by `params.fields` (patches left out). */
const resourcesMissing: K8sMatcher = (model, check) => {
  const section = String(check.params.section ?? 'limits');
  const fields = (check.params.fields as string[] | undefined) ?? ['memory'];
  return model.containers
    .filter((container) => container.group === 'containers' && !container.pod.object.patch)
    .flatMap((container) => {
      const block = container.node.at(`resources.${section}`);
      const missing = fields.filter((field) => !block?.get(field));
      if (missing.length === 0) return [];
      const at = block ?? container.node.get('resources') ?? container.node;
      return [containerHit(container, at.span(), { value: missing.join(', ') })];
    });
};

/** Kinds whose containers run to completion, where probes are not expected. */
const RUN_TO_COMPLETION = ['Job', 'CronJob'];

/** Long-running containers without the probe named by `params.probe` (patches left out). */
const probeMissing: K8sMatcher = (model, check) => {
  const probe = String(check.params.probe ?? 'livenessProbe');
  return model.containers
    .filter((c) => c.group === 'containers' && !c.pod.object.patch)
    .filter((c) => !RUN_TO_COMPLETION.includes(c.pod.object.kind))
    .flatMap((container) => (container.node.get(probe) ? [] : [containerHit(container)]));
};

/** `env` entries whose name reads like a credential and whose value is a literal. */
const secretInEnv: K8sMatcher = (model) =>
  model.containers.flatMap((container) =>
    (container.node.get('env')?.items() ?? []).flatMap((entry) => {
      const name = entry.get('name')?.str() ?? '';
      const value = entry.get('value');
      const literal = value?.str();
      if (
        !value ||
        literal === undefined ||
        !looksLikeSecretName(name) ||
        !isLiteralSecret(literal)
      ) {
        return [];
      }
      return [
        {
          ...containerHit(container, value.span(), { value: name }),
          evidence: `${name}=${redactSecret(literal)}`,
        },
      ];
    }),
  );

/**
 * Pods that mount a service account token: automountServiceAccountToken is not false on the
 * pod, nor on a ServiceAccount of the scan that the pod uses (the pod's setting wins).
 */
const tokenAutomount: K8sMatcher = (model) => {
  const optedOut = new Set(
    model.objects
      .filter((o) => o.kind === 'ServiceAccount')
      .filter((o) => o.node.get('automountServiceAccountToken')?.value() === false)
      .map((o) => `${o.namespace ?? ''}/${o.name}`),
  );
  return model.pods.flatMap((pod) => {
    const own = pod.spec.get('automountServiceAccountToken');
    if (own) return own.value() === false ? [] : [podHit(pod, own.span())];
    if (pod.object.patch) return [];
    const account = pod.spec.get('serviceAccountName')?.str() ?? 'default';
    return optedOut.has(`${pod.object.namespace ?? ''}/${account}`) ? [] : [podHit(pod)];
  });
};

/** Matchers of the container family, by name. */
export const CONTAINER_MATCHERS: Record<string, K8sMatcher> = {
  'host-path-volume': hostPathVolume,
  'host-port': hostPort,
  'image-latest': imageLatest,
  'image-no-digest': imageNoDigest,
  'resources-missing': resourcesMissing,
  'probe-missing': probeMissing,
  'secret-in-env': secretInEnv,
  'token-automount': tokenAutomount,
};
