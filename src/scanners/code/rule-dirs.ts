import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';

import { RULE_LANGUAGES } from './languages.js';

/** What is wrong with a team rules folder: errors stop its rules, warnings only inform. */
export interface FolderCheck {
  errors: Array<{ file: string; problem: string }>;
  warnings: string[];
}

const ACCEPTED = RULE_LANGUAGES.join(', ');

/**
 * Check a team rules folder that exists: it must be a folder, and each sub-folder is a
 * language folder. A sub-folder with another name (`javascript/`, `ts/`, `Python/`) would be
 * skipped without a word, so it gets a warning naming the accepted names.
 */
export function checkRulesFolder(dir: string): FolderCheck {
  const out: FolderCheck = { errors: [], warnings: [] };
  if (!existsSync(dir)) return out;
  if (!statSync(dir).isDirectory()) {
    out.errors.push({
      file: dir,
      problem: `the rules folder is a file; point rulesDir at a folder holding ${ACCEPTED} sub-folders`,
    });
    return out;
  }
  for (const name of readdirSync(dir).sort()) {
    if ((RULE_LANGUAGES as readonly string[]).includes(name)) continue;
    if (!statSync(`${dir}/${name}`).isDirectory()) continue;
    out.warnings.push(
      `${dir}/${name}: not a language folder, its rules are not loaded; language folders are named ${ACCEPTED}`,
    );
  }
  return out;
}

/**
 * Why a folder given to `bulwark rules test` cannot be tested, or undefined when it can: it
 * must exist, be a folder, and hold at least one language folder.
 */
export function rulesFolderProblem(dir: string): { message: string; hint: string } | undefined {
  if (!existsSync(dir)) {
    return {
      message: `${dir} does not exist`,
      hint: `pass a rules folder with ${ACCEPTED} sub-folders`,
    };
  }
  if (!statSync(dir).isDirectory()) {
    return {
      message: `${dir} is a file`,
      hint: `pass the rules folder that holds it (a folder with ${ACCEPTED} sub-folders)`,
    };
  }
  const languages = readdirSync(dir).filter((name) =>
    (RULE_LANGUAGES as readonly string[]).includes(name),
  );
  if (languages.length > 0) return undefined;
  if ((RULE_LANGUAGES as readonly string[]).includes(basename(dir))) {
    return {
      message: `${dir} is a language folder`,
      hint: `pass its parent folder, ${dirname(dir)}`,
    };
  }
  return {
    message: `${dir} has no language folders`,
    hint: `rules live in sub-folders named ${ACCEPTED}`,
  };
}
