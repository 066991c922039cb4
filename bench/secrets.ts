// Secrets scan benchmark: Bulwark's built CLI and secretlint 13 (recommended preset) on the
// same corpus (text files from this repository's node_modules plus planted secrets), one
// after the other, each from a warm page cache. Run with `npm run bench:secrets`; set
// BULWARK_BENCH_MB to cap the corpus size (default: every text file up to 1 MB) and
// BULWARK_BENCH_RUNS (default 2).
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildCorpus, plantSecrets, type PlantedSecret } from './secrets-corpus.js';
import { listFiles, timedRun, treeBytes, warmCache, type RunMeasure } from './secrets-run.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(tmpdir(), 'bulwark-bench-secrets');
const CORPUS = join(WORK, 'corpus');
const TARGET_MB = Number(process.env.BULWARK_BENCH_MB ?? Number.POSITIVE_INFINITY);
const RUNS = Number(process.env.BULWARK_BENCH_RUNS ?? 2);

/** A finding reduced to where it is and which rule made it. */
interface Hit {
  path: string;
  line: number;
  rule: string;
}

interface ToolResult {
  name: string;
  runs: RunMeasure[];
  hits: Hit[];
}

function bulwarkHits(file: string): Hit[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    findings: Array<{ ruleId: string; location: { path: string; startLine: number } }>;
  };
  return report.findings.map((f) => ({
    path: f.location.path,
    line: f.location.startLine,
    rule: f.ruleId,
  }));
}

function secretlintHits(file: string): Hit[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as Array<{
    filePath: string;
    messages: Array<{ ruleId: string; loc: { start: { line: number } } }>;
  }>;
  return report.flatMap((entry) =>
    entry.messages.map((m) => ({
      path: entry.filePath
        .slice(CORPUS.length + 1)
        .split('\\')
        .join('/'),
      line: m.loc.start.line,
      rule: m.ruleId.replace('@secretlint/secretlint-rule-', 'secretlint/'),
    })),
  );
}

function found(hits: readonly Hit[], secret: PlantedSecret): boolean {
  return hits.some((h) => h.path === secret.path && h.line === secret.line);
}

function best(runs: readonly RunMeasure[]): RunMeasure {
  return [...runs].sort((a, b) => a.wallSeconds - b.wallSeconds)[0];
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  buildCorpus(join(ROOT, 'node_modules'), CORPUS, TARGET_MB * 1e6);
  const planted = plantSecrets(CORPUS, listFiles(CORPUS));
  const files = listFiles(CORPUS).length;
  const bytes = treeBytes(CORPUS);
  const rc = join(WORK, 'secretlintrc.json');
  writeFileSync(
    rc,
    JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }),
  );
  rmSync(join(WORK, 'node_modules'), { force: true });
  symlinkSync(join(ROOT, 'node_modules'), join(WORK, 'node_modules'));
  warmCache(CORPUS);

  const bulwarkOut = join(WORK, 'bulwark.json');
  const secretlintOut = join(WORK, 'secretlint.json');
  const tools = [
    {
      name: 'Bulwark',
      command: [
        'node',
        join(ROOT, 'dist/cli/main.js'),
        'scan',
        CORPUS,
        '--scanners',
        'secrets',
        '--no-baseline',
        '-f',
        'json',
        '-o',
        bulwarkOut,
        '-q',
      ],
      cwd: WORK,
      output: bulwarkOut,
      hits: () => bulwarkHits(bulwarkOut),
    },
    {
      name: 'secretlint 13',
      command: [
        'node',
        join(ROOT, 'node_modules/secretlint/bin/secretlint.js'),
        '**/*',
        '--format',
        'json',
        '--output',
        secretlintOut,
        '--secretlintrc',
        rc,
        '--no-color',
      ],
      cwd: CORPUS,
      output: secretlintOut,
      hits: () => secretlintHits(secretlintOut),
    },
  ];

  const results: ToolResult[] = tools.map((t) => ({ name: t.name, runs: [], hits: [] }));
  for (let run = 0; run < RUNS; run++) {
    for (const [i, tool] of tools.entries()) {
      rmSync(tool.output, { force: true });
      const measure = await timedRun(tool.command, tool.cwd);
      // Exit 1 means findings, but an uncaught error exits 1 too: the report must exist.
      if (!existsSync(tool.output)) {
        throw new Error(`${tool.name} wrote no report: ${measure.stderrTail}`);
      }
      if (measure.exitCode > 1)
        throw new Error(`${tool.name} failed (${measure.exitCode}): ${measure.stderrTail}`);
      results[i].runs.push(measure);
      results[i].hits = tool.hits();
    }
  }

  printReport(results, planted, files, bytes);
  await engineOnly(bytes);
}

/**
 * The secrets scanner alone, in this process from the built library, on the same files:
 * no CLI start-up, module loading or file discovery. Best of RUNS runs, warm.
 */
async function engineOnly(bytes: number): Promise<void> {
  const lib = (path: string): Promise<Record<string, unknown>> => import(join(ROOT, 'dist', path));
  const { secretsScanner } = (await lib('scanners/secrets/index.js')) as {
    secretsScanner: import('../src/core/scanner.js').Scanner;
  };
  const { defaultConfig } = (await lib('core/config-schema.js')) as {
    defaultConfig: () => import('../src/core/config-schema.js').Config;
  };
  const files = listFiles(CORPUS).map((path) => ({
    path,
    absPath: join(CORPUS, path),
    size: statSync(join(CORPUS, path)).size,
    source: 'worktree' as const,
  }));
  let best = Number.POSITIVE_INFINITY;
  let count = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    count = 0;
    const context = {
      root: CORPUS,
      files,
      config: defaultConfig(),
      signal: new AbortController().signal,
      logger: { debug: noop, info: noop, warn: noop, error: noop },
      progress: { start: noop, tick: noop, done: noop },
      readText: async () => undefined,
      reportProblem: noop,
    };
    for await (const finding of secretsScanner.scan(context)) count += finding ? 1 : 0;
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  }
  console.log('');
  console.log(
    `Secrets scanner alone (in process, from dist/, warm, best of ${RUNS}): ${best.toFixed(2)} s, ${(bytes / 1e6 / best).toFixed(1)} MB/s, ${count} findings`,
  );
}

function noop(): void {}

function printReport(
  results: ToolResult[],
  planted: PlantedSecret[],
  files: number,
  bytes: number,
): void {
  const mb = bytes / 1e6;
  const rate = (r: ToolResult): number => mb / best(r.runs).wallSeconds;
  const [bulwark, secretlint] = results;
  console.log(
    `Corpus: ${files} files, ${mb.toFixed(1)} MB (node_modules text files + ${planted.length} planted secrets); ${availableParallelism()} cores; Node ${process.version}; best of ${RUNS} runs`,
  );
  console.log('');
  console.log(
    '| tool | wall time (s) | throughput (MB/s) | CPU time (s) | MB per CPU-second | peak memory (MiB) | planted secrets found | other findings |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const m = best(r.runs);
    const hitPlanted = planted.filter((p) => found(r.hits, p)).length;
    const other = r.hits.filter(
      (h) => !planted.some((p) => p.path === h.path && p.line === h.line),
    ).length;
    const peak = Math.max(...r.runs.map((x) => x.peakMiB));
    console.log(
      `| ${r.name} | ${m.wallSeconds.toFixed(2)} | ${rate(r).toFixed(1)} | ${m.cpuSeconds.toFixed(2)} | ${(mb / m.cpuSeconds).toFixed(1)} | ${peak.toFixed(0)} | ${hitPlanted}/${planted.length} | ${other} |`,
    );
  }
  console.log('');
  const cpuRatio = best(secretlint.runs).cpuSeconds / best(bulwark.runs).cpuSeconds;
  console.log(
    `Throughput ratio Bulwark / secretlint: ${(rate(bulwark) / rate(secretlint)).toFixed(1)}x wall-clock, ${cpuRatio.toFixed(1)}x per CPU-second; load average ${loadavg()[0].toFixed(1)} at the end`,
  );
  console.log('');
  console.log('| planted secret | Bulwark | secretlint 13 |');
  console.log('| --- | :---: | :---: |');
  for (const p of planted) {
    console.log(
      `| ${p.kind} | ${found(bulwark.hits, p) ? 'found' : 'missed'} | ${found(secretlint.hits, p) ? 'found' : 'missed'} |`,
    );
  }
  for (const r of results) {
    const other = r.hits.filter(
      (h) => !planted.some((p) => p.path === h.path && p.line === h.line),
    );
    const byRule = new Map<string, number>();
    for (const h of other) byRule.set(h.rule, (byRule.get(h.rule) ?? 0) + 1);
    const top = [...byRule].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log('');
    console.log(
      `${r.name} findings outside the planted secrets, by rule: ${top.map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`,
    );
    for (const h of other.slice(0, 12)) console.log(`  ${h.rule} ${h.path}:${h.line}`);
  }
}

await main();
