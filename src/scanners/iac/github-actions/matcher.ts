import type { CheckHit } from '../check-finding.js';
import type { Check } from '../check-schema.js';
import type { ActionsModel } from './model.js';

/** A GitHub Actions check's logic: every hit of the check in the scanned workflows. */
export type ActionsMatcher = (model: ActionsModel, check: Check) => CheckHit[];
