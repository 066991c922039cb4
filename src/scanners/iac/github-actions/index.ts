import { defineFramework } from '../check-framework.js';
import { INJECTION_MATCHERS } from './matchers-injection.js';
import { PERMISSION_MATCHERS } from './matchers-permissions.js';
import { PINNING_MATCHERS, warnInvalidUses } from './matchers-pinning.js';
import { TRIGGER_MATCHERS } from './matchers-triggers.js';
import { buildActionsModel, isActionsPath } from './model.js';

/** GitHub Actions workflows (.github/workflows/*.yml) and composite actions (action.yml). */
export const githubActionsFramework = defineFramework({
  id: 'github-actions',
  wants: (path) => isActionsPath(path),
  build: (input) => {
    const model = buildActionsModel(input);
    warnInvalidUses(model, input.logger);
    return model;
  },
  matchers: {
    ...PINNING_MATCHERS,
    ...PERMISSION_MATCHERS,
    ...INJECTION_MATCHERS,
    ...TRIGGER_MATCHERS,
  },
});
