import type { CheckHit } from '../check-finding.js';
import type { Logger } from '../../../core/logger.js';
import { describeProblem, type YNode } from '../check-yaml.js';
import { parseActionRef, type ActionRef } from './action-ref.js';
import type { ActionsMatcher } from './matcher.js';
import { jobHit, type ActionsModel, type Job, type Step } from './model.js';

/** A `uses:` of a step or of a job calling a reusable workflow. */
interface Use {
  job: Job;
  step?: Step;
  node: YNode;
  ref: ActionRef;
  value: string;
}

function uses(model: ActionsModel): Use[] {
  const out: Use[] = [];
  for (const job of model.workflows.flatMap((workflow) => workflow.jobs)) {
    const own = job.workflow.kind === 'workflow' ? job.node.get('uses') : undefined;
    const value = own?.str();
    if (own && value) out.push({ job, node: own, ref: parseActionRef(value), value });
    for (const step of job.steps) {
      const text = step.uses?.str();
      if (step.uses && text)
        out.push({ job, step, node: step.uses, ref: parseActionRef(text), value: text });
    }
  }
  return out;
}

function useHit(use: Use, node: YNode = use.node, detail = use.value): CheckHit {
  const pin = use.ref.kind === 'docker' ? 'an image digest (@sha256:...)' : 'a full commit SHA';
  return jobHit(use.job, node.span(), detail, { value: use.value, pin }, use.step);
}

/**
 * Whether a reference needs a pin and lacks it: remote or docker, not pinned. A value that
 * names no action is left to the warning `invalidUses` writes.
 */
function unpinned(use: Use): boolean {
  return (use.ref.kind === 'remote' || use.ref.kind === 'docker') && !use.ref.pinned;
}

/** Warn once per `uses:` value that names no action: it cannot be checked, and fails to run. */
export function warnInvalidUses(model: ActionsModel, logger: Logger): void {
  for (const use of uses(model).filter((candidate) => candidate.ref.kind === 'invalid')) {
    const problem = {
      ...use.node.span(),
      message: `github-actions: uses: ${use.value} is not an action reference (owner/repo@ref, ./path or docker://image); it was not checked`,
    };
    logger.warn(describeProblem(use.job.workflow.path, problem));
  }
}

/**
 * Third-party actions and reusable workflows not pinned to a full commit SHA. Repositories in
 * `params.tagOnly` are skipped: they verify their own tag and do not work when pinned by SHA.
 */
const unpinnedThirdParty: ActionsMatcher = (model, check) => {
  const tagOnly = (check.params.tagOnly as string[] | undefined) ?? [];
  return uses(model)
    .filter((use) => unpinned(use) && !use.ref.firstParty)
    .filter((use) => !tagOnly.includes(use.ref.repo ?? ''))
    .map((use) => useHit(use));
};

/** GitHub-owned actions (actions/*, github/*) not pinned to a full commit SHA. */
const unpinnedFirstParty: ActionsMatcher = (model) =>
  uses(model)
    .filter((use) => unpinned(use) && use.ref.firstParty)
    .map((use) => useHit(use));

/** Secrets handed through `with:` or `env:` to an unpinned third-party action. */
const secretsToUnpinned: ActionsMatcher = (model) =>
  uses(model)
    .filter((use) => use.step && unpinned(use) && !use.ref.firstParty)
    .flatMap((use) =>
      ['with', 'env'].flatMap((section) =>
        (use.step?.node.get(section)?.entries() ?? [])
          .filter(([, value]) => /\$\{\{[^}]*\bsecrets\./.test(value.str() ?? ''))
          .map(([name, value]) => useHit(use, value, `${section}.${name}`)),
      ),
    );

/**
 * `secrets: inherit` passed to a reusable workflow of another repository. This cannot tell
 * whether the called workflow belongs to the same owner.
 */
const secretsInherit: ActionsMatcher = (model) =>
  uses(model)
    .filter((use) => !use.step && use.ref.kind === 'remote')
    .flatMap((use) => {
      const secrets = use.job.node.get('secrets');
      return secrets?.str() === 'inherit' ? [useHit(use, secrets, 'secrets: inherit')] : [];
    });

/** Matchers of the pinning family, by name. */
export const PINNING_MATCHERS: Record<string, ActionsMatcher> = {
  'unpinned-third-party': unpinnedThirdParty,
  'unpinned-first-party': unpinnedFirstParty,
  'secrets-to-unpinned': secretsToUnpinned,
  'secrets-inherit': secretsInherit,
};
