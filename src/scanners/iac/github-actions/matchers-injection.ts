import { pipesDownloadToShell } from '../check-patterns.js';
import type { CheckHit } from '../check-finding.js';
import type { YNode } from '../check-yaml.js';
import { parseActionRef } from './action-ref.js';
import type { ActionsMatcher } from './matcher.js';
import {
  allSteps,
  jobHit,
  workflowHit,
  type ActionsModel,
  type Step,
  type Workflow,
} from './model.js';

/**
 * Contexts an outside contributor controls, after GitHub's guidance on script injection:
 * titles, bodies, branch names, commit messages and authors of PRs, issues and comments.
 */
const ATTACKER_CONTROLLED = new RegExp(
  [
    String.raw`github\.event\.(?:issue|pull_request|discussion)\.(?:title|body)\b`,
    String.raw`github\.event\.pull_request\.head\.(?:ref|label|repo\.default_branch)\b`,
    String.raw`github\.event\.(?:comment|review|review_comment)\.body\b`,
    String.raw`github\.event\.pages(?:\[[^\]]*\]|\.\*)\.page_name\b`,
    String.raw`github\.event\.(?:commits(?:\[[^\]]*\]|\.\*)|head_commit)\.(?:message|author\.(?:email|name))\b`,
    String.raw`github\.event\.workflow_run\.(?:head_branch|display_title|head_commit\.(?:message|author\.(?:email|name)))\b`,
    String.raw`github\.head_ref\b`,
  ].join('|'),
);

/**
 * Event objects that hold attacker-controlled fields: `toJSON()` of any of them (or of the
 * whole event) prints those fields into the script.
 */
const ATTACKER_OBJECT =
  /\btoJSON\(\s*github(?:\.event(?:\.(?:issue|pull_request(?:\.head)?|discussion|comment|review|review_comment|pages|commits|head_commit(?:\.author)?|workflow_run(?:\.head_commit(?:\.author)?)?))?)?\s*\)/;

/**
 * An expression with bracket property access (`github.event['pull_request']['title']`) written
 * as dot access, which expressions treat the same way.
 */
export function normaliseExpression(inner: string): string {
  return inner.replace(/\[\s*(['"])([\w-]+)\1\s*\]/g, '.$2');
}

/** True when an expression's inside expands a field (or object) an outsider controls. */
export function expandsAttackerInput(inner: string): boolean {
  const plain = normaliseExpression(inner);
  return ATTACKER_CONTROLLED.test(plain) || ATTACKER_OBJECT.test(plain);
}

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;

/** A script a step runs: its `run:` or the `script:` input of actions/github-script. */
interface Script {
  step: Step;
  node: YNode;
  text: string;
}

function scripts(model: ActionsModel): Script[] {
  return allSteps(model).flatMap((step) => {
    const out: Script[] = [];
    const run = step.run?.str();
    if (step.run && run) out.push({ step, node: step.run, text: run });
    const ref = step.uses?.str() ? parseActionRef(step.uses.str() ?? '') : undefined;
    const script = step.node.at('with.script');
    if (ref?.repo === 'actions/github-script' && script?.str()) {
      out.push({ step, node: script, text: script.str() ?? '' });
    }
    return out;
  });
}

/** Each distinct `${{ }}` expression of a script whose inside passes `test`, located. */
function expressionHits(
  model: ActionsModel,
  test: (inner: string, workflow: Workflow) => boolean,
): CheckHit[] {
  return scripts(model).flatMap(({ step, node, text }) => {
    const seen = new Set<string>();
    return [...text.matchAll(EXPRESSION)].flatMap((found) => {
      const whole = found[0];
      if (seen.has(whole) || !test(found[1], step.job.workflow)) return [];
      seen.add(whole);
      return [
        jobHit(step.job, node.find(whole), whole, { value: whole.replace(/\s+/g, ' ') }, step),
      ];
    });
  });
}

/** Attacker-controlled event fields expanded into a script. */
const expressionInjection: ActionsMatcher = (model) =>
  expressionHits(model, (inner) => expandsAttackerInput(inner));

/** Input types that cannot carry shell syntax. */
const SAFE_INPUT_TYPES = ['boolean', 'number', 'choice', 'environment'];

/** The declared type of a workflow_dispatch / workflow_call (or action) input, or string. */
function inputType(workflow: Workflow, name: string): string {
  const declared = [
    workflow.anchor.at(`workflow_dispatch.inputs`)?.get(name),
    workflow.anchor.at(`workflow_call.inputs`)?.get(name),
    workflow.kind === 'action' ? workflow.root.get('inputs')?.get(name) : undefined,
  ].find((node) => node !== undefined);
  return declared?.get('type')?.str() ?? 'string';
}

const INPUT = /\b(?:github\.event\.)?inputs\.([A-Za-z_][\w-]*)/;

/** Free-text workflow or action inputs expanded into a script. */
const inputInjection: ActionsMatcher = (model) =>
  expressionHits(model, (inner, workflow) => {
    const name = INPUT.exec(normaliseExpression(inner))?.[1];
    return name !== undefined && !SAFE_INPUT_TYPES.includes(inputType(workflow, name));
  });

/** env maps along a step: workflow, job and step level. */
function envNodes(step: Step): YNode[] {
  return [step.job.workflow.root.get('env'), step.job.node.get('env'), step.node.get('env')].filter(
    (node): node is YNode => node !== undefined,
  );
}

/** Lines writing an attacker-controlled env variable to $GITHUB_ENV or $GITHUB_PATH. */
const githubEnvInjection: ActionsMatcher = (model) =>
  allSteps(model).flatMap((step) => {
    const tainted = envNodes(step)
      .flatMap((env) => env.entries())
      .filter(([, value]) => expandsAttackerInput(value.str() ?? ''))
      .map(([name]) => name);
    const run = step.run;
    if (!run || tainted.length === 0) return [];
    return (run.str() ?? '')
      .split('\n')
      .filter((line) => /GITHUB_(?:ENV|PATH)\b/.test(line))
      .filter((line) => tainted.some((name) => new RegExp(`\\$\\{?${name}\\b`).test(line)))
      .map((line) => jobHit(step.job, run.find(line.trim()), line.trim(), {}, step));
  });

/** Shell lines that pipe a download into a shell. */
const curlPipeShell: ActionsMatcher = (model) =>
  allSteps(model).flatMap((step) => {
    const run = step.run;
    if (!run) return [];
    return (run.str() ?? '')
      .split('\n')
      .filter((line) => pipesDownloadToShell(line))
      .map((line) => jobHit(step.job, run.find(line.trim()), line.trim(), {}, step));
  });

/** ACTIONS_ALLOW_UNSECURE_COMMANDS turned on at any level. */
const unsecureCommands: ActionsMatcher = (model) =>
  model.workflows.flatMap((workflow) => {
    const hits: CheckHit[] = [];
    const check = (env: YNode | undefined, hit: (node: YNode) => CheckHit): void => {
      const flag = env?.get('ACTIONS_ALLOW_UNSECURE_COMMANDS');
      if (flag && /^(?:true|1|yes)$/i.test(flag.str() ?? '')) hits.push(hit(flag));
    };
    check(workflow.root.get('env'), (node) => workflowHit(workflow, node.span(), 'env'));
    for (const job of workflow.jobs) {
      check(job.node.get('env'), (node) => jobHit(job, node.span(), 'env'));
      for (const step of job.steps) {
        check(step.node.get('env'), (node) => jobHit(job, node.span(), 'env', {}, step));
      }
    }
    return hits;
  });

/** Matchers of the injection family, by name. */
export const INJECTION_MATCHERS: Record<string, ActionsMatcher> = {
  'expression-injection': expressionInjection,
  'input-injection': inputInjection,
  'github-env-injection': githubEnvInjection,
  'curl-pipe-shell': curlPipeShell,
  'unsecure-commands': unsecureCommands,
};
