import { posix } from 'node:path';

import type { Block, Expr, HclFile } from './hcl-model.js';
import { evaluate, isMap, UNKNOWN, type EvalScope, type Value } from './hcl-values.js';

/** A `resource` or `data` block with its Terraform address. */
export interface Resource {
  /** `aws_s3_bucket` for resources, `data.aws_iam_policy_document` for data sources. */
  kind: string;
  /** `aws_s3_bucket.logs` or `data.aws_iam_policy_document.admin`. */
  address: string;
  /** The resource name, the block's second label. */
  name: string;
  block: Block;
  file: string;
  module: Module;
}

/** One instance of a resource: `count.index` or `each.key`/`each.value` when they are known. */
export type Instance = NonNullable<EvalScope['instance']>;

/** The .tf files of one folder, which Terraform reads as one module. */
export interface Module {
  dir: string;
  resources: Resource[];
  /** Resources of one kind, in file and source order. */
  byKind(kind: string): Resource[];
  /** An evaluation scope over the module's variables and locals for one instance. */
  scope(instance?: Instance): EvalScope;
}

/** Instances evaluated per resource at most; a larger literal for_each is evaluated as unknown. */
const MAX_INSTANCES = 32;

/**
 * Group parsed files by folder into modules, with their variables, locals and resources.
 * Child modules are not followed: a `module` block's arguments are not checked against the
 * module's resources, and each folder is checked on its own.
 */
export function buildModules(files: readonly HclFile[]): Module[] {
  const byDir = new Map<string, HclFile[]>();
  for (const file of files) {
    const dir = posix.dirname(file.path);
    const group = byDir.get(dir);
    if (group) group.push(file);
    else byDir.set(dir, [file]);
  }
  return [...byDir.entries()].map(([dir, group]) => buildModule(dir, group));
}

/** Files Terraform loads variable values from without being asked (`-var-file` is not read). */
export function isAutoVarsFile(path: string): boolean {
  const name = posix.basename(path);
  return name === 'terraform.tfvars' || name.endsWith('.auto.tfvars');
}

function buildModule(dir: string, files: HclFile[]): Module {
  const variables = new Map<string, Expr>();
  const locals = new Map<string, Block>();
  const resources: Resource[] = [];
  const kinds = new Map<string, Resource[]>();
  let base: EvalScope | undefined;
  const module: Module = {
    dir,
    resources,
    byKind: (kind) => kinds.get(kind) ?? [],
    // The scope without instance keys is shared, so locals are evaluated once per module.
    scope: (instance) =>
      instance?.each || instance?.count !== undefined
        ? makeScope(variables, locals, instance)
        : (base ??= makeScope(variables, locals)),
  };
  for (const file of files) {
    for (const block of file.body.blocks) {
      const initial = block.attributes.get('default');
      if (block.type === 'variable' && block.labels[0] && initial) {
        variables.set(block.labels[0], initial.expr);
      }
      if (block.type === 'locals') {
        for (const name of block.attributes.keys()) locals.set(name, block);
      }
      const resource = toResource(block, file.path, module);
      if (!resource) continue;
      resources.push(resource);
      const sameKind = kinds.get(resource.kind);
      if (sameKind) sameKind.push(resource);
      else kinds.set(resource.kind, [resource]);
    }
  }
  for (const file of autoVarsInOrder(files)) {
    for (const [name, attribute] of file.body.attributes) variables.set(name, attribute.expr);
  }
  return module;
}

/** terraform.tfvars first, then *.auto.tfvars by name: later files win, as in Terraform. */
function autoVarsInOrder(files: HclFile[]): HclFile[] {
  const rank = (file: HclFile) =>
    posix.basename(file.path) === 'terraform.tfvars' ? '' : file.path;
  return files
    .filter((file) => isAutoVarsFile(file.path))
    .sort((a, b) => rank(a).localeCompare(rank(b)));
}

function toResource(block: Block, file: string, module: Module): Resource | undefined {
  const [type, name] = block.labels;
  if (!type || !name) return undefined;
  if (block.type === 'resource') {
    return { kind: type, address: `${type}.${name}`, name, block, file, module };
  }
  if (block.type === 'data') {
    const kind = `data.${type}`;
    return { kind, address: `${kind}.${name}`, name, block, file, module };
  }
  return undefined;
}

function makeScope(
  variables: Map<string, Expr>,
  locals: Map<string, Block>,
  instance?: Instance,
): EvalScope {
  const memo = new Map<string, Value>();
  const evaluating = new Set<string>();
  const scope: EvalScope = {
    instance,
    // Terraform variables are read from terraform.tfvars, *.auto.tfvars and their defaults
    // only: -var, -var-file and TF_VAR_ environment variables are not read.
    // A variable whose value refers back to itself (Terraform rejects it) is unknown here.
    variable(name) {
      const value = variables.get(name);
      if (!value || evaluating.has(`var.${name}`)) return UNKNOWN;
      evaluating.add(`var.${name}`);
      const result = evaluate(value, scope);
      evaluating.delete(`var.${name}`);
      return result;
    },
    local(name) {
      if (memo.has(name)) return memo.get(name) as Value;
      const attribute = locals.get(name)?.attributes.get(name);
      if (!attribute || evaluating.has(name)) return UNKNOWN;
      evaluating.add(name);
      const value = evaluate(attribute.expr, { ...scope, instance: undefined });
      evaluating.delete(name);
      memo.set(name, value);
      return value;
    },
  };
  return scope;
}

/**
 * The instances a resource has: none when `count` or `for_each` is known to be empty, one
 * per element of a known `for_each`, and one with unknown keys otherwise.
 */
export function instancesOf(resource: Resource): Instance[] {
  const scope = resource.module.scope();
  const count = resource.block.attributes.get('count');
  if (count) {
    const value = evaluate(count.expr, scope);
    if (value === 0 || value === false) return [];
    return [{}];
  }
  const forEach = resource.block.attributes.get('for_each');
  if (!forEach) return [{}];
  const value = evaluate(forEach.expr, scope);
  const entries = forEachEntries(value);
  if (!entries) return [{ each: { key: UNKNOWN, value: UNKNOWN } }];
  return entries.map(([key, item]) => ({ each: { key, value: item } }));
}

function forEachEntries(value: Value): [Value, Value][] | undefined {
  let entries: [Value, Value][] | undefined;
  if (Array.isArray(value)) entries = value.map((item) => [item, item]);
  else if (isMap(value)) entries = Object.entries(value);
  if (!entries || entries.length > MAX_INSTANCES) return undefined;
  return entries;
}
