import { defineFramework } from '../check-framework.js';
import { GITLAB_MATCHERS } from './matchers.js';
import { buildGitlabModel, isGitlabCiPath, mayBeCiInclude } from './model.js';

/**
 * GitLab CI: .gitlab-ci.yml and the local files it includes. Other YAML files with jobs are
 * read only so that includes can be followed; they are checked only when included.
 */
export const gitlabCiFramework = defineFramework({
  id: 'gitlab-ci',
  wants: (path, text) => isGitlabCiPath(path) || mayBeCiInclude(path, text),
  build: buildGitlabModel,
  matchers: GITLAB_MATCHERS,
});
