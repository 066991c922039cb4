// Deep-chain parse benchmark: a package-lock.json (v3) where the root depends on p0, p0 on p1,
// and so on, 20,000 and 60,000 levels deep, parsed by `parseLockfile`. Each depth runs in its
// own child process so that its peak memory is its own. Run with `npm run bench:deps-chain`;
// BULWARK_BENCH_RUNS sets the runs per depth (default 3, the median is reported),
// BULWARK_BENCH_DEPTHS the depths (comma-separated), and BULWARK_BENCH_PARSER the lockfiles
// module to load (another checkout's src/lockfiles/index.ts, to compare with a past release).
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEPTHS = (process.env.BULWARK_BENCH_DEPTHS ?? '20000,60000').split(',').map(Number);
const RUNS = Number(process.env.BULWARK_BENCH_RUNS ?? 3);
const PARSER = process.env.BULWARK_BENCH_PARSER ?? resolve(ROOT, 'src/lockfiles/index.ts');

/** The lockfile text of a chain `depth` packages deep, pretty-printed as npm writes it. */
function chainLock(depth: number): string {
  const packages: Record<string, unknown> = { '': { name: 'app', dependencies: { p0: '1.0.0' } } };
  for (let i = 0; i < depth; i++) {
    const next = i + 1 < depth ? { [`p${i + 1}`]: '1.0.0' } : undefined;
    packages[`node_modules/p${i}`] = { version: '1.0.0', dependencies: next };
  }
  return JSON.stringify({ lockfileVersion: 3, packages }, null, 2);
}

/** One child run: parse once, print ms, package count and peak RSS as JSON. */
async function childRun(depth: number): Promise<void> {
  const module = (await import(pathToFileURL(PARSER).href)) as {
    parseLockfile: (path: string, text: string) => { packages: unknown[] };
  };
  const text = chainLock(depth);
  const start = performance.now();
  const result = module.parseLockfile('package-lock.json', text);
  const ms = performance.now() - start;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({ ms, packages: result.packages.length, rssMb, mb: text.length / 1e6 }),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function main(): void {
  console.log('| depth | lockfile MB | packages | parse ms | peak RSS MB |');
  console.log('| ----: | ----------: | -------: | -------: | ----------: |');
  for (const depth of DEPTHS) {
    const runs: Array<{ ms: number; packages: number; rssMb: number; mb: number }> = [];
    for (let run = 0; run < RUNS; run++) {
      try {
        const out = execFileSync(
          process.execPath,
          ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', String(depth)],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
        );
        runs.push(JSON.parse(out) as (typeof runs)[number]);
      } catch {
        console.log(`| ${depth} | | | failed (out of memory or stack) | |`);
        break;
      }
    }
    if (runs.length < RUNS) continue;
    const ms = median(runs.map((r) => r.ms)).toFixed(0);
    const rss = median(runs.map((r) => r.rssMb)).toFixed(0);
    console.log(`| ${depth} | ${runs[0].mb.toFixed(1)} | ${runs[0].packages} | ${ms} | ${rss} |`);
  }
}

if (process.argv[2] === '--child') await childRun(Number(process.argv[3]));
else main();
