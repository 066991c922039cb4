// Deps scan benchmark: parse a package-lock.json of 500 to 4,000 packages (distinct real npm
// packages from real lockfiles, see deps-lockfile.ts) and match it against every advisory in
// ../shared/advisories, imported once beforehand and timed on its own. Each size runs in a
// child process so that its peak memory is its own. Run with `npm run bench:deps`; set
// BULWARK_BENCH_RUNS for the runs per size (default 5, the median is reported).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { importAdvisories, readSource } from '../src/advisories/index.js';
import { benchPackages, buildLockfile } from './deps-lockfile.js';
import { measureLockfile, type SizeMeasure } from './deps-run.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, '..', 'shared');
const WORK = join(tmpdir(), 'bulwark-bench-deps');
const SIZES = [500, 1000, 2000, 4000];
const RUNS = Number(process.env.BULWARK_BENCH_RUNS ?? 5);

function child(lockfile: string, dbPath: string): SizeMeasure {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', lockfile, dbPath, String(RUNS)],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as SizeMeasure;
}

function main(): void {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const dbPath = join(WORK, 'advisories.db');

  const importStart = performance.now();
  const report = importAdvisories({
    dbPath,
    files: readSource(join(SHARED, 'advisories')),
    replace: true,
    source: 'bench',
  });
  const importMs = performance.now() - importStart;

  const sources = benchPackages(ROOT, SHARED);
  const rows: SizeMeasure[] = [];
  for (const size of SIZES) {
    const dir = join(WORK, String(size));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package-lock.json'), buildLockfile(sources, size));
    rows.push(child(join(dir, 'package-lock.json'), dbPath));
  }

  console.log(
    `import: ${report.advisories} advisories from ${report.files} files in ${importMs.toFixed(0)} ms`,
  );
  console.log(
    '| packages | parse ms | match ms | end to end ms | end to end CPU ms | findings | peak RSS MB |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.packages} | ${r.parseMs.toFixed(1)} | ${r.matchMs.toFixed(1)} | ` +
        `${r.endToEndMs.toFixed(1)} | ${r.endToEndCpuMs.toFixed(1)} | ${r.findings} | ${r.peakRssMb.toFixed(0)} |`,
    );
  }
  rmSync(WORK, { recursive: true, force: true });
}

if (process.argv[2] === '--child') {
  const [lockfile, dbPath, runs] = process.argv.slice(3);
  const text = readFileSync(lockfile, 'utf8');
  process.stdout.write(JSON.stringify(await measureLockfile(lockfile, text, dbPath, Number(runs))));
} else {
  main();
}
