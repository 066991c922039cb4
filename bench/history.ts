// History scan benchmark: `bulwark scan --history` on a generated repository of real
// third-party source (20,000 commits by default), measured at 5k, 10k and 20k commits to
// show that memory stays flat as history grows. `git log` alone is timed as the floor, as one
// process and as the slices Bulwark runs side by side.
// Run with `npm run bench:history`; BULWARK_BENCH_COMMITS sets the largest size.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { countCommits, gitLogArgs, resolveRange } from '../src/scanners/secrets/history-git.js';
import { slicesOf } from '../src/scanners/secrets/history.js';
import { buildHistoryRepo, collectSources, commitIds, type PlantedCommit } from './history-repo.js';
import { timedRun } from './secrets-run.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REPO = join(tmpdir(), 'bulwark-bench-history', 'repo');
const COMMITS = Number(process.env.BULWARK_BENCH_COMMITS ?? 20_000);
const SIZES = [COMMITS / 4, COMMITS / 2, COMMITS];

/** Run `git log` with `args` in the repository; the bytes it writes. */
function gitLog(args: string[]): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', args, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    child.on('error', reject);
    child.on('close', () => resolvePromise(bytes));
  });
}

/**
 * Bytes `git log` writes for the history scan of `range`; how long git alone takes as one
 * process, and as the slices Bulwark divides the history into, run side by side.
 */
async function gitLogFloor(
  range: string,
): Promise<{ bytes: number; seconds: number; slicedSeconds: number; slices: number }> {
  const revs = resolveRange(REPO, range);
  let started = process.hrtime.bigint();
  const bytes = await gitLog(gitLogArgs(revs));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  started = process.hrtime.bigint();
  const slices = slicesOf(countCommits(REPO, revs));
  await Promise.all(slices.map((slice) => gitLog(gitLogArgs(revs, slice.skip, slice.count))));
  const slicedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { bytes, seconds, slicedSeconds, slices: slices.length };
}

interface Reported {
  ruleId: string;
  location: { path: string; startLine: number; commit?: string };
}

async function main(): Promise<void> {
  const sources = collectSources(join(ROOT, 'node_modules'), 3000);
  const built = process.hrtime.bigint();
  const planted = await buildHistoryRepo(REPO, sources, COMMITS);
  const ids = commitIds(REPO);
  const buildSeconds = Number(process.hrtime.bigint() - built) / 1e9;
  console.log(
    `Repository: ${COMMITS} commits of real node_modules source (built in ${buildSeconds.toFixed(1)} s); ${availableParallelism()} cores; Node ${process.version}`,
  );
  console.log(`Load average at the start: ${loadavg()[0].toFixed(1)}`);
  console.log('');
  console.log(
    '| commits | patch text (MiB) | git log alone (s) | git log in slices (s) | Bulwark wall (s) | MiB/s | CPU (s) | peak memory (MiB) | peak with 64 MiB heap cap (MiB) | planted found | findings |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');

  for (const size of SIZES) {
    const head = ids.get(size);
    if (!head) throw new Error(`no commit ${size}`);
    const log = await gitLogFloor(head);
    const out = join(tmpdir(), 'bulwark-bench-history', `findings-${size}.json`);
    const args = [
      'scan',
      REPO,
      '--history',
      head,
      '--scanners',
      'secrets',
      '--no-baseline',
      '-f',
      'json',
      '-o',
      out,
      '-q',
    ];
    const command = ['node', join(ROOT, 'dist/cli/main.js'), ...args];
    rmSync(out, { force: true });
    const measure = await timedRun(command, ROOT);
    // Exit 1 means findings, but an uncaught error exits 1 too: the report must exist.
    if (measure.exitCode > 1 || !existsSync(out)) {
      throw new Error(`bulwark failed: ${measure.stderrTail}`);
    }
    // The same scan with every thread's old generation capped: it must still finish, and
    // its peak shows the memory the scan needs rather than what V8 chose to keep.
    const capped = await timedRun(command, ROOT, {
      ...process.env,
      NODE_OPTIONS: '--max-old-space-size=64',
    });
    if (capped.exitCode > 1)
      throw new Error(`bulwark failed with a capped heap: ${capped.stderrTail}`);
    const findings = (JSON.parse(readFileSync(out, 'utf8')) as { findings: Reported[] }).findings;
    const expected = planted.filter((p) => p.commit <= size);
    const hit = expected.filter((p) => isReported(findings, p, ids)).length;
    const mib = log.bytes / 2 ** 20;
    console.log(
      `| ${size} | ${mib.toFixed(1)} | ${log.seconds.toFixed(2)} | ${log.slicedSeconds.toFixed(2)} (${log.slices}) | ${measure.wallSeconds.toFixed(2)} | ${(mib / measure.wallSeconds).toFixed(1)} | ${measure.cpuSeconds.toFixed(2)} | ${measure.peakMiB.toFixed(0)} | ${capped.peakMiB.toFixed(0)} | ${hit}/${expected.length} | ${findings.length} |`,
    );
  }
  console.log('');
  console.log(`Load average at the end: ${loadavg()[0].toFixed(1)}`);
}

function isReported(findings: Reported[], p: PlantedCommit, ids: Map<number, string>): boolean {
  return findings.some(
    (f) =>
      f.location.commit === ids.get(p.commit) &&
      f.location.path === p.path &&
      f.location.startLine === p.line,
  );
}

await main();
