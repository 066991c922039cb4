import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { git, readBlobs, splitNul } from './git.js';
import { renamedSince } from './renames.js';
import { createTextReader } from './file-reader.js';
import { withoutInlineSuppressed } from './inline-suppression.js';
import { numberOccurrences } from './occurrences.js';
import { silentProgress } from './progress.js';
import { runScanners } from './run-scanners.js';
import type { ScanContext, ScanFile, Scanner } from './scanner.js';

/** What a base scan needs: the scan's own settings, and the base commit. */
export interface BaseScanInput {
  root: string;
  /** The commit the change is measured from (HEAD for staged scans, the merge base for --since). */
  rev: string;
  /** Changed paths, relative to the root. */
  paths: readonly string[];
  scanners: readonly Scanner[];
  context: Omit<ScanContext, 'root' | 'files' | 'readText' | 'progress'>;
}

/**
 * Fingerprints of what the same scanners find in the base version of the changed files. A
 * finding whose fingerprint is not among them was introduced by the change, even when it sits
 * on an unchanged line (a deleted guardrail is reported at its resource's header). The base
 * files are written to a temporary folder with the rest of their folders, which scanners that
 * read neighbours (Terraform modules, package.json beside a lockfile) need. A renamed file's
 * base version is its old file's content under the new name, so what it held before the
 * rename is not taken as introduced.
 */
export async function baseFingerprints(input: BaseScanInput): Promise<Set<string>> {
  const entries = baseEntries(input.root, input.rev, input.paths);
  if (entries.size === 0) return new Set();
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-base-'));
  try {
    const blobs = await readBlobs(input.root, [...entries.values()]);
    for (const [path, oid] of entries) {
      const content = blobs.get(oid);
      if (content === undefined) continue;
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const files: ScanFile[] = input.paths
      .filter((path) => entries.has(path))
      .map((path) => ({
        path,
        absPath: join(dir, path),
        size: blobs.get(entries.get(path) ?? '')?.length ?? 0,
        source: 'worktree',
      }));
    const outcomes = await runScanners(
      input.scanners,
      {
        ...input.context,
        root: dir,
        files,
        readText: createTextReader(dir, files, input.context.logger),
        progress: silentProgress,
      },
      { tree: true },
    );
    // Numbered as the scan of the change numbers them: after inline suppression.
    const readLines = (path: string): string[] | undefined =>
      blobs
        .get(entries.get(path) ?? '')
        ?.toString('utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/);
    const findings = numberOccurrences(
      withoutInlineSuppressed(
        outcomes.flatMap((o) => o.findings),
        readLines,
      ).kept,
    );
    return new Set(findings.map((f) => f.fingerprint));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The blobs of the changed files' folders at `rev`: path relative to the root → object id. */
function baseEntries(root: string, rev: string, paths: readonly string[]): Map<string, string> {
  const folders = [
    ...new Set(paths.map((path) => (path.includes('/') ? `${dirname(path)}/` : '.'))),
  ];
  const entries = new Map<string, string>();
  const renames = renamedSince(root, rev);
  for (const folder of folders) {
    // `git ls-tree REV -- DIR/` lists one folder's entries with paths relative to the cwd.
    const listing = splitNul(
      git(root, ['ls-tree', '-z', rev, '--', folder === '.' ? './' : folder]),
    );
    for (const line of listing) {
      const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(line);
      if (match) entries.set(match[2] as string, match[1] as string);
    }
  }
  for (const path of paths) {
    const old = renames.get(path);
    if (old !== undefined && !entries.has(path)) entries.set(path, old);
  }
  return entries;
}
