import { defineFramework } from '../check-framework.js';
import { evaluateCondition, KUBERNETES_SCOPES } from './conditions.js';
import { buildModel, mayBeManifest } from './manifest.js';
import { CLUSTER_MATCHERS } from './matchers-cluster.js';
import { CONTAINER_MATCHERS } from './matchers-containers.js';
import { SECURITY_CONTEXT_MATCHERS } from './matchers-security-context.js';

/** Kubernetes manifests: multi-document YAML with `apiVersion` and `kind` at the top level. */
export const kubernetesFramework = defineFramework({
  id: 'kubernetes',
  wants: mayBeManifest,
  build: buildModel,
  matchers: { ...SECURITY_CONTEXT_MATCHERS, ...CONTAINER_MATCHERS, ...CLUSTER_MATCHERS },
  condition: { scopes: KUBERNETES_SCOPES, evaluate: evaluateCondition },
});
