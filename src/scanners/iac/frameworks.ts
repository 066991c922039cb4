import type { Framework } from './framework.js';
import { dockerfileFramework } from './dockerfile/index.js';
import { githubActionsFramework } from './github-actions/index.js';
import { gitlabCiFramework } from './gitlab-ci/index.js';
import { kubernetesFramework } from './kubernetes/index.js';
import { terraformFramework } from './terraform/terraform-framework.js';

/** Every infrastructure framework the iac scanner runs. */
export const FRAMEWORKS: readonly Framework[] = [
  kubernetesFramework,
  dockerfileFramework,
  githubActionsFramework,
  gitlabCiFramework,
  terraformFramework,
];
