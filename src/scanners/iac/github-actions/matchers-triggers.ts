import { parseActionRef } from './action-ref.js';
import type { ActionsMatcher } from './matcher.js';
import { allSteps, jobHit, triggeredBy, type Step } from './model.js';

/** The action repository a step uses, or undefined. */
function actionOf(step: Step): string | undefined {
  const uses = step.uses?.str();
  return uses ? parseActionRef(uses).repo?.toLowerCase() : undefined;
}

/**
 * Triggers that run with the repository's secrets and a write token while a pull request's
 * author (or a commenter) can point them at the pull request's code.
 */
const PRIVILEGED_PR_TRIGGERS = [
  'pull_request_target',
  'workflow_run',
  'issue_comment',
  'pull_request_review_comment',
];

/** Refs that name the contributor's code in privileged events (`refs/pull/<n>/head` included). */
const UNTRUSTED_REF =
  /github\.event\.pull_request\.(?:head\.(?:sha|ref)|merge_commit_sha|number)|github\.head_ref|github\.event\.workflow_run\.head_(?:sha|branch)|github\.event\.(?:issue\.)?number|refs\/pull\//;

/** Privileged triggers that check out a pull request's code. */
const untrustedCheckout: ActionsMatcher = (model) =>
  allSteps(model)
    .filter((step) => triggeredBy(step.job.workflow, PRIVILEGED_PR_TRIGGERS))
    .flatMap((step) => {
      const ref = step.node.at('with.ref');
      if (actionOf(step) === 'actions/checkout' && ref && UNTRUSTED_REF.test(ref.str() ?? '')) {
        const span = ref.spanWithValue();
        return [jobHit(step.job, span, 'checkout', { value: ref.str() ?? '' }, step)];
      }
      const run = step.run;
      const line = (run?.str() ?? '')
        .split('\n')
        .find((text) => /\bgh\s+pr\s+checkout\b/.test(text));
      return run && line
        ? [jobHit(step.job, run.find(line.trim()), 'gh pr checkout', { value: line.trim() }, step)]
        : [];
    });

const DOWNLOADS = ['actions/download-artifact', 'dawidd6/action-download-artifact'];
const EXECUTES =
  /(?:^|[\s;&|(])(?:\.\/|bash\s|sh\s|source\s|\.\s|python3?\s|node\s|npm\s+(?:run|install|ci|test)|make\b|unzip\s)/m;

/**
 * workflow_run jobs that download artifacts and then run code. Any run line that looks like it
 * executes something (`./`, `bash`, `sh`, `source`, `python`, `node`, `npm run`, `make`,
 * `unzip`) after a download step counts as executing the artifact.
 */
const artifactExecution: ActionsMatcher = (model) =>
  model.workflows
    .filter((workflow) => triggeredBy(workflow, ['workflow_run']))
    .flatMap((workflow) =>
      workflow.jobs.flatMap((job) => {
        const download = job.steps.findIndex((step) => DOWNLOADS.includes(actionOf(step) ?? ''));
        if (download < 0) return [];
        return job.steps.slice(download + 1).flatMap((step) => {
          const run = step.run;
          const line = (run?.str() ?? '').split('\n').find((text) => EXECUTES.test(text));
          return run && line ? [jobHit(job, run.find(line.trim()), line.trim(), {}, step)] : [];
        });
      }),
    );

const RELEASE_TRIGGERS = ['release', 'registry_package'];

/** Whether a workflow publishes: runs on releases or on pushed tags. */
function isRelease(workflow: Step['job']['workflow']): boolean {
  if (triggeredBy(workflow, RELEASE_TRIGGERS)) return true;
  return workflow.triggers.get('push')?.get('tags') !== undefined;
}

/** Caches restored in release workflows, where a poisoned cache reaches the published build. */
const releaseCache: ActionsMatcher = (model) =>
  allSteps(model)
    .filter((step) => isRelease(step.job.workflow))
    .flatMap((step) => {
      const action = actionOf(step) ?? '';
      const cacheInput = step.node.at('with.cache');
      if (/^actions\/cache$/.test(action) && step.uses) {
        return [jobHit(step.job, step.uses.span(), 'cache', { value: action }, step)];
      }
      if (/^actions\/setup-/.test(action) && cacheInput && cacheInput.str() !== 'false') {
        return [jobHit(step.job, cacheInput.span(), 'cache', { value: action }, step)];
      }
      return [];
    });

/** actions/checkout leaving the token in .git/config for every later step. */
const persistedCredentials: ActionsMatcher = (model) =>
  allSteps(model)
    .filter((step) => actionOf(step) === 'actions/checkout' && step.uses)
    .filter(
      (step) =>
        step.node.at('with.persist-credentials')?.value() !== false &&
        step.node.at('with.persist-credentials')?.str() !== 'false',
    )
    .map((step) => jobHit(step.job, step.uses?.span() ?? step.node.span(), 'checkout', {}, step));

/** Matchers of the trigger family, by name. */
export const TRIGGER_MATCHERS: Record<string, ActionsMatcher> = {
  'untrusted-checkout': untrustedCheckout,
  'artifact-execution': artifactExecution,
  'release-cache': releaseCache,
  'persisted-credentials': persistedCredentials,
};
