// One size of the deps benchmark, measured inside its own process.
import { dirname } from 'node:path';

import { openAdvisoryDb } from '../src/advisories/index.js';
import { defaultConfig } from '../src/core/config-schema.js';
import { silentLogger } from '../src/core/logger.js';
import { silentProgress } from '../src/core/progress.js';
import { parseLockfile } from '../src/lockfiles/index.js';
import { depsScanner } from '../src/scanners/deps/index.js';
import { groupPackages } from '../src/scanners/deps/group.js';

/** Medians of the runs for one lockfile. */
export interface SizeMeasure {
  packages: number;
  parseMs: number;
  matchMs: number;
  endToEndMs: number;
  /** CPU time (user and system) of the full scan, steadier than wall time on a busy machine. */
  endToEndCpuMs: number;
  findings: number;
  peakRssMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Time `fn` and return its result with the milliseconds it took. */
function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

/** Parse time, match time (fresh database handle, so its caches start empty) and a full scan. */
export async function measureLockfile(
  path: string,
  text: string,
  dbPath: string,
  runs: number,
): Promise<SizeMeasure> {
  const parse: number[] = [];
  const match: number[] = [];
  const endToEnd: number[] = [];
  const endToEndCpu: number[] = [];
  let packages = 0;
  let findings = 0;

  for (let run = 0; run < runs; run++) {
    const [result, parseMs] = timed(() => parseLockfile('package-lock.json', text));
    parse.push(parseMs);
    packages = result.packages.length;

    const db = openAdvisoryDb(dbPath);
    const [, matchMs] = timed(() =>
      groupPackages(result.packages, true).map((p) =>
        db.matchPackage(p.ecosystem, p.name, p.version),
      ),
    );
    db.close();
    match.push(matchMs);

    const config = defaultConfig();
    config.scanners.deps.db = dbPath;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    findings = 0;
    for await (const finding of depsScanner.scan({
      root: dirname(path),
      files: [{ path: 'package-lock.json', absPath: path, size: text.length, source: 'worktree' }],
      config,
      signal: new AbortController().signal,
      logger: silentLogger,
      progress: silentProgress,
      readText: async () => text,
      reportProblem: () => undefined,
    })) {
      if (finding) findings++;
    }
    endToEnd.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    endToEndCpu.push((cpu.user + cpu.system) / 1000);
  }

  return {
    packages,
    parseMs: median(parse),
    matchMs: median(match),
    endToEndMs: median(endToEnd),
    endToEndCpuMs: median(endToEndCpu),
    findings,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}
