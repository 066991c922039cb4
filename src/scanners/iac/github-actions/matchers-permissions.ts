import type { ActionsMatcher } from './matcher.js';
import { jobHit, triggeredBy, workflowHit, type Job, type Workflow } from './model.js';
import type { YNode } from '../check-yaml.js';

/** Triggers whose runs act on content or events from people outside the repository. */
export const UNTRUSTED_TRIGGERS = ['pull_request_target', 'workflow_run', 'issue_comment'];

/**
 * Workflows without top-level permissions: one hit on `on:` when no job sets permissions, else
 * one hit per job that sets none (jobs calling a reusable workflow take the caller's).
 */
const missingPermissions: ActionsMatcher = (model) =>
  model.workflows
    .filter((workflow) => workflow.kind === 'workflow' && !workflow.root.get('permissions'))
    .flatMap((workflow) => {
      const own = (job: Job): boolean => job.node.get('permissions') !== undefined;
      const bare = workflow.jobs.filter((job) => !own(job) && !job.node.get('uses'));
      if (bare.length === 0) return [];
      if (!workflow.jobs.some(own)) {
        const subject = 'the workflow or any of its jobs';
        return [workflowHit(workflow, workflow.anchor.span(), 'permissions', { subject })];
      }
      return bare.map((job) =>
        jobHit(job, job.node.span(), 'permissions', {
          subject: `job ${job.id} nor at the workflow's top level`,
        }),
      );
    });

/** Every `permissions:` node of a workflow: top-level first, then per job. */
function permissionNodes(workflow: Workflow): Array<{ node: YNode; job?: Job }> {
  const top = workflow.root.get('permissions');
  const out: Array<{ node: YNode; job?: Job }> = top ? [{ node: top }] : [];
  for (const job of workflow.jobs) {
    const own = job.node.get('permissions');
    if (own) out.push({ node: own, job });
  }
  return out;
}

/** `permissions: write-all` at workflow or job level. */
const writeAll: ActionsMatcher = (model) =>
  model.workflows.flatMap((workflow) =>
    permissionNodes(workflow)
      .filter(({ node }) => node.str() === 'write-all')
      .map(({ node, job }) =>
        job
          ? jobHit(job, node.span(), 'write-all')
          : workflowHit(workflow, node.span(), 'write-all'),
      ),
  );

/** `id-token: write` in workflows that untrusted events can start. */
const idTokenUntrusted: ActionsMatcher = (model) =>
  model.workflows
    .filter((workflow) => triggeredBy(workflow, UNTRUSTED_TRIGGERS))
    .flatMap((workflow) =>
      permissionNodes(workflow).flatMap(({ node, job }) => {
        const token = node.get('id-token');
        if (token?.str() !== 'write') return [];
        return [
          job
            ? jobHit(job, token.span(), 'id-token')
            : workflowHit(workflow, token.span(), 'id-token'),
        ];
      }),
    );

/** Whether a job's runs-on names a self-hosted runner (string, list or labels group). */
function selfHosted(runsOn: YNode): boolean {
  const labels = [
    runsOn.str(),
    ...runsOn.items().map((item) => item.str()),
    ...(runsOn.get('labels')?.items() ?? []).map((i) => i.str()),
    runsOn.get('labels')?.str(),
  ];
  return labels.some((label) => label === 'self-hosted');
}

/**
 * Jobs on self-hosted runners in workflows that pull requests can start. This cannot tell
 * whether the repository is public.
 */
const selfHostedPr: ActionsMatcher = (model) =>
  model.workflows
    .filter((workflow) => triggeredBy(workflow, ['pull_request', 'pull_request_target']))
    .flatMap((workflow) =>
      workflow.jobs.flatMap((job) => {
        const runsOn = job.node.get('runs-on');
        return runsOn && selfHosted(runsOn) ? [jobHit(job, runsOn.span(), 'runs-on')] : [];
      }),
    );

/** Matchers of the permissions family, by name. */
export const PERMISSION_MATCHERS: Record<string, ActionsMatcher> = {
  'missing-permissions': missingPermissions,
  'write-all': writeAll,
  'id-token-untrusted': idTokenUntrusted,
  'self-hosted-pr': selfHostedPr,
};
