import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { configSchema, type Config } from '../../../src/core/config-schema.js';
import type { Finding } from '../../../src/core/finding.js';
import { silentLogger } from '../../../src/core/logger.js';
import { silentProgress } from '../../../src/core/progress.js';
import type { InputProblem, ScanContext, ScanFile } from '../../../src/core/scanner.js';
import { secretsScanner } from '../../../src/scanners/secrets/index.js';

const PAT = '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';
const NPM = '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';
const root = mkdtempSync(join(tmpdir(), 'bulwark-secrets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(
  path: string,
  text: string | Buffer,
  source: ScanFile['source'] = 'worktree',
): ScanFile {
  const absPath = join(root, path);
  writeFileSync(absPath, text);
  return { path, absPath, size: statSync(absPath).size, source };
}

const problems: InputProblem[] = [];

async function scan(files: ScanFile[], config: object = {}, tags?: string[]): Promise<Finding[]> {
  const context: ScanContext = {
    root,
    files,
    config: configSchema.parse({ version: 1, ...config }) as Config,
    signal: new AbortController().signal,
    logger: silentLogger,
    progress: silentProgress,
    tags,
    readText: async (f) => readFile(f.absPath, 'utf8'),
    reportProblem: (problem) => problems.push(problem),
  };
  const out: Finding[] = [];
  for await (const finding of secretsScanner.scan(context)) out.push(finding);
  return out;
}

describe('secretsScanner.scan', () => {
  it('reports a token as a complete finding with only four characters shown', async () => {
    const [finding, ...rest] = await scan([file('app.env', `# app\nGITHUB_TOKEN=${PAT}\n`)]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'secrets/github-pat',
      scanner: 'secrets',
      severity: 'critical',
      title: 'GitHub personal access token (classic)',
      message: 'GitHub personal access token (classic): ghp_************',
      location: { path: 'app.env', startLine: 2, startColumn: 14, endLine: 2, endColumn: 54 },
      cwe: ['CWE-798'],
      evidence: 'GITHUB_TOKEN=ghp_************',
      tags: ['fast'],
      properties: { provider: 'GitHub', validated: true },
    });
    expect(finding.fix?.text).toMatch(/^Delete the token/);
    expect(finding.references[0]).toMatch(/^https:\/\/docs\.github\.com\//);
    expect(JSON.stringify(finding)).not.toContain(PAT.slice(4, 8));
  });

  it('keeps the fingerprint when the secret moves to another line', async () => {
    const [before] = await scan([file('moved.ts', `const t = '${PAT}';\n`)]);
    const [after] = await scan([file('moved.ts', `// header\n\nconst t = '${PAT}';\n`)]);
    expect(after.location.startLine).toBe(3);
    expect(after.fingerprint).toBe(before.fingerprint);
  });

  it('redacts every secret on the evidence line and cuts long minified lines', async () => {
    const [first, second] = await scan([file('two.txt', `a=${PAT} b=${NPM}`)]);
    expect(first.evidence).toBe('a=ghp_************ b=npm_************');
    expect(second.evidence).toBe(first.evidence);

    const minified = `${'x=1;'.repeat(2000)}t="${PAT}";${'y=2;'.repeat(2000)}`;
    const [long] = await scan([file('bundle.min.js', minified)]);
    expect(long.location).toMatchObject({ startLine: 1, startColumn: 8004 });
    expect(long.evidence).toBe(
      `…;${'x=1;'.repeat(19)}t="ghp_************";${'y=2;'.repeat(19)}y=…`,
    );
  });

  it('reads staged content through the context and skips binary files', async () => {
    const staged = file('staged.txt', `npm=${NPM}`, 'index');
    const binary = file('blob.dat', Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(PAT)]));
    const image = file('logo.png', PAT);
    const found = await scan([staged, binary, image]);
    expect(found.map((f) => `${f.location.path} ${f.ruleId}`)).toEqual([
      'staged.txt secrets/npm-access-token',
    ]);
  });

  it('reports a file it cannot read as an input problem and goes on', async () => {
    problems.length = 0;
    const gone: ScanFile = {
      path: 'gone.txt',
      absPath: join(root, 'gone.txt'),
      size: 10,
      source: 'worktree',
    };
    const found = await scan([gone, file('here.txt', `t=${PAT}`)]);
    expect(found.map((f) => f.location.path)).toEqual(['here.txt']);
    expect(problems).toEqual([{ path: 'gone.txt', message: 'could not read the file (ENOENT)' }]);
  });

  it('applies the allowlist, disabled rules and the tier tags from the configuration', async () => {
    const files = [
      file('fixtures-a.txt', `t=${PAT}`),
      file('b.txt', `n=${NPM}\nurl=postgres://app:Zq81xLmR2w@db/app`),
    ];
    const ids = (found: Finding[]): string[] => found.map((f) => `${f.location.path} ${f.ruleId}`);
    expect(ids(await scan(files))).toEqual([
      'fixtures-a.txt secrets/github-pat',
      'b.txt secrets/npm-access-token',
      'b.txt secrets/postgres-uri-password',
    ]);
    const config = {
      scanners: {
        secrets: { allowlist: { paths: ['fixtures-*'] }, disabledRules: ['npm-access-token'] },
      },
    };
    expect(ids(await scan(files, config))).toEqual(['b.txt secrets/postgres-uri-password']);
    expect(ids(await scan(files, { scanners: { secrets: { enabled: false } } }))).toEqual([]);
    expect(ids(await scan(files, {}, ['no-such-tag']))).toEqual([]);
  });
});
