import { objectHit, type K8sObject } from './manifest.js';
import type { K8sMatcher } from './matcher.js';

/**
 * Objects placed explicitly in the `default` namespace. This reports only an explicit
 * `namespace: default`; a manifest without a namespace lands wherever the client's context
 * points, which Bulwark cannot know.
 */
const defaultNamespace: K8sMatcher = (model) =>
  model.objects.flatMap((object) => {
    const namespace = object.node.at('metadata.namespace');
    return namespace?.str() === 'default' ? [objectHit(object, namespace.span())] : [];
  });

/** Services of type NodePort, or LoadBalancer without source ranges. */
const serviceExposed: K8sMatcher = (model) =>
  model.objects
    .filter((object) => object.kind === 'Service')
    .flatMap((object) => {
      const type = object.node.at('spec.type');
      const value = type?.str();
      if (!type || (value !== 'NodePort' && value !== 'LoadBalancer')) return [];
      const ranges = object.node.at('spec.loadBalancerSourceRanges')?.items() ?? [];
      if (value === 'LoadBalancer' && ranges.length > 0) return [];
      return [objectHit(object, type.span(), { value })];
    });

/** `*` in the verbs, resources or apiGroups of a Role or ClusterRole rule. */
const rbacWildcard: K8sMatcher = (model) =>
  model.objects
    .filter((object) => object.kind === 'Role' || object.kind === 'ClusterRole')
    .flatMap((object) =>
      (object.node.get('rules')?.items() ?? []).flatMap((rule) =>
        ['verbs', 'resources'].flatMap((field) => {
          const star = rule
            .get(field)
            ?.items()
            .find((item) => item.str() === '*');
          return star
            ? [objectHit(object, star.span(), { value: field }, `${object.resource}/${field}`)]
            : [];
        }),
      ),
    );

/** Bindings that grant the cluster-admin ClusterRole. */
const clusterAdminBinding: K8sMatcher = (model) =>
  model.objects
    .filter((object) => object.kind === 'ClusterRoleBinding' || object.kind === 'RoleBinding')
    .flatMap((object) => {
      const name = object.node.at('roleRef.name');
      return name?.str() === 'cluster-admin' ? [objectHit(object, name.span())] : [];
    });

/**
 * Namespaces that run workloads but have no NetworkPolicy in any scanned manifest. This only
 * sees NetworkPolicies in the scanned files, and groups every manifest without a
 * `metadata.namespace` into one namespace.
 */
const missingNetworkPolicy: K8sMatcher = (model) => {
  const covered = new Set(
    model.objects.filter((o) => o.kind === 'NetworkPolicy').map((o) => o.namespace ?? ''),
  );
  // A Kustomize patch adds no workload of its own: its base does.
  const podObjects = new Set(model.pods.map((pod) => pod.object).filter((o) => !o.patch));
  const firstWorkload = new Map<string, K8sObject>();
  for (const object of model.objects) {
    const namespace = object.namespace ?? '';
    if (podObjects.has(object) && !covered.has(namespace) && !firstWorkload.has(namespace)) {
      firstWorkload.set(namespace, object);
    }
  }
  return [...firstWorkload].map(([namespace, object]) => {
    const label = namespace || '(the namespace of unnamespaced manifests)';
    const kindLine = object.node.get('kind') ?? object.node;
    return objectHit(object, kindLine.span(), { value: label }, `namespace/${namespace}`);
  });
};

/** Matchers of the cluster family, by name. */
export const CLUSTER_MATCHERS: Record<string, K8sMatcher> = {
  'default-namespace': defaultNamespace,
  'service-exposed': serviceExposed,
  'rbac-wildcard': rbacWildcard,
  'cluster-admin-binding': clusterAdminBinding,
  'missing-network-policy': missingNetworkPolicy,
};
