import type { CheckHit } from '../check-finding.js';
import type { Check } from '../check-schema.js';
import type { DockerModel } from './model.js';

/** A Dockerfile check's logic: every hit of the check in the scanned Dockerfiles. */
export type DockerMatcher = (model: DockerModel, check: Check) => CheckHit[];
