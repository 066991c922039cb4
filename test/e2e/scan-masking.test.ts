import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { bulwark } from '../helpers/cli.js';
import { tempRepo, type TempRepo } from '../helpers/git-repo.js';

/** A Stripe-shaped live key, made for this test; it is a secret to the scanner, not to Stripe. */
const KEY = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dc'].join('_');
const TOKEN = ['npm', 'abcdefghijklmnopqrstuvwxyz0123456789'].join('_');

let repo: TempRepo;
beforeEach(() => {
  repo = tempRepo();
});
afterEach(() => repo.remove());

describe('bulwark scan: secrets in the findings of other scanners', () => {
  beforeEach(() => {
    repo.write(
      'server.js',
      [
        "const cp = require('child_process');",
        `const auth = "${KEY}";`,
        'module.exports = (req, res) => {',
        `  cp.exec("curl -u ${KEY}: " + req.query.u);`,
        '};',
        '',
      ].join('\n'),
    );
    repo.write(
      'Dockerfile',
      ['FROM node:20', `ARG NPM_TOKEN=${TOKEN}`, 'USER 10001', ''].join('\n'),
    );
  });

  it.each(['text', 'json', 'sarif'])('never prints a secret in full in %s', (format) => {
    const run = bulwark(repo.dir, ['scan', '.', '--format', format]);
    expect(run.status).toBe(1);
    expect(run.stdout.includes(KEY)).toBe(false);
    expect(run.stdout.includes(TOKEN)).toBe(false);
    expect(run.stderr.includes(KEY)).toBe(false);
    expect(run.stdout).toContain('sk_l************');
    expect(run.stdout).toContain('npm_************');
  });

  it('masks the secret in the code frame and flow of a code finding on the same line', () => {
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'secrets,code']);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('        > 4 |   cp.exec("curl -u sk_l************: " + req.query.u);');
    expect(lines).toContain(
      '          flow: 4 user input: req.query → 4 reaches cp.exec("curl -u sk_l************: " + re...',
    );
  });

  it('shows a literal-secret finding of another scanner by its redacted evidence', () => {
    const run = bulwark(repo.dir, ['scan', '.', '--scanners', 'iac']);
    const lines = run.stdout.split('\n');
    expect(lines).toContain('        > 2 | NPM_TOKEN=npm_************');
  });
});

describe('bulwark: errors that echo input', () => {
  it('cuts a secret pasted into bulwark.yaml or a flag', () => {
    repo.write('bulwark.yaml', `version: 1\n${KEY}: true\n`);
    const config = bulwark(repo.dir, ['scan', '.']);
    expect(config.status).toBe(2);
    expect(config.stderr.split('\n')[0]).toBe(
      `bulwark: ${repo.dir}/bulwark.yaml:2:1: (top level): Unrecognized key: "sk_l************"`,
    );
    repo.write('bulwark.yaml', 'version: 1\n');
    const flag = bulwark(repo.dir, ['scan', '.', '--since', KEY]);
    expect(flag.status).toBe(2);
    expect(flag.stderr.includes(KEY)).toBe(false);
  });
});
