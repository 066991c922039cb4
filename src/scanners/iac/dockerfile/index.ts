import { defineFramework } from '../check-framework.js';
import { BASE_IMAGE_MATCHERS } from './matchers-base-image.js';
import { INSTRUCTION_MATCHERS } from './matchers-instructions.js';
import { RUN_MATCHERS } from './matchers-run.js';
import { buildDockerModel, isDockerfilePath } from './model.js';

/**
 * Dockerfiles and Containerfiles (BuildKit heredocs included). `.dockerignore` files are
 * wanted too, so that checks know whether one sits beside a Dockerfile.
 */
export const dockerfileFramework = defineFramework({
  id: 'dockerfile',
  wants: (path) => isDockerfilePath(path) || /(?:^|\/)(?:[^/]*\.)?dockerignore$/.test(path),
  build: buildDockerModel,
  matchers: { ...BASE_IMAGE_MATCHERS, ...RUN_MATCHERS, ...INSTRUCTION_MATCHERS },
});
