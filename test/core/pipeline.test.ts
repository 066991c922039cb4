import { afterEach, describe, expect, it } from 'vitest';

import { writeBaseline } from '../../src/core/baseline.js';
import { defaultConfig, type Config } from '../../src/core/config-schema.js';
import { silentLogger } from '../../src/core/logger.js';
import { runScan, type ScanResult } from '../../src/core/pipeline.js';
import { silentProgress } from '../../src/core/progress.js';
import { planScan, type PlanFlags } from '../../src/core/tiers.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';
import { guardScanner, markerScanner } from '../helpers/marker-scanner.js';

let repo: TempRepo | undefined;
afterEach(() => repo?.remove());

async function scan(
  dir: string,
  flags: PlanFlags = {},
  config: Config = defaultConfig(),
  baselineFile?: string,
): Promise<ScanResult> {
  return runScan({
    root: dir,
    config,
    plan: planScan(config, flags),
    scanners: [markerScanner],
    logger: silentLogger,
    progress: silentProgress,
    baselineFile,
  });
}

function where(result: ScanResult): string[] {
  return result.findings.map((f) => `${f.location.path}:${f.location.startLine} ${f.message}`);
}

describe('runScan', () => {
  it('scans tracked and untracked files, honouring .gitignore, .bulwarkignore, binaries and size', async () => {
    repo = tempRepo();
    repo.write('a.txt', 'x\nMARKER-one\n');
    repo.write('.gitignore', 'ignored.txt\n');
    repo.write('ignored.txt', 'MARKER-ignored\n');
    repo.write('.bulwarkignore', 'vendor/\n');
    repo.write('vendor/lib.js', 'MARKER-vendor\n');
    repo.write('bin.dat', Buffer.from([0x4d, 0x41, 0x52, 0x4b, 0, 1, 2]));
    repo.write('big.txt', `MARKER-big\n${'y'.repeat(3000)}\n`);
    repo.commit('first');
    repo.write('untracked.txt', 'MARKER-untracked\n');
    const config = { ...defaultConfig(), maxFileSize: 1000 };

    const result = await scan(repo.dir, {}, config);

    expect(where(result)).toEqual([
      'a.txt:2 found MARKER-one',
      'untracked.txt:1 found MARKER-untracked',
    ]);
    expect(result.filesScanned).toBe(5);
    expect(result.failing).toBe(2);
  });

  it('hands files over the size limit only to scanners that read data of any size', async () => {
    repo = tempRepo();
    repo.write('big.lock', `MARKER-lock\n${'y'.repeat(3000)}\n`);
    repo.write('big.txt', `MARKER-text\n${'y'.repeat(3000)}\n`);
    repo.commit('first');
    const config = { ...defaultConfig(), maxFileSize: 1000 };
    const lockReader = {
      ...markerScanner,
      id: 'deps' as const,
      ignoresSizeLimit: true,
      wants: (path: string) => path.endsWith('.lock'),
    };

    const result = await runScan({
      root: repo.dir,
      config,
      plan: planScan(config, {}),
      scanners: [markerScanner, lockReader],
      logger: silentLogger,
      progress: silentProgress,
    });

    expect(where(result)).toEqual(['big.lock:1 found MARKER-lock']);
    expect(result.timings.map((t) => [t.scanner, t.findings])).toEqual([
      ['code', 0],
      ['deps', 1],
    ]);
  });

  it('walks a plain folder outside git, honouring nested .gitignore files', async () => {
    repo = tempRepo({ git: false });
    repo.write('.gitignore', '*.log\n');
    repo.write('sub/.gitignore', '/local.txt\n');
    repo.write('sub/local.txt', 'MARKER-local\n');
    repo.write('sub/deep/local.txt', 'MARKER-deep\n');
    repo.write('sub/x.log', 'MARKER-log\n');
    repo.write('keep.txt', 'MARKER-keep\n');

    const result = await scan(repo.dir);

    expect(where(result)).toEqual([
      'keep.txt:1 found MARKER-keep',
      'sub/deep/local.txt:1 found MARKER-deep',
    ]);
  });

  it('reports only staged lines with --staged, reading the index', async () => {
    repo = tempRepo();
    repo.write('a.txt', 'MARKER-old\n');
    repo.commit('first');
    repo.write('a.txt', 'MARKER-old\nMARKER-staged\n');
    repo.git('add', 'a.txt');
    repo.write('a.txt', 'MARKER-old\nMARKER-staged\nMARKER-unstaged\n');

    const result = await scan(repo.dir, { staged: true });

    expect(where(result)).toEqual(['a.txt:2 found MARKER-staged']);
    expect(result.suppressed.outsideChange).toBe(1);
  });

  it('reports only lines changed since a ref with --since', async () => {
    repo = tempRepo();
    repo.write('a.txt', 'MARKER-old\n');
    repo.commit('first');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('a.txt', 'MARKER-old\nMARKER-new\n');
    repo.write('b.txt', 'MARKER-newfile\n');
    repo.commit('second');

    const result = await scan(repo.dir, { since: 'main' });

    expect(where(result)).toEqual(['a.txt:2 found MARKER-new', 'b.txt:1 found MARKER-newfile']);
  });

  it('reports a finding the change introduced on an unchanged line, such as a deleted guard', async () => {
    repo = tempRepo();
    repo.write('main.tf', 'resource "x" "y" {\n  GUARD\n}\n');
    repo.write('other.tf', 'resource "x" "z" {\n}\n');
    repo.commit('first');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('main.tf', 'resource "x" "y" {\n}\n');
    repo.write('other.tf', 'resource "x" "z" {\n  # note\n}\n');
    repo.commit('drop the guard');

    const result = await runScan({
      root: repo.dir,
      config: defaultConfig(),
      plan: planScan(defaultConfig(), { since: 'main' }),
      scanners: [guardScanner],
      logger: silentLogger,
      progress: silentProgress,
    });

    expect(where(result)).toEqual(['main.tf:1 no GUARD']);
    expect(result.suppressed.outsideChange).toBe(1);
  });

  it('applies inline suppressions and severity overrides and the fail threshold', async () => {
    repo = tempRepo();
    repo.write(
      'a.txt',
      'MARKER-a // bulwark-ignore code/test/marker: test data\n// bulwark-ignore\nMARKER-b\nMARKER-c\nMARKER-LOW\n',
    );
    repo.commit('first');
    const config = { ...defaultConfig(), severity: { 'code/test/marker': 'medium' as const } };

    const result = await scan(repo.dir, {}, config);

    expect(where(result)).toEqual(['a.txt:4 found MARKER-c', 'a.txt:5 found MARKER-LOW']);
    expect(result.findings.map((f) => f.severity)).toEqual(['medium', 'medium']);
    expect(result.suppressed.inline).toBe(2);
    expect(result.failing).toBe(0);
  });

  it('subtracts a baseline, which survives lines added above a finding', async () => {
    repo = tempRepo();
    repo.write('a.txt', 'MARKER-known\n');
    repo.commit('first');
    const baselineFile = `${repo.dir}/.bulwark-baseline.json`;
    writeBaseline(baselineFile, (await scan(repo.dir)).findings);
    repo.write('a.txt', 'one\ntwo\nMARKER-known\nMARKER-new\n');

    const result = await scan(repo.dir, {}, defaultConfig(), baselineFile);

    expect(where(result)).toEqual(['a.txt:4 found MARKER-new']);
    expect(result.suppressed.baseline).toBe(1);
    expect(result.staleBaselineEntries).toBe(0);
  });

  it('counts baseline entries that no longer match', async () => {
    repo = tempRepo();
    repo.write('a.txt', 'MARKER-gone\n');
    repo.commit('first');
    const baselineFile = `${repo.dir}/.bulwark-baseline.json`;
    writeBaseline(baselineFile, (await scan(repo.dir)).findings);
    repo.write('a.txt', 'fixed\n');

    const result = await scan(repo.dir, {}, defaultConfig(), baselineFile);

    expect(result.findings).toEqual([]);
    expect(result.staleBaselineEntries).toBe(1);
  });

  it('attaches a code frame from the file', async () => {
    repo = tempRepo();
    repo.write('a.txt', 'one\nMARKER-x\nthree\n');
    repo.commit('first');

    const result = await scan(repo.dir);

    expect(result.findings[0]?.snippet).toEqual({
      startLine: 1,
      lines: ['one', 'MARKER-x', 'three'],
    });
  });

  it('shows the part of a long line around the finding', async () => {
    repo = tempRepo();
    const head = 'a'.repeat(5000);
    const tail = 'b'.repeat(5000);
    repo.write('long.txt', `short\n${head}MARKER-deep${tail}\n`);
    repo.commit('first');

    const result = await scan(repo.dir);

    expect(result.findings[0]?.location.startColumn).toBe(5001);
    expect(result.findings[0]?.snippet).toEqual({
      startLine: 1,
      lines: ['short', `...${'a'.repeat(60)}MARKER-deep${'b'.repeat(123)}...`, ''],
    });
  });

  it('leaves a byte-order mark out of the code frame', async () => {
    repo = tempRepo();
    repo.write('a.txt', '\uFEFFMARKER-x\r\ntwo\r\n');
    repo.commit('first');

    const result = await scan(repo.dir);

    expect(result.findings[0]?.snippet).toEqual({ startLine: 1, lines: ['MARKER-x', 'two'] });
  });
});
