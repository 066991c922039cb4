import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';

import { inputError } from '../core/errors.js';
import type { ImportReport } from './import-report.js';
import { fromLegacy, isLegacyRecord, legacyRecordSchema } from './legacy-npm.js';
import type { Advisory } from './model.js';
import { fromOsv } from './osv.js';
import { osvRecordSchema } from './osv-schema.js';

/**
 * Read one advisory file (OSV JSON, OSV YAML, or a legacy npm record, or a JSON object of
 * legacy records keyed by id) into Bulwark's model. A malformed file throws an input error
 * naming the file and line.
 */
export function parseAdvisoryFile(file: string, raw: string, report: ImportReport): Advisory[] {
  // A UTF-8 byte order mark is not part of JSON or YAML text.
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const value = looksLikeJson(file, text) ? parseJson(file, text) : parseYaml(file, text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw inputError(
      'not an OSV advisory: expected a JSON or YAML object with "id" and "affected"',
      { file, line: 1 },
      HINT,
    );
  }

  if (isLegacyRecord(value))
    return fromLegacy(validate(file, text, value, legacyRecordSchema, []), file, report);
  if (isLegacyCollection(value)) {
    return Object.entries(value).flatMap(([key, record]) =>
      fromLegacy(validate(file, text, record, legacyRecordSchema, [key]), file, report),
    );
  }
  const advisory = fromOsv(validate(file, text, value, osvRecordSchema, []), file, report);
  return advisory ? [advisory] : [];
}

/** JSON by name, or by content for a file with another name (`advisory.txt`). */
function looksLikeJson(file: string, text: string): boolean {
  if (/\.json$/i.test(file)) return true;
  if (/\.ya?ml$/i.test(file)) return false;
  return /^\s*[{[]/.test(text);
}

function isLegacyCollection(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'id' in value) {
    return false;
  }
  const values = Object.values(value);
  return values.length > 0 && values.every(isLegacyRecord);
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = jsonErrorLine(text, message);
    throw inputError(`malformed JSON advisory: ${message}`, { file, line }, HINT);
  }
}

/**
 * YAML is read with the failsafe schema so that every scalar stays a string: an unquoted
 * version such as `0.10` must not become the number 0.1.
 */
function parseYaml(file: string, text: string): unknown {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lines.linePos(error.pos[0]);
    // The yaml package ends its first line with "at line L, column C:" before an excerpt;
    // the position goes into the location instead.
    const message = error.message.split('\n')[0].replace(/\s*at line \d+, column \d+:?\s*$/, '');
    throw inputError(`malformed YAML advisory: ${message}`, { file, line, column: col }, HINT);
  }
  return doc.toJS();
}

const HINT = 'fix or remove the file, then import again; the existing database was left as it was';

function validate<T>(
  file: string,
  text: string,
  value: unknown,
  schema: z.ZodType<T>,
  prefix: string[],
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [...prefix, ...issue.path.filter((k) => typeof k !== 'symbol')];
  const line = lineOfPath(text, path);
  throw inputError(
    `not a valid advisory: ${path.join('.') || '(root)'}: ${issue.message}`,
    { file, line },
    HINT,
  );
}

/** The line of the value at `path`, found by reading the text again with positions. */
function lineOfPath(text: string, path: Array<string | number>): number {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter: lines });
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (node && typeof node === 'object' && 'range' in node && Array.isArray(node.range)) {
      return lines.linePos(Number(node.range[0])).line;
    }
  }
  return 1;
}

/**
 * The line of a JSON.parse error. V8 gives either `at position N` or, for an unexpected token,
 * a short excerpt of the text around it, which is looked up in the text.
 */
function jsonErrorLine(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  if (position) return lineAt(text, Number(position[1]));
  if (/end of JSON input/.test(message)) return lineAt(text, text.trimEnd().length);
  const excerpt =
    /Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (!excerpt) return 1;
  const start = text.indexOf(excerpt[2]);
  if (start === -1) return 1;
  return lineAt(text, start + Math.max(0, excerpt[2].indexOf(excerpt[1])));
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
