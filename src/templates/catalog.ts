import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { usageError } from '../core/errors.js';

/** The templates `bulwark init --with` can add; `base` is always written. */
export const OPTIONAL_TEMPLATES = [
  'github-actions',
  'gitlab-ci',
  'docker',
  'kubernetes',
  'terraform-aws',
] as const;

/** A template's name. */
export type TemplateName = 'base' | (typeof OPTIONAL_TEMPLATES)[number];

/** What `bulwark init` writes when `--with` is not given. */
export const DEFAULT_TEMPLATES: readonly TemplateName[] = ['github-actions'];

/** One file of a template: its path inside the target folder and its path on disk. */
export interface TemplateFile {
  template: TemplateName;
  path: string;
  source: string;
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The folder holding the template folders: beside this module (src/templates when run from
 * source, dist/templates after the build copied them), or src/templates of the package when a
 * build was made without copying them.
 */
export function templatesDir(): string {
  if (existsSync(join(here, 'base'))) return here;
  return resolve(here, '..', '..', 'src', 'templates');
}

/** Turn `--with a,b` into template names, rejecting unknown ones. */
export function parseTemplateList(list: string | undefined): TemplateName[] {
  if (list === undefined) return [...DEFAULT_TEMPLATES];
  const names = list
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const known = OPTIONAL_TEMPLATES as readonly string[];
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw usageError(
      `unknown template: ${unknown.join(', ')}`,
      `choose from ${OPTIONAL_TEMPLATES.join(', ')}`,
    );
  }
  return [...new Set(names)] as TemplateName[];
}

/** Every file of the given templates (base first), in a stable order. */
export function templateFiles(
  names: readonly TemplateName[],
  dir = templatesDir(),
): TemplateFile[] {
  const chosen: TemplateName[] = ['base', ...names.filter((name) => name !== 'base')];
  return chosen.flatMap((template) => {
    const root = join(dir, template);
    return walk(root).map((source) => ({
      template,
      path: relative(root, source).split('\\').join('/'),
      source,
    }));
  });
}

function walk(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}
