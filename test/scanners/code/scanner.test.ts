import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { defaultConfig } from '../../../src/core/config-schema.js';
import type { Finding } from '../../../src/core/finding.js';
import { createLogger } from '../../../src/core/logger.js';
import { silentProgress } from '../../../src/core/progress.js';
import type { InputProblem, ScanContext, ScanFile } from '../../../src/core/scanner.js';
import { codeScanner } from '../../../src/scanners/code/index.js';
import { findScanner } from '../../../src/scanners/registry.js';

const FILES: Record<string, string> = {
  'src/app.js': [
    "const { exec } = require('child_process');",
    "app.get('/run', (req, res) => {",
    '  const cmd = req.query.cmd;',
    '  exec(cmd);',
    '});',
    'eval(userInput);',
  ].join('\n'),
  'src/client.py': ['import requests', 'requests.get(url, verify=False)'].join('\n'),
  'dist/app.min.js': 'eval(userInput);',
  'src/notes.txt': 'eval(userInput);',
  'src/custom.js': 'legacyLogin(user, pass);\n',
  '.bulwark/rules/js/legacy-login.yaml': [
    'id: legacy-login',
    'title: The legacy login is called',
    'message: legacyLogin() skips the second factor.',
    'severity: medium',
    'confidence: high',
    'cwe: [CWE-308]',
    'owasp: A07:2021 Identification and Authentication Failures',
    'help: The legacy login path does not ask for the second factor.',
    'fix: Call login() instead.',
    'rule:',
    '  pattern: legacyLogin($$$)',
  ].join('\n'),
  '.bulwark/rules/js/broken.yaml': [
    'id: broken-rule',
    'title: t',
    'message: m',
    'severity: urgent',
  ].join('\n'),
};

let root: string;
let logs: string[];
let problems: InputProblem[] = [];

function context(tags?: string[]): ScanContext {
  const files: ScanFile[] = Object.keys(FILES)
    .filter((path) => !path.startsWith('.bulwark'))
    .map((path) => ({
      path,
      absPath: join(root, path),
      size: statSync(join(root, path)).size,
      source: 'worktree',
    }));
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  return {
    root,
    files,
    config: defaultConfig(),
    signal: new AbortController().signal,
    logger: createLogger('warn', sink),
    progress: silentProgress,
    tags,
    readText: async (file) => readFileSync(file.absPath, 'utf8'),
    reportProblem: (problem) => problems.push(problem),
  };
}

async function collect(tags?: string[]): Promise<Finding[]> {
  const out: Finding[] = [];
  for await (const finding of codeScanner.scan(context(tags))) out.push(finding);
  return out;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bulwark-code-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('codeScanner', () => {
  it('is registered and wants source files only', async () => {
    expect(await findScanner('code')).toBe(codeScanner);
    expect(
      ['a.js', 'b.tsx', 'c.py', 'd.go', 'e.txt', 'f.d.ts'].map((p) => codeScanner.wants(p)),
    ).toEqual([true, true, true, true, false, false]);
  });

  it('finds built-in and team rules, skips minified files and reports the broken rule', async () => {
    logs = [];
    problems = [];
    const found = await collect();

    expect(found.map((f) => [f.ruleId, f.location.path, f.location.startLine])).toEqual([
      ['code/js/command-injection', 'src/app.js', 4],
      ['code/js/eval-injection', 'src/app.js', 6],
      ['code/python/requests-verify-false', 'src/client.py', 2],
      ['code/js/legacy-login', 'src/custom.js', 1],
    ]);
    expect(problems.map((p) => `${p.kind} ${p.path}: ${p.message.slice(0, 60)}`)).toEqual([
      'rule .bulwark/rules/js/broken.yaml: rule code/js/broken-rule: severity: Invalid option: expected',
    ]);
  });

  it('fills every finding field: flow, fix replacement, tags and properties', async () => {
    logs = [];
    const found = await collect();
    const taint = found.find((f) => f.ruleId === 'code/js/command-injection');
    const fixed = found.find((f) => f.ruleId === 'code/python/requests-verify-false');

    expect(taint?.flow?.map((s) => [s.location.startLine, s.message])).toEqual([
      [3, 'user input: req.query'],
      [3, 'assigned to cmd'],
      [4, 'reaches exec(cmd)'],
    ]);
    expect(taint).toMatchObject({
      scanner: 'code',
      severity: 'critical',
      cwe: ['CWE-78'],
      location: { path: 'src/app.js', startLine: 4, startColumn: 3, endLine: 4, endColumn: 12 },
      properties: { confidence: 'high', owasp: 'A03:2021 Injection' },
      tags: ['taint', 'injection'],
    });
    expect(taint?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(fixed?.fix?.replacement).toEqual({
      location: { path: 'src/client.py', startLine: 2, startColumn: 19, endLine: 2, endColumn: 31 },
      content: 'verify=True',
    });
    expect(fixed?.tags).toEqual(['fast', 'tls']);
  });

  it('runs only the rules whose tags the tier asks for', async () => {
    logs = [];
    const found = await collect(['fast']);
    expect(found.map((f) => f.ruleId)).toEqual([
      'code/js/eval-injection',
      'code/python/requests-verify-false',
      'code/js/legacy-login',
    ]);
  });
});

describe('codeScanner on hand-written files with long literals', () => {
  const route = [
    "const { exec } = require('child_process');",
    "const app = require('express')();",
    "app.get('/p', (req, res) => { exec('ping ' + req.query.host); res.end(); });",
    '',
  ].join('\n');
  const logo = `const LOGO = 'data:image/png;base64,${'QUJD'.repeat(25_000)}';\n`;
  const files: Record<string, string> = {
    'src/logo-before.js': `${logo}${route}`,
    'src/logo-after.js': `${route}${logo}`,
    'src/routes/product-bundle.js': route,
    'src/gift-bundle.js': route,
  };
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bulwark-code-literals-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the command injection next to a 100 KB data URI and in -bundle.js names', async () => {
    const skipped: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        skipped.push(chunk.toString());
        done();
      },
    });
    const out: Finding[] = [];
    const ctx: ScanContext = {
      root: dir,
      files: Object.keys(files).map((path) => ({
        path,
        absPath: join(dir, path),
        size: statSync(join(dir, path)).size,
        source: 'worktree',
      })),
      config: defaultConfig(),
      signal: new AbortController().signal,
      logger: createLogger('debug', sink),
      progress: silentProgress,
      readText: async (file) => readFileSync(file.absPath, 'utf8'),
      reportProblem: () => undefined,
    };
    for await (const finding of codeScanner.scan(ctx)) out.push(finding);

    expect(
      out
        .filter((f) => f.ruleId === 'code/js/command-injection')
        .map((f) => [f.location.path, f.location.startLine])
        .sort(),
    ).toEqual([
      ['src/gift-bundle.js', 3],
      ['src/logo-after.js', 3],
      ['src/logo-before.js', 4],
      ['src/routes/product-bundle.js', 3],
    ]);
    expect(skipped.filter((line) => line.includes('skipped'))).toEqual([]);
  });
});
