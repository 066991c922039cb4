import { posix } from 'node:path';

import type { CheckHit } from '../check-finding.js';
import { FIX_YAML, reportUnreadable } from '../check-problems.js';
import { parseYaml, YNode, type Span } from '../check-yaml.js';
import type { FrameworkInput } from '../framework.js';

/** A workflow under .github/workflows, or a composite action's action.yml. */
export interface Workflow {
  path: string;
  kind: 'workflow' | 'action';
  root: YNode;
  /** Trigger names (`push`, `pull_request_target`...) with their settings node, if any. */
  triggers: Map<string, YNode | undefined>;
  /** The `on:` key (or `runs:` of an action): where workflow-level findings point. */
  anchor: YNode;
  jobs: Job[];
}

/** A job, or the steps of a composite action as one pseudo job. */
export interface Job {
  workflow: Workflow;
  id: string;
  node: YNode;
  steps: Step[];
}

/** A step of a job. */
export interface Step {
  job: Job;
  node: YNode;
  /** `id`, else `name`, else the step's index. */
  label: string;
  uses?: YNode;
  run?: YNode;
}

/** Every workflow and composite action of the scan. */
export interface ActionsModel {
  workflows: Workflow[];
}

/** True for workflow files and action metadata files. */
export function isActionsPath(path: string): boolean {
  return (
    /(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(path) || /(?:^|\/)action\.ya?ml$/i.test(path)
  );
}

/**
 * Parse workflows and composite actions; other actions (JavaScript, Docker) are left out. A
 * workflow that does not parse, whose top level is not a mapping or whose `jobs:` is not a
 * mapping is reported as an input problem.
 */
export function buildActionsModel(input: FrameworkInput): ActionsModel {
  const model: ActionsModel = { workflows: [] };
  for (const file of input.files) {
    const { source, error } = parseYaml(file.path, file.text);
    if (error) {
      reportUnreadable(input, 'github-actions', file.path, error, FIX_YAML);
      continue;
    }
    const doc = source.docs[0];
    const root = doc ? YNode.root(source, doc) : undefined;
    const isAction = /^action\.ya?ml$/i.test(posix.basename(file.path));
    const shape = root ? shapeProblem(root, isAction) : undefined;
    if (root && shape) {
      const { line, column } = shape.node.span();
      reportUnreadable(
        input,
        'github-actions',
        file.path,
        { line, column, message: shape.message },
        shape.action,
      );
      continue;
    }
    if (!root) continue;
    const workflow = isAction ? readAction(file.path, root) : readWorkflow(file.path, root);
    if (workflow) model.workflows.push(workflow);
  }
  return model;
}

/** Why a parsed workflow cannot be one: a list or a string at the top, or `jobs:` not a map. */
function shapeProblem(
  root: YNode,
  isAction: boolean,
): { node: YNode; message: string; action: string } | undefined {
  if (!root.isMap()) {
    const what = root.isSeq() ? 'a list' : 'a plain value';
    const file = isAction ? 'an action file' : 'a workflow';
    return {
      node: root,
      message: `the top level of ${file} is ${what}, not a mapping`,
      action: 'write on:, permissions: and jobs: as top-level keys (the file was not checked)',
    };
  }
  const jobs = isAction ? undefined : root.get('jobs');
  if (jobs && !jobs.isMap()) {
    return {
      node: jobs,
      message: 'jobs: is not a mapping of job ids to jobs',
      action: 'write each job as `<job-id>:` under jobs: (the file was not checked)',
    };
  }
  return undefined;
}

function readWorkflow(path: string, root: YNode): Workflow | undefined {
  const on = root.get('on') ?? root.get('true');
  if (!on) return undefined;
  const triggers = new Map<string, YNode | undefined>();
  if (on.str()) triggers.set(on.str() ?? '', undefined);
  for (const item of on.items()) triggers.set(item.str() ?? '', undefined);
  for (const [name, settings] of on.entries()) triggers.set(name, settings);

  const workflow: Workflow = { path, kind: 'workflow', root, triggers, anchor: on, jobs: [] };
  for (const [id, node] of root.get('jobs')?.entries() ?? []) {
    workflow.jobs.push(readJob(workflow, id, node, node.get('steps')));
  }
  return workflow;
}

function readAction(path: string, root: YNode): Workflow | undefined {
  const runs = root.get('runs');
  if (runs?.get('using')?.str() !== 'composite') return undefined;
  const workflow: Workflow = {
    path,
    kind: 'action',
    root,
    triggers: new Map(),
    anchor: runs,
    jobs: [],
  };
  workflow.jobs.push(readJob(workflow, 'composite', runs, runs.get('steps')));
  return workflow;
}

function readJob(workflow: Workflow, id: string, node: YNode, steps: YNode | undefined): Job {
  const job: Job = { workflow, id, node, steps: [] };
  steps?.items().forEach((step, index) => {
    const label = step.get('id')?.str() ?? step.get('name')?.str() ?? String(index);
    job.steps.push({ job, node: step, label, uses: step.get('uses'), run: step.get('run') });
  });
  return job;
}

/** True when the workflow runs on any of the named triggers. */
export function triggeredBy(workflow: Workflow, names: readonly string[]): boolean {
  return names.some((name) => workflow.triggers.has(name));
}

/** A hit on a job (or a step of it when `step` is given). */
export function jobHit(
  job: Job,
  span: Span,
  detail: string,
  vars: Record<string, string> = {},
  step?: Step,
): CheckHit {
  const where = step ? `jobs.${job.id}.steps[${step.label}]` : `jobs.${job.id}`;
  return {
    path: job.workflow.path,
    ...span,
    address: `${where}/${detail}`,
    resource: `job ${job.id}`,
    resourceLines: [job.node.line, ...(step ? [step.node.line] : [])],
    vars: { job: job.id, ...(step ? { step: step.label } : {}), ...vars },
  };
}

/** A hit on the workflow as a whole. */
export function workflowHit(
  workflow: Workflow,
  span: Span,
  detail: string,
  vars: Record<string, string> = {},
): CheckHit {
  return {
    path: workflow.path,
    ...span,
    address: `workflow/${detail}`,
    resource: 'workflow',
    resourceLines: [workflow.anchor.line],
    vars,
  };
}

/** Every step of every job, with its job. */
export function allSteps(model: ActionsModel): Step[] {
  return model.workflows.flatMap((workflow) => workflow.jobs.flatMap((job) => job.steps));
}
