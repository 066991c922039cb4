import { readFileSync } from 'node:fs';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

import { defaultConfig } from './config-defaults.js';
import { findConfigFile, type LoadedConfig } from './config-file.js';
import { configSchema, type Config } from './config-schema.js';
import { configError, type SourcePosition } from './errors.js';

export { CONFIG_FILE, type LoadedConfig } from './config-file.js';

/**
 * Load `explicitPath`, or `bulwark.yaml` from `root` or else from the top of its git work tree
 * (so a scan of a subfolder keeps the repository's settings), or the defaults when there is none.
 */
export function loadConfig(root: string, explicitPath?: string): LoadedConfig {
  const file = findConfigFile(root, explicitPath);
  if (!file) return { config: defaultConfig() };
  return { config: readConfigFile(file), file };
}

/** Read and validate one configuration file. */
export function readConfigFile(file: string): Config {
  return parseConfig(readConfigText(file), file);
}

function readConfigText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw configError(
      `cannot read the configuration file (${code})`,
      { file },
      code === 'EISDIR' ? 'it is a directory: remove it or make it a file' : undefined,
    );
  }
}

/** Parse and validate configuration text; errors name file:line:column and the expected shape. */
export function parseConfig(text: string, file: string): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });

  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lines.linePos(syntax.pos[0]);
    throw configError(
      `invalid YAML: ${firstLine(syntax.message)}`,
      { file, line: pos.line, column: pos.col },
      'fix the YAML syntax at that position',
    );
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) {
    throw configError('the file is empty', { file, line: 1 }, 'start it with `version: 1`');
  }

  const result = configSchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  // An unknown key is located at the key itself, not at the object holding it.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  const where = positionOf(doc, lines, path, file);
  const at = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  throw configError(`${at}: ${issue.message}`, where, expectedShape(issue));
}

function positionOf(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  file: string,
): SourcePosition {
  // Walk up the path until a node exists: a missing key is reported at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const keys = path.slice(0, depth).map((k) => (typeof k === 'symbol' ? String(k) : k));
    const node = depth === 0 ? doc.contents : doc.getIn(keys, true);
    const range = rangeOf(node, doc, keys);
    if (range !== undefined) {
      const pos = lines.linePos(range);
      return { file, line: pos.line, column: pos.col };
    }
  }
  return { file, line: 1, column: 1 };
}

function rangeOf(node: unknown, doc: Document, keys: unknown[]): number | undefined {
  // For an unknown key, point at the key itself rather than its value.
  if (keys.length > 0) {
    const parent = keys.length === 1 ? doc.contents : doc.getIn(keys.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find(
        (item) => (item.key as { value?: unknown } | null)?.value === keys[keys.length - 1],
      );
      const keyRange = (pair?.key as { range?: [number, number, number] } | null)?.range;
      if (keyRange) return keyRange[0];
    }
  }
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

function expectedShape(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `remove ${issue.keys.join(', ')}; see docs/configuration.md for the allowed keys`;
    case 'invalid_value':
      return `expected one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      return `expected ${issue.expected}`;
    default:
      return 'see docs/configuration.md, or `bulwark config schema` for the JSON Schema';
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** The JSON Schema of bulwark.yaml, for editors. */
export function configJsonSchema(): unknown {
  return configSchema.toJSONSchema({ io: 'input', unrepresentable: 'any' });
}
