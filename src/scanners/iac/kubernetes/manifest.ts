import { posix } from 'node:path';

import type { CheckHit } from '../check-finding.js';
import { FIX_YAML, reportUnreadable } from '../check-problems.js';
import { describeProblem, parseYaml, YNode, type Span } from '../check-yaml.js';
import type { FrameworkFile, FrameworkInput } from '../framework.js';

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
  /**
   * True when a kustomization of the scan lists the file as a patch: a partial object, so
   * settings it leaves out are not reported (its base or another patch may set them).
   */
  patch: boolean;
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

const YAML_PATH = /\.ya?ml$/i;
const KUSTOMIZATION = /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/;

/**
 * True for YAML that may hold a manifest. The words `apiVersion` and `kind` must occur (any
 * manifest has both, quoted, in flow style or after a BOM); parsing then decides. Kustomization
 * files are read for the patches they list.
 */
export function mayBeManifest(path: string, text?: string): boolean {
  if (KUSTOMIZATION.test(path)) return true;
  if (!YAML_PATH.test(path)) return false;
  return text === undefined || (text.includes('apiVersion') && text.includes('kind'));
}

/** The folder Helm charts keep templates in. */
const CHART_TEMPLATES = /(?:^|\/)templates\//;

/**
 * Parse manifests into objects, pod specs and containers. A file is skipped as a Helm template
 * when it uses `{{ }}` and either does not parse as YAML or sits in a chart's templates/ folder;
 * any other file that parses and has apiVersion and kind is checked. Kustomize overlays are not
 * merged: a patch is checked for what it sets, not for what it leaves out. Every document's
 * syntax tree stays in memory for the whole scan, since checks look across documents.
 */
export function buildModel(input: FrameworkInput): K8sModel {
  const { files, logger } = input;
  const model: K8sModel = { objects: [], pods: [], containers: [] };
  const patches = kustomizePatches(files);
  let helm = 0;

  for (const file of files) {
    const template = file.text.includes('{{');
    if (template && CHART_TEMPLATES.test(file.path)) {
      helm++;
      continue;
    }
    const { source, error, duplicates } = parseYaml(file.path, file.text);
    if (error && template) {
      helm++;
      continue;
    }
    if (error && mentionsManifestKeys(file.text)) {
      reportUnreadable(input, 'kubernetes', file.path, error, FIX_YAML);
    }
    for (const duplicate of duplicates) {
      const message = `kubernetes: key ${duplicate.key} is written twice in one mapping; the last value is used, as Kubernetes does`;
      logger.warn(describeProblem(file.path, { ...duplicate, message }));
    }
    for (const doc of source.docs) {
      const root = YNode.root(source, doc);
      if (!root) continue;
      const items = root.get('kind')?.str()?.endsWith('List')
        ? (root.get('items')?.items() ?? [])
        : [root];
      for (const item of items) addObject(model, file.path, item, patches.has(file.path));
    }
  }

  if (helm > 0) {
    logger.warn(
      `kubernetes: skipped ${helm} Helm template file(s); render them with helm template and scan the output`,
    );
  }
  return model;
}

/** Top-level `apiVersion` and `kind` keys, plain or quoted: a malformed file meant as a manifest. */
function mentionsManifestKeys(text: string): boolean {
  return /^["']?apiVersion["']?\s*:/m.test(text) && /^["']?kind["']?\s*:/m.test(text);
}

/**
 * Paths of the files kustomizations of the scan list as patches (`patchesStrategicMerge`, and
 * `patches` entries given as a path or with `path:`), resolved against the kustomization.
 */
function kustomizePatches(files: readonly FrameworkFile[]): Set<string> {
  const out = new Set<string>();
  for (const file of files.filter((candidate) => KUSTOMIZATION.test(candidate.path))) {
    const { source } = parseYaml(file.path, file.text);
    const root = source.docs[0] ? YNode.root(source, source.docs[0]) : undefined;
    if (!root) continue;
    const dir = posix.dirname(file.path);
    const entries = [
      ...(root.get('patchesStrategicMerge')?.items() ?? []),
      ...(root.get('patches')?.items() ?? []),
    ];
    for (const entry of entries) {
      const relative = entry.str() ?? entry.get('path')?.str();
      if (relative) out.add(posix.normalize(posix.join(dir, relative)));
    }
  }
  return out;
}

function addObject(model: K8sModel, path: string, node: YNode, patch: boolean): void {
  const kindNode = node.get('kind');
  const kind = kindNode?.str();
  if (!kindNode || !kind || !node.get('apiVersion')) return;
  const nameNode = node.at('metadata.name');
  const name = nameNode?.str() ?? '(unnamed)';
  const namespace = node.at('metadata.namespace')?.str();
  const resourceLines = [kindNode.line, ...(nameNode ? [nameNode.line] : [])];
  const resource = `${namespace ? `${namespace}/` : ''}${kind}/${name}`;
  const object: K8sObject = { path, kind, name, namespace, node, resource, resourceLines, patch };
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
