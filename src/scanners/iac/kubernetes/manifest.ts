import type { CheckHit } from '../check-finding.js';
import { parseYaml, YNode, type Span } from '../check-yaml.js';
import type { FrameworkFile } from '../framework.js';
import type { Logger } from '../../../core/logger.js';

/** One Kubernetes object of a manifest (a document, or an item of a `List`). */
export interface K8sObject {
  path: string;
  kind: string;
  name: string;
  /** The namespace written in the manifest; undefined when left to the client's context. */
  namespace?: string;
  node: YNode;
  /** `Kind/name`, prefixed by the namespace when one is written. */
  resource: string;
  /** Lines of `kind:` and `metadata.name`, where a resource-level suppression may sit. */
  resourceLines: number[];
}

/** The pod template of a workload (or the spec of a bare Pod). */
export interface PodSpec {
  object: K8sObject;
  spec: YNode;
  /** The pod template's metadata (annotations), when there is one. */
  metadata?: YNode;
}

/** One container of a pod: regular, init or ephemeral. */
export interface Container {
  pod: PodSpec;
  node: YNode;
  name: string;
  group: 'containers' | 'initContainers' | 'ephemeralContainers';
}

/** Every object, pod template and container of the scanned manifests. */
export interface K8sModel {
  objects: K8sObject[];
  pods: PodSpec[];
  containers: Container[];
}

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, string> = {
  Pod: 'spec',
  PodTemplate: 'template.spec',
  Deployment: 'spec.template.spec',
  StatefulSet: 'spec.template.spec',
  DaemonSet: 'spec.template.spec',
  ReplicaSet: 'spec.template.spec',
  ReplicationController: 'spec.template.spec',
  Job: 'spec.template.spec',
  CronJob: 'spec.jobTemplate.spec.template.spec',
};

/** True when text looks like a Kubernetes manifest: top-level `apiVersion:` and `kind:`. */
export function looksLikeManifest(text: string): boolean {
  return /^apiVersion\s*:/m.test(text) && /^kind\s*:/m.test(text);
}

/**
 * Parse manifests into objects, pod specs and containers. Helm templates are skipped, and
 * Kustomize overlays are not merged: a patch is checked as the partial object it is.
 */
export function buildModel(files: readonly FrameworkFile[], logger: Logger): K8sModel {
  const model: K8sModel = { objects: [], pods: [], containers: [] };
  let helm = 0;

  for (const file of files) {
    if (file.text.includes('{{')) {
      helm++;
      continue;
    }
    const { source, error } = parseYaml(file.path, file.text);
    if (error)
      logger.warn(`kubernetes: skipped a malformed YAML document: ${error}`, { path: file.path });
    for (const doc of source.docs) {
      const root = YNode.root(source, doc);
      if (!root) continue;
      const items = root.get('kind')?.str()?.endsWith('List')
        ? (root.get('items')?.items() ?? [])
        : [root];
      for (const item of items) addObject(model, file.path, item);
    }
  }

  if (helm > 0) {
    logger.info(
      `kubernetes: skipped ${helm} Helm template file(s); render them with helm template to scan them`,
    );
  }
  return model;
}

function addObject(model: K8sModel, path: string, node: YNode): void {
  const kindNode = node.get('kind');
  const kind = kindNode?.str();
  if (!kindNode || !kind || !node.get('apiVersion')) return;
  const nameNode = node.at('metadata.name');
  const name = nameNode?.str() ?? '(unnamed)';
  const namespace = node.at('metadata.namespace')?.str();
  const resourceLines = [kindNode.line, ...(nameNode ? [nameNode.line] : [])];
  const resource = `${namespace ? `${namespace}/` : ''}${kind}/${name}`;
  const object: K8sObject = { path, kind, name, namespace, node, resource, resourceLines };
  model.objects.push(object);

  const specPath = POD_SPEC_PATHS[kind];
  const spec = specPath ? node.at(specPath) : undefined;
  if (!spec || !spec.isMap()) return;
  const metadataPath = specPath.split('.').slice(0, -1).concat('metadata').join('.');
  const metadata = kind === 'Pod' ? node.get('metadata') : node.at(metadataPath);
  const pod: PodSpec = { object, spec, metadata };
  model.pods.push(pod);

  for (const group of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    for (const item of spec.get(group)?.items() ?? []) {
      const containerName = item.get('name')?.str() ?? '(unnamed)';
      model.containers.push({ pod, node: item, name: containerName, group });
    }
  }
}

/** A hit on an object, at a span of its manifest. */
export function objectHit(
  object: K8sObject,
  span: Span,
  vars: Record<string, string> = {},
  address = object.resource,
): CheckHit {
  return {
    path: object.path,
    ...span,
    address,
    resource: object.resource,
    resourceLines: object.resourceLines,
    vars: { resource: object.resource, ...vars },
  };
}

/** A hit on a container, at a span (its own line when the attribute is missing). */
export function containerHit(
  container: Container,
  span: Span = container.node.span(),
  vars: Record<string, string> = {},
): CheckHit {
  const { object } = container.pod;
  const address = `${object.resource}/${container.group}/${container.name}`;
  return objectHit(object, span, { container: container.name, ...vars }, address);
}

/** A hit on a pod spec, at a span (the pod spec's `spec:` key when the attribute is missing). */
export function podHit(
  pod: PodSpec,
  span: Span = pod.spec.span(),
  vars: Record<string, string> = {},
): CheckHit {
  return objectHit(pod.object, span, vars, `${pod.object.resource}/pod`);
}
