// Infrastructure-as-code benchmark: precision and recall of every framework's checks on their
// samples, then files per second on a generated tree of 2,000 Terraform, Kubernetes and
// Dockerfile files, in process (the iac scanner alone) and through the built CLI. Run with
// `npm run bench:iac`; BULWARK_BENCH_FILES sets the tree size, BULWARK_BENCH_RUNS the runs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { Finding } from '../src/core/finding.js';
import type { ScanContext, ScanFile } from '../src/core/scanner.js';
import type { FrameworkFile, FrameworkId } from '../src/scanners/iac/framework.js';
import { measureAccuracy, rates, type SampleCase } from './iac-accuracy.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TREE = join(tmpdir(), 'bulwark-bench-iac');
const FILES = Number(process.env.BULWARK_BENCH_FILES ?? 2000);
const RUNS = Number(process.env.BULWARK_BENCH_RUNS ?? 3);

/** Load a module of the built package, typed by its source. */
async function built<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(join(ROOT, 'dist', path)).href)) as T;
}

const { FRAMEWORKS } = await built<typeof import('../src/scanners/iac/frameworks.js')>(
  'scanners/iac/frameworks.js',
);
const { iacScanner } =
  await built<typeof import('../src/scanners/iac/index.js')>('scanners/iac/index.js');
const { loadChecks, IAC_RULES_DIR } = await built<
  typeof import('../src/scanners/iac/check-loader.js')
>('scanners/iac/check-loader.js');
const { readSamples } = await built<typeof import('../src/scanners/iac/check-samples.js')>(
  'scanners/iac/check-samples.js',
);
const terraformRules = await built<typeof import('../src/scanners/iac/terraform/rule-loader.js')>(
  'scanners/iac/terraform/rule-loader.js',
);
const terraformSamples = await built<
  typeof import('../src/scanners/iac/terraform/rule-samples.js')
>('scanners/iac/terraform/rule-samples.js');
const { defaultConfig } =
  await built<typeof import('../src/core/config-schema.js')>('core/config-schema.js');
const { silentLogger } = await built<typeof import('../src/core/logger.js')>('core/logger.js');
const { silentProgress } =
  await built<typeof import('../src/core/progress.js')>('core/progress.js');

/** Terraform keeps its samples as rules/iac/terraform/<provider>/<id>/{bad,good}.tf. */
function terraformCases(): SampleCase[] {
  return terraformRules.loadRules().map((rule) => {
    const { bad, good } = terraformSamples.loadSamples(rule);
    return {
      ruleId: `iac/terraform/${rule.id}`,
      bad: [{ path: bad.path, text: bad.text }],
      expected: bad.expectedLines.map((line) => `${bad.path}:${line}`),
      good: [{ path: good.path, text: good.text }],
    };
  });
}

/** The other frameworks keep theirs as rules/iac/<framework>/samples/<id>/{bad,good}. */
function checkCases(id: FrameworkId): SampleCase[] {
  return loadChecks(id).flatMap((check) => {
    const dir = join(IAC_RULES_DIR, id, 'samples', check.id);
    const bad = readSamples(dir, 'bad');
    const good = readSamples(dir, 'good');
    if (!bad || !good) return [];
    const ruleId = `iac/${id}/${check.id}`;
    return [{ ruleId, bad: bad.files, expected: bad.expected, good: good.files }];
  });
}

function accuracyTable(): string[] {
  const rows = [
    '| framework | checks | TP | FP | FN | precision | recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const framework of FRAMEWORKS) {
    const cases = framework.id === 'terraform' ? terraformCases() : checkCases(framework.id);
    const result = measureAccuracy(framework, cases);
    const { precision, recall } = rates(result);
    rows.push(
      `| ${framework.id} | ${result.checks} | ${result.truePositives} | ${result.falsePositives} | ${result.falseNegatives} | ${precision} | ${recall} |`,
    );
  }
  return rows;
}

/** Sample files of one framework, used as templates for the generated tree. */
function templates(cases: SampleCase[]): FrameworkFile[] {
  return cases.flatMap((sample) => [...sample.bad, ...sample.good]);
}

/** Write FILES files: a third each of Terraform (one folder each), manifests and Dockerfiles. */
function writeTree(): string[] {
  rmSync(TREE, { recursive: true, force: true });
  const kinds: Array<{ files: FrameworkFile[]; path: (i: number) => string }> = [
    {
      files: templates(terraformCases()).filter((f) => f.path.endsWith('.tf')),
      path: (i) => `terraform/m${i}/main.tf`,
    },
    {
      files: templates(checkCases('kubernetes')).filter((f) => /\.ya?ml$/.test(f.path)),
      path: (i) => `k8s/app${i}.yaml`,
    },
    {
      files: templates(checkCases('dockerfile')).filter((f) => !f.path.endsWith('dockerignore')),
      path: (i) => `images/svc${i}/Dockerfile`,
    },
  ];
  const written: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const kind = kinds[i % kinds.length];
    const source = kind.files[Math.floor(i / kinds.length) % kind.files.length];
    const path = kind.path(i);
    mkdirSync(dirname(join(TREE, path)), { recursive: true });
    writeFileSync(join(TREE, path), source.text);
    written.push(path);
  }
  return written;
}

async function scanInProcess(paths: string[]): Promise<{ ms: number; findings: number }> {
  const files: ScanFile[] = paths.map((path) => ({
    path,
    absPath: join(TREE, path),
    size: statSync(join(TREE, path)).size,
    source: 'worktree',
  }));
  const context: ScanContext = {
    root: TREE,
    files,
    config: defaultConfig(),
    signal: new AbortController().signal,
    logger: silentLogger,
    progress: silentProgress,
    readText: async (file) => readFileSync(file.absPath, 'utf8'),
    reportProblem: () => undefined,
  };
  const started = performance.now();
  const findings: Finding[] = [];
  for await (const finding of iacScanner.scan(context)) findings.push(finding);
  return { ms: performance.now() - started, findings: findings.length };
}

function scanWithCli(): { ms: number; findings: number } {
  const out = join(tmpdir(), 'bulwark-bench-iac.json');
  const started = performance.now();
  const args = [join(ROOT, 'dist/cli/main.js'), 'scan', TREE, '--scanners', 'iac', '-f', 'json'];
  try {
    execFileSync(process.execPath, [...args, '-o', out, '-q', '--no-baseline'], {
      stdio: 'ignore',
    });
  } catch (error) {
    // Exit code 1 means findings at or above the threshold, which this tree always has.
    if ((error as { status?: number }).status !== 1) throw error;
  }
  const ms = performance.now() - started;
  const report = JSON.parse(readFileSync(out, 'utf8')) as { findings: unknown[] };
  return { ms, findings: report.findings.length };
}

/** Each framework alone on the files it wants: in process, texts already read. */
function perFramework(paths: string[]): string[] {
  const files = paths.map((path) => ({ path, text: readFileSync(join(TREE, path), 'utf8') }));
  const rows = ['| framework | files | time | rate |', '| --- | ---: | ---: | ---: |'];
  for (const framework of FRAMEWORKS) {
    const mine = files.filter((file) => framework.wants(file.path, file.text));
    if (mine.length === 0) continue;
    const times = Array.from({ length: RUNS }, () => {
      const started = performance.now();
      framework.scan({ files: mine, logger: silentLogger });
      return performance.now() - started;
    });
    const ms = median(times);
    const rate = Math.round(mine.length / (ms / 1000));
    rows.push(`| ${framework.id} | ${mine.length} | ${ms.toFixed(0)} ms | ${rate} files/s |`);
  }
  return rows;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  console.log('## Accuracy on samples\n');
  console.log(accuracyTable().join('\n'));

  const paths = writeTree();
  const inProcess = [];
  const cli = [];
  for (let run = 0; run < RUNS; run++) {
    inProcess.push(await scanInProcess(paths));
    cli.push(scanWithCli());
  }
  const rate = (ms: number): string => `${Math.round(paths.length / (ms / 1000))} files/s`;
  const inMs = median(inProcess.map((r) => r.ms));
  const cliMs = median(cli.map((r) => r.ms));
  console.log(`\n## Speed on ${paths.length} files (median of ${RUNS} runs)\n`);
  console.log('| run | time | rate | findings |\n| --- | ---: | ---: | ---: |');
  console.log(
    `| iac scanner in process | ${inMs.toFixed(0)} ms | ${rate(inMs)} | ${inProcess[0].findings} |`,
  );
  console.log(
    `| bulwark scan --scanners iac (CLI) | ${cliMs.toFixed(0)} ms | ${rate(cliMs)} | ${cli[0].findings} |`,
  );
  console.log(`\n## Each framework alone (median of ${RUNS} runs)\n`);
  console.log(perFramework(paths).join('\n'));
}

await main();
