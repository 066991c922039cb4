// Code scanner benchmark. Accuracy: Bulwark and eslint-plugin-security (its recommended config,
// through ESLint's Node API) on the labelled corpus in bench/corpus/code; a hit on a line
// labelled `bulwark-expect` is a true positive whatever rule made it, a hit on a line labelled
// `bulwark-ok` a false positive. Speed: the full pack over every JavaScript file of this
// repository's node_modules, on worker threads. Run with `npm run bench:code`;
// BULWARK_BENCH_RUNS sets how many timed runs are taken (the median is reported) and
// BULWARK_BENCH_PARTS which parts run (accuracy,speed).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

import type { Finding } from '../src/core/finding.js';
import type { ScanContext, ScanFile } from '../src/core/scanner.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'bench', 'corpus', 'code');
const RUNS = Number(process.env.BULWARK_BENCH_RUNS ?? 3);
const require = createRequire(import.meta.url);
const security = require('eslint-plugin-security') as { configs: { recommended: Linter.Config } };

/** Load a module of the built package, typed by its source. */
async function built<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(join(ROOT, 'dist', path)).href)) as T;
}

const { scanSource } =
  await built<typeof import('../src/scanners/code/engine.js')>('scanners/code/engine.js');
const { languageOf } = await built<typeof import('../src/scanners/code/languages.js')>(
  'scanners/code/languages.js',
);
const { loadRulePack, BUILTIN_RULES_DIR } = await built<
  typeof import('../src/scanners/code/rule-loader.js')
>('scanners/code/rule-loader.js');
const { parseAnnotations } = await built<typeof import('../src/scanners/code/rule-samples.js')>(
  'scanners/code/rule-samples.js',
);
const { isGenerated } = await built<typeof import('../src/scanners/code/generated.js')>(
  'scanners/code/generated.js',
);
const { TextIndex, satisfies } = await built<typeof import('../src/scanners/code/prefilter.js')>(
  'scanners/code/prefilter.js',
);
const { codeScanner } =
  await built<typeof import('../src/scanners/code/index.js')>('scanners/code/index.js');
const { defaultConfig } =
  await built<typeof import('../src/core/config-schema.js')>('core/config-schema.js');
const { silentLogger } = await built<typeof import('../src/core/logger.js')>('core/logger.js');
const { silentProgress } =
  await built<typeof import('../src/core/progress.js')>('core/progress.js');

/** Labelled statements: `path:line` of the labelled line → vulnerable (true) or safe (false). */
type Labels = Map<string, boolean>;

/** Every line of a labelled statement → the `path:line` key of its label. */
type Regions = Map<string, string>;

/** Hits of one tool: `path:line` keys of labelled statements, or of the raw line when unlabelled. */
type Hits = Set<string>;

interface Score {
  tp: number;
  fp: number;
  fn: number;
  unlabelled: number;
  misses: string[];
  falseAlarms: string[];
}

const ANNOTATED = /bulwark-(expect|ok):/;

function walk(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...walk(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out.sort();
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * The lines a label covers: the labelled line and the continuation lines of its statement
 * (more deeply indented, plus a closing bracket line), so that a tool reporting an argument on
 * the next line of a wrapped call is credited like one reporting the call itself.
 */
function statementLines(lines: string[], first: number): number[] {
  const out = [first];
  const indent = indentOf(lines[first - 1] ?? '');
  for (let i = first; i < lines.length; i++) {
    const text = lines[i];
    if (text.trim() === '' || ANNOTATED.test(text)) break;
    if (indentOf(text) > indent) out.push(i + 1);
    else {
      if (indentOf(text) === indent && /^[)\]}]/.test(text.trim())) out.push(i + 1);
      break;
    }
  }
  return out;
}

function labelsOf(files: string[]): { labels: Labels; regions: Regions } {
  const labels: Labels = new Map();
  const regions: Regions = new Map();
  for (const file of files) {
    const language = languageOf(file);
    if (!language) continue;
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const path = relative(CORPUS, file);
    for (const c of parseAnnotations(file, text, language.rules)) {
      const key = `${path}:${c.line}`;
      labels.set(key, c.expect);
      for (const line of statementLines(lines, c.line)) regions.set(`${path}:${line}`, key);
    }
  }
  return { labels, regions };
}

/** Map raw hit lines onto the labelled statements they fall in. */
function attribute(raw: Hits, regions: Regions): Hits {
  return new Set([...raw].map((line) => regions.get(line) ?? line));
}

function score(labels: Labels, hits: Hits): Score {
  const result: Score = { tp: 0, fp: 0, fn: 0, unlabelled: 0, misses: [], falseAlarms: [] };
  for (const [line, vulnerable] of labels) {
    if (vulnerable && hits.has(line)) result.tp++;
    if (vulnerable && !hits.has(line)) {
      result.fn++;
      result.misses.push(line);
    }
    if (!vulnerable && hits.has(line)) {
      result.fp++;
      result.falseAlarms.push(line);
    }
  }
  for (const line of hits) if (!labels.has(line)) result.unlabelled++;
  return result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const times: number[] = [];
  let value = await run();
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    value = await run();
    times.push(performance.now() - start);
  }
  return { value, ms: median(times) };
}

function bulwarkHits(files: string[]): Hits {
  const rules = loadRulePack([{ dir: BUILTIN_RULES_DIR, builtin: true }]).rules;
  const hits: Hits = new Set();
  for (const file of files) {
    const language = languageOf(file);
    if (!language) continue;
    for (const match of scanSource(readFileSync(file, 'utf8'), language, rules)) {
      hits.add(`${relative(CORPUS, file)}:${match.span.startLine}`);
    }
  }
  return hits;
}

async function eslintHits(files: string[]): Promise<Hits> {
  const eslint = new ESLint({
    cwd: CORPUS,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.js', '**/*.jsx'],
        languageOptions: {
          ecmaVersion: 'latest',
          sourceType: 'commonjs',
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
      },
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: {
          parser: tseslint.parser as Linter.Parser,
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
      },
      security.configs.recommended,
    ],
  });
  const hits: Hits = new Set();
  for (const result of await eslint.lintFiles(files)) {
    for (const message of result.messages) {
      if (message.fatal)
        throw new Error(`eslint could not parse ${result.filePath}: ${message.message}`);
      if (message.ruleId?.startsWith('security/')) {
        hits.add(`${relative(CORPUS, result.filePath)}:${message.line}`);
      }
    }
  }
  return hits;
}

function row(name: string, s: Score, ms: number): string {
  const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  const cells = [
    name,
    String(s.tp),
    String(s.fp),
    String(s.fn),
    `${(precision * 100).toFixed(1)}%`,
    `${(recall * 100).toFixed(1)}%`,
    String(s.unlabelled),
    `${ms.toFixed(0)} ms`,
  ];
  return `| ${cells.join(' | ')} |`;
}

async function accuracy(): Promise<void> {
  const jsFiles = walk(join(CORPUS, 'js'), (p) => /\.(js|jsx|ts|tsx)$/.test(p));
  const pyFiles = walk(join(CORPUS, 'python'), (p) => p.endsWith('.py'));
  const js = labelsOf(jsFiles);
  const py = labelsOf(pyFiles);
  const jsLabels = js.labels;
  const pyLabels = py.labels;
  const count = (labels: Labels, v: boolean): number =>
    [...labels.values()].filter((x) => x === v).length;

  const bulwarkJs = await timed(() => bulwarkHits(jsFiles));
  const eslintJs = await timed(() => eslintHits(jsFiles));
  const bulwarkPy = await timed(() => bulwarkHits(pyFiles));
  const scores = {
    bulwarkJs: score(jsLabels, attribute(bulwarkJs.value, js.regions)),
    eslintJs: score(jsLabels, attribute(eslintJs.value, js.regions)),
    bulwarkPy: score(pyLabels, attribute(bulwarkPy.value, py.regions)),
  };

  console.log(
    `JS/TS corpus: ${jsFiles.length} files, ${count(jsLabels, true)} vulnerable and ${count(jsLabels, false)} safe labelled lines`,
  );
  console.log(
    `Python corpus: ${pyFiles.length} files, ${count(pyLabels, true)} vulnerable and ${count(pyLabels, false)} safe labelled lines\n`,
  );
  console.log(
    '| tool (corpus) | TP | FP | FN | precision | recall | hits on unlabelled lines | time (median) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(row('Bulwark (JS/TS)', scores.bulwarkJs, bulwarkJs.ms));
  console.log(row('eslint-plugin-security (JS/TS)', scores.eslintJs, eslintJs.ms));
  console.log(row('Bulwark (Python)', scores.bulwarkPy, bulwarkPy.ms));
  for (const [name, s] of Object.entries(scores)) {
    console.log(`\n${name} misses: ${s.misses.join(', ') || 'none'}`);
    console.log(`${name} false alarms: ${s.falseAlarms.join(', ') || 'none'}`);
  }
}

async function speed(): Promise<void> {
  const paths = walk(join(ROOT, 'node_modules'), (p) =>
    ['.js', '.mjs', '.cjs'].includes(extname(p)),
  );
  const files: ScanFile[] = paths.map((absPath) => ({
    path: relative(ROOT, absPath),
    absPath,
    size: statSync(absPath).size,
    source: 'worktree',
  }));
  const rules = loadRulePack([{ dir: BUILTIN_RULES_DIR, builtin: true }]).rules;
  let lines = 0;
  let scannedLines = 0;
  let skipped = 0;
  let skippedLines = 0;
  let unparsed = 0;
  let unparsedLines = 0;
  for (const file of files) {
    const text = readFileSync(file.absPath, 'utf8');
    const n = text.split('\n').length;
    lines += n;
    if (isGenerated(file.path, text)) {
      skipped++;
      skippedLines += n;
      continue;
    }
    scannedLines += n;
    const language = languageOf(file.path);
    const index = new TextIndex(text);
    const fits = (rule: (typeof rules)[number]): boolean =>
      language !== undefined &&
      rule.parsers.includes(language.parser) &&
      satisfies(rule.requirement, index) &&
      rule.textGates.every((gate) => gate.test(text));
    if (!rules.some(fits)) {
      unparsed++;
      unparsedLines += n;
    }
  }
  const context: ScanContext = {
    root: ROOT,
    files,
    config: defaultConfig(),
    signal: new AbortController().signal,
    logger: silentLogger,
    progress: silentProgress,
    readText: async (file) => readFileSync(file.absPath, 'utf8'),
    reportProblem: () => undefined,
  };
  const run = async (): Promise<number> => {
    const found: Finding[] = [];
    for await (const finding of codeScanner.scan(context)) found.push(finding);
    return found.length;
  };
  const walls: number[] = [];
  const cpus: number[] = [];
  let findings = await run();
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    findings = await run();
    const used = process.cpuUsage(cpu);
    walls.push(performance.now() - start);
    cpus.push((used.user + used.system) / 1000);
  }
  const loadAfter = loadavg()[0];
  const ms = median(walls);
  const cpuMs = median(cpus);
  const perSecond = (n: number, t: number): number => Math.round(n / (t / 1000));

  console.log(
    `\nnode_modules: ${files.length} JavaScript files, ${lines} lines; ${skipped} files (${skippedLines} lines) skipped as minified, bundled or generated, ${scannedLines} lines scanned; of these, ${unparsed} files (${unparsedLines} lines) pass no rule's prefilter and are checked without parsing`,
  );
  console.log(
    `load average before the timed runs: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `full pack on ${availableParallelism()} cores: ${(ms / 1000).toFixed(2)} s wall (median of ${RUNS}), ${perSecond(scannedLines, ms)} scanned lines/s, ${perSecond(lines, ms)} lines/s counting skipped files; ${findings} findings`,
  );
  console.log(
    `CPU time (all threads): ${(cpuMs / 1000).toFixed(2)} s, ${perSecond(scannedLines, cpuMs)} scanned lines per CPU-second (the wall figure on ${availableParallelism()} idle cores would be about ${perSecond(scannedLines * availableParallelism(), cpuMs)} lines/s)`,
  );
  console.log(`load average after the timed runs (1 min): ${loadAfter.toFixed(2)}`);
}

const parts = (process.env.BULWARK_BENCH_PARTS ?? 'accuracy,speed').split(',');
if (parts.includes('accuracy')) await accuracy();
if (parts.includes('speed')) await speed();
