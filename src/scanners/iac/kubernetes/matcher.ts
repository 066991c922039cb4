import type { CheckHit } from '../check-finding.js';
import type { Check } from '../check-schema.js';
import type { K8sModel } from './manifest.js';

/** A Kubernetes check's logic: every hit of the check in the scanned manifests. */
export type K8sMatcher = (model: K8sModel, check: Check) => CheckHit[];
