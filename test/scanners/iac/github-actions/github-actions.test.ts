import { describe, expect, it } from 'vitest';

import { parseActionRef } from '../../../../src/scanners/iac/github-actions/action-ref.js';
import { githubActionsFramework } from '../../../../src/scanners/iac/github-actions/index.js';
import { lines, scanWith } from '../scan-helpers.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';

describe('GitHub Actions', () => {
  it.each([
    ['.github/workflows/ci.yml', true],
    ['.github/workflows/release.yaml', true],
    ['action.yml', true],
    ['.github/actions/setup/action.yaml', true],
    ['.github/dependabot.yml', false],
    ['workflows/ci.yml', false],
  ])('wants %s: %s', (path, expected) => {
    expect(githubActionsFramework.wants(path)).toBe(expected);
  });

  it.each([
    ['actions/checkout@v4', { kind: 'remote', pinned: false, firstParty: true }],
    [`actions/checkout@${SHA}`, { kind: 'remote', pinned: true, firstParty: true }],
    ['docker/build-push-action@v6', { kind: 'remote', pinned: false, firstParty: false }],
    [`acme/wf/.github/workflows/x.yml@${SHA}`, { kind: 'remote', pinned: true, repo: 'acme/wf' }],
    ['acme/tool@b4ffde6', { kind: 'remote', pinned: false }],
    ['./.github/actions/setup', { kind: 'local', pinned: true }],
    ['docker://alpine:3.20', { kind: 'docker', pinned: false }],
    [`docker://alpine@sha256:${'a'.repeat(64)}`, { kind: 'docker', pinned: true }],
  ])('parses uses: %s', (uses, expected) => {
    expect(parseActionRef(uses)).toMatchObject(expected);
  });

  it('honours a suppression on the job key for every step of the job', () => {
    const text = [
      'on: [push]',
      'permissions: {contents: read}',
      'jobs:',
      '  # bulwark-ignore iac/github-actions/unpinned-action: vendor action reviewed',
      '  lint:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: acme/lint@v1',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: acme/test@v1',
    ].join('\n');
    const found = lines(scanWith(githubActionsFramework, { '.github/workflows/ci.yml': text }), [
      'unpinned-action',
    ]);
    expect(found).toEqual(['12 unpinned-action']);
  });

  it('points at the line and column of an expression inside a block scalar', () => {
    const text = [
      'on: issues',
      'permissions: {issues: write}',
      'jobs:',
      '  t:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: |',
      '          echo start',
      '          echo "${{ github.event.issue.body }}" > body.txt',
    ].join('\n');
    const [finding] = scanWith(githubActionsFramework, { '.github/workflows/t.yml': text });
    expect(finding?.ruleId).toBe('iac/github-actions/expression-injection');
    expect(finding?.location).toMatchObject({
      startLine: 9,
      startColumn: 17,
      endLine: 9,
      endColumn: 47,
    });
  });

  it('ignores JavaScript and Docker actions and workflows without triggers', () => {
    const findings = scanWith(githubActionsFramework, {
      'action.yml': 'name: x\nruns:\n  using: node20\n  main: index.js\n',
      '.github/workflows/empty.yml': 'name: nothing here\n',
    });
    expect(findings).toEqual([]);
  });
});
