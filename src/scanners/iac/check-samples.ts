import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { FrameworkFile } from './framework.js';

/** One side of a check's samples (rules/iac/<framework>/samples/<check-id>/): its files and the lines each file expects findings on. */
export interface SampleSet {
  files: FrameworkFile[];
  /** `path:line` for every line marked in an `expect:` header. */
  expected: string[];
  /** The reason a negative sample is clean, from its `reason:` header. */
  reason?: string;
}

const HEADER = /^(?:#|\/\/)\s*(expect|reason):\s*(.*)$/;

/**
 * Read `samples/<check-id>/bad.*` or `bad/` (and likewise `good`). Line 1 of every sample file
 * is a header: `# expect: 7, 12` naming the lines that must be reported, or
 * `# reason: ...` saying why a negative sample is clean.
 */
export function readSamples(dir: string, side: 'bad' | 'good'): SampleSet | undefined {
  if (!existsSync(dir)) return undefined;
  const entries = readdirSync(dir).filter((name) => name === side || name.startsWith(`${side}.`));
  if (entries.length !== 1) return undefined;
  const entry = join(dir, entries[0]);
  const paths = statSync(entry).isDirectory()
    ? readdirSync(entry).map((name) => ({ path: name, abs: join(entry, name) }))
    : [{ path: entries[0], abs: entry }];

  const set: SampleSet = { files: [], expected: [] };
  for (const { path, abs } of paths.sort((a, b) => a.path.localeCompare(b.path))) {
    const text = readFileSync(abs, 'utf8');
    set.files.push({ path, text });
    const header = HEADER.exec(text.split('\n')[0]);
    if (header?.[1] === 'expect' && header[2] !== 'none') {
      for (const line of header[2].split(',')) set.expected.push(`${path}:${Number(line)}`);
    }
    if (header?.[1] === 'reason') set.reason = header[2];
  }
  return set;
}
