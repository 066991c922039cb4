import { describe, expect, it } from 'vitest';

import { isSuppressedInCommit } from '../../../src/core/inline-suppression.js';
import { addedLineAt } from '../../../src/scanners/secrets/history-suppression.js';
import { loadRuntimeRules } from '../../../src/scanners/secrets/rule-cache.js';
import { scanPatch, type PatchScanTask } from '../../../src/scanners/secrets/scan-patch.js';

const PAT = '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';
const rulesJson = JSON.stringify(loadRuntimeRules());

function task(
  key: string,
  log: string,
  ignore: PatchScanTask['ignore'] = { patterns: [], prefix: '' },
) {
  return {
    key,
    rulesJson,
    options: {},
    allowPaths: [],
    ignore,
    patch: Buffer.from(log),
    continued: false,
  };
}

/** One commit's patch of `path`, made of the given `-U0` hunks (new start, added lines). */
function commit(hash: string, path: string, hunks: Array<[number, string[]]>): string {
  const out = [`\x01${hash}\x002021-01-01T00:00:00+00:00\x00Ada <ada@example.com>`, ''];
  out.push(`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`);
  for (const [start, lines] of hunks) {
    out.push(`@@ -${start - 1},0 +${start},${lines.length} @@`, ...lines.map((l) => `+${l}`));
  }
  return `${out.join('\n')}\n`;
}

/** Findings as [path, line, marked suppressed]. */
function found(log: string, key: string, ignore?: PatchScanTask['ignore']) {
  return scanPatch(task(key, log, ignore)).findings.map((f) => [
    f.location.path,
    f.location.startLine,
    isSuppressedInCommit(f),
  ]);
}

describe('addedLineAt', () => {
  // Lines 3-4 and 10-11 of the file were added, the second run with a CRLF ending.
  const lineAt = addedLineAt('a\nb\nc\r\nd', [0, 3, 2, 10]);
  it.each([
    [2, undefined],
    [3, 'a'],
    [4, 'b'],
    [5, undefined],
    [9, undefined],
    [10, 'c'],
    [11, 'd'],
    [12, undefined],
  ])('line %i is %s', (line, expected) => {
    expect(lineAt(line)).toBe(expected);
  });
});

describe('scanPatch with bulwark-ignore comments in the added lines', () => {
  it('marks a finding suppressed on its line or by a comment alone on the added line above', () => {
    const log = commit('aaaa', 'app.env', [
      [2, [`A=${PAT} # bulwark-ignore secrets/github-pat: fixture`]],
      [5, ['# bulwark-ignore', `B=${PAT}`]],
      [8, [`C=${PAT} # bulwark-ignore secrets/aws-access-key-id`]],
      [12, [`D=${PAT}`]],
      [20, ['E=1 # bulwark-ignore', `F=${PAT}`]],
    ]);
    expect(found(log, 'inline-1')).toEqual([
      ['app.env', 2, true],
      ['app.env', 6, true],
      ['app.env', 8, false],
      ['app.env', 12, false],
      ['app.env', 21, false],
    ]);
  });

  it('does not look across hunks: a comment above that the commit did not add is unseen', () => {
    // The comment is on line 4; the secret on line 5 comes in a separate hunk.
    const log = commit('bbbb', 'app.env', [
      [4, ['# bulwark-ignore']],
      [9, [`X=${PAT}`]],
    ]);
    expect(found(log, 'inline-2')).toEqual([['app.env', 9, false]]);
    const adjacent = commit('cccc', 'app.env', [
      [4, ['# bulwark-ignore']],
      [5, [`X=${PAT}`]],
    ]);
    expect(found(adjacent, 'inline-3')).toEqual([['app.env', 5, true]]);
  });

  it('counts the marker in a source file only inside a comment', () => {
    const log = commit('dddd', 'src/a.ts', [
      [1, [`const a = '${PAT}'; // bulwark-ignore`, `const b = '${PAT} bulwark-ignore';`]],
    ]);
    expect(found(log, 'inline-4')).toEqual([
      ['src/a.ts', 1, true],
      ['src/a.ts', 2, false],
    ]);
  });
});

describe('scanPatch with the scan ignore rules', () => {
  const log =
    commit('eeee', 'ok.txt', [[1, [`T=${PAT}`]]]) +
    commit('ffff', 'keep/ok.txt', [[1, [`T=${PAT}`]]]) +
    commit('9999', 'other.txt', [[1, [`T=${PAT}`]]]);

  it('leaves out paths matched by bulwark.yaml patterns, then .bulwarkignore', () => {
    expect(found(log, 'ignore-1', { patterns: ['ok.txt'], prefix: '' })).toEqual([
      ['other.txt', 1, false],
    ]);
    expect(found(log, 'ignore-2', { patterns: [], file: '/ok.txt\n', prefix: '' })).toEqual([
      ['keep/ok.txt', 1, false],
      ['other.txt', 1, false],
    ]);
    // A negation in .bulwarkignore undoes a pattern of bulwark.yaml, as in file discovery.
    expect(
      found(log, 'ignore-3', { patterns: ['*.txt'], file: '!other.txt\r\n', prefix: '' }),
    ).toEqual([['other.txt', 1, false]]);
  });

  it('matches paths below a scan root in a subfolder relative to it, as the tree scan does', () => {
    // A scan of keep/: `/ok.txt` in its .bulwarkignore means keep/ok.txt; ok.txt, outside the
    // scan root, is matched as the log gives it.
    expect(found(log, 'ignore-4', { patterns: [], file: '/ok.txt\n', prefix: 'keep/' })).toEqual([
      ['other.txt', 1, false],
    ]);
    expect(found(log, 'ignore-5', { patterns: [], file: '/other.txt\n', prefix: 'keep/' })).toEqual(
      [
        ['ok.txt', 1, false],
        ['keep/ok.txt', 1, false],
      ],
    );
  });
});
