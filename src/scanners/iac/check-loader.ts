import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parseDocument } from 'yaml';

import { configError } from '../../core/errors.js';
import { checkSchema, type Check } from './check-schema.js';
import type { FrameworkId } from './framework.js';

/** The rules/iac folder shipped with the package (same depth from src/ and dist/). */
export const IAC_RULES_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'rules',
  'iac',
);

const cache = new Map<string, Check[]>();

/**
 * Load and validate every check of a framework from `<dir>/<framework>/*.yaml`, sorted by id.
 * A malformed check is a configuration error naming its file and the first problem.
 */
export function loadChecks(framework: FrameworkId, dir: string = IAC_RULES_DIR): Check[] {
  const folder = join(dir, framework);
  const cached = cache.get(folder);
  if (cached) return cached;

  const checks: Check[] = [];
  const names = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
  for (const name of names.sort()) {
    const file = join(folder, name);
    const doc = parseDocument(readFileSync(file, 'utf8'));
    if (doc.errors.length > 0) {
      throw configError(`invalid YAML in check: ${doc.errors[0].message}`, { file });
    }
    const parsed = checkSchema.safeParse(doc.toJS());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      throw configError(`invalid check: ${at}${issue.message}`, { file });
    }
    if (`${parsed.data.id}.yaml` !== name && `${parsed.data.id}.yml` !== name) {
      throw configError(`check id ${parsed.data.id} does not match its file name`, { file });
    }
    checks.push(parsed.data);
  }

  cache.set(folder, checks);
  return checks;
}

/** The checks that run under a tier's tag filter: all of them when no tags are given. */
export function selectChecks(checks: readonly Check[], tags?: readonly string[]): Check[] {
  if (!tags || tags.length === 0) return [...checks];
  return checks.filter((check) => check.tags.some((tag) => tags.includes(tag)));
}
