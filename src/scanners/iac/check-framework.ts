import { join } from 'node:path';

import { configError } from '../../core/errors.js';
import type { CheckHit } from './check-finding.js';
import { IAC_RULES_DIR, loadChecks, selectChecks } from './check-loader.js';
import { runChecks, warnUnknownSuppressions } from './check-run.js';
import type { Check, Condition } from './check-schema.js';
import type { Framework, FrameworkId, FrameworkInput } from './framework.js';

/** Everything that makes one framework: how it reads files and how its checks are decided. */
export interface FrameworkDefinition<Model> {
  id: FrameworkId;
  wants(path: string, text?: string): boolean;
  /** Parse the framework's files into the model its matchers read. */
  build(input: FrameworkInput): Model;
  /** Matchers by the name a check's `match` gives. */
  matchers: Record<string, (model: Model, check: Check) => CheckHit[]>;
  /** Evaluator for declarative `condition`s, for frameworks that have them. */
  condition?: {
    scopes: readonly string[];
    evaluate(condition: Condition, model: Model): CheckHit[];
  };
}

/** The checks of a framework, each verified to name a matcher or scope the framework has. */
export function frameworkChecks<Model>(
  definition: FrameworkDefinition<Model>,
  rulesDir: string = IAC_RULES_DIR,
): Check[] {
  const checks = loadChecks(definition.id, rulesDir);
  for (const check of checks) {
    const file = join(rulesDir, definition.id, `${check.id}.yaml`);
    if (check.match !== undefined && !(check.match in definition.matchers)) {
      throw configError(`check names an unknown matcher: ${check.match}`, { file });
    }
    if (check.condition && !definition.condition?.scopes.includes(check.condition.scope)) {
      throw configError(`check names an unknown condition scope: ${check.condition.scope}`, {
        file,
      });
    }
  }
  return checks;
}

/** Build a Framework from its definition; checks load from rules/iac/<id>/ on first scan. */
export function defineFramework<Model>(definition: FrameworkDefinition<Model>): Framework {
  return {
    id: definition.id,
    wants: definition.wants,
    scan(input) {
      const all = frameworkChecks(definition);
      const checks = selectChecks(all, input.tags);
      if (checks.length === 0 || input.files.length === 0) return [];
      warnUnknownSuppressions(definition.id, all, input.files, input.logger);
      const model = definition.build(input);
      return runChecks(definition.id, checks, input.files, (check) => {
        if (check.condition) return definition.condition?.evaluate(check.condition, model) ?? [];
        const matcher = definition.matchers[check.match ?? ''];
        return matcher ? matcher(model, check) : [];
      });
    },
  };
}
