import { describe, expect, it } from 'vitest';

import { PatchSplitter } from '../../../src/scanners/secrets/patch-splitter.js';
import { scanPatch } from '../../../src/scanners/secrets/scan-patch.js';
import { loadRuntimeRules } from '../../../src/scanners/secrets/rule-cache.js';

const PAT = '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';

function commit(hash: string, files: Array<[string, string[]]>): string {
  const out = [`\x01${hash}\x002021-01-01T00:00:00+00:00\x00Ada <ada@example.com>`, ''];
  for (const [path, lines] of files) {
    out.push(`diff --git a/${path} b/${path}`, '--- /dev/null', `+++ b/${path}`);
    out.push(`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`));
  }
  return `${out.join('\n')}\n`;
}

/** Feed `log` in chunks of `size` bytes and return the pieces as text. */
function split(
  log: string,
  size: number,
  target: number,
  maxHold: number,
): Array<[string, boolean]> {
  const splitter = new PatchSplitter(target, maxHold);
  const bytes = Buffer.from(log);
  const pieces = [];
  for (let i = 0; i < bytes.length; i += size)
    pieces.push(...splitter.push(bytes.subarray(i, i + size)));
  pieces.push(...splitter.end());
  return pieces.map((p) => [p.bytes.toString(), p.continued]);
}

describe('PatchSplitter', () => {
  const a = commit('aaaa', [['a.txt', ['one', 'two']]]);
  const b = commit('bbbb', [['b.txt', ['three']]]);
  const c = commit('cccc', [
    ['c1.txt', ['x'.repeat(40)]],
    ['c2.txt', [`t=${PAT}`]],
  ]);

  it('cuts at commit boundaries once a piece reaches its target size', () => {
    expect(split(a + b + c, 7, 60, 10_000)).toEqual([
      [a, false],
      [b, false],
      [c, false],
    ]);
  });

  it('keeps small commits together and reassembles the whole log', () => {
    const pieces = split(a + b + c, 1000, 10_000, 10_000);
    expect(pieces).toEqual([[a + b + c, false]]);
  });

  it.each([1, 3, 11, 12, 64])(
    'gives each piece its own memory, with marks cut across chunks of %i bytes',
    (size) => {
      const splitter = new PatchSplitter(60, 10_000);
      const bytes = Buffer.from(a + b + c);
      const pieces = [];
      for (let i = 0; i < bytes.length; i += size)
        pieces.push(...splitter.push(bytes.subarray(i, i + size)));
      pieces.push(...splitter.end());
      expect(pieces.map((p) => p.bytes.toString())).toEqual([a, b, c]);
      expect(pieces.map((p) => [p.bytes.byteOffset, p.bytes.buffer.byteLength])).toEqual(
        pieces.map((p) => [0, p.bytes.length]),
      );
    },
  );

  it('cuts a commit larger than maxHold at files and repeats its header', () => {
    const header = c.slice(0, c.indexOf('\n') + 1);
    const pieces = split(c, 5, 20, 120);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.map(([text, continued]) => [text.startsWith(header), continued])).toEqual(
      pieces.map((_p, i) => [true, i > 0]),
    );
    const rebuilt = pieces.map(([text], i) => (i === 0 ? text : text.slice(header.length)));
    expect(rebuilt.join('')).toBe(c);
    expect(
      pieces.slice(1).every(([text]) => text.slice(header.length).startsWith('diff --git')),
    ).toBe(true);
  });
});

describe('scanPatch', () => {
  it('reports the secret with its commit and counts a continued commit once', () => {
    const rules = loadRuntimeRules();
    const task = {
      key: 'test',
      rulesJson: JSON.stringify(rules),
      options: {},
      allowPaths: [],
      ignore: { patterns: [], prefix: '' },
    };
    const log =
      commit('aaaa', [['a.txt', ['one']]]) + commit('cccc', [['c2.txt', ['x', `t=${PAT}`]]]);
    const whole = scanPatch({ ...task, patch: Buffer.from(log), continued: false });
    expect(whole.commits).toBe(2);
    expect(
      whole.findings.map((f) => [
        f.ruleId,
        f.location.path,
        f.location.startLine,
        f.location.commit,
      ]),
    ).toEqual([['secrets/github-pat', 'c2.txt', 2, 'cccc']]);
    expect(whole.keys).toHaveLength(1);

    const continued = scanPatch({
      ...task,
      patch: Buffer.from(commit('cccc', [])),
      continued: true,
    });
    expect(continued.commits).toBe(0);

    // A new scan has a new key; the path allowlist is kept per key.
    const allowed = scanPatch({
      ...task,
      key: 'with-allowlist',
      allowPaths: ['c2.*'],
      patch: Buffer.from(log),
      continued: false,
    });
    expect(allowed.findings).toEqual([]);
  });

  it('decodes each file on its own, so UTF-8 in one file leaves the others exact', () => {
    const rules = JSON.stringify(loadRuntimeRules());
    const log =
      commit('eeee', [
        ['a.txt', [`t=${PAT}`]],
        ['résumé/ß.txt', ['naïve café', `€ t=${PAT}`]],
      ]) + commit('ffff', [['z.txt', ['', `x t=${PAT}`]]]);
    const found = scanPatch({
      key: 'utf8-files',
      rulesJson: rules,
      options: {},
      allowPaths: [],
      ignore: { patterns: [], prefix: '' },
      patch: Buffer.from(log),
      continued: false,
    });
    expect(
      found.findings.map((f) => [
        f.location.commit,
        f.location.path,
        f.location.startLine,
        f.location.startColumn,
        f.location.endColumn,
      ]),
    ).toEqual([
      ['eeee', 'a.txt', 1, 3, 43],
      ['eeee', 'résumé/ß.txt', 2, 5, 45],
      ['ffff', 'z.txt', 2, 5, 45],
    ]);
  });

  it('uses the rules an earlier piece of the same scan brought, and needs them once', () => {
    const rules = JSON.stringify(loadRuntimeRules());
    const log = commit('dddd', [['d.txt', [`t=${PAT}`]]]);
    const piece = {
      options: {},
      allowPaths: [],
      ignore: { patterns: [], prefix: '' },
      patch: Buffer.from(log),
      continued: false,
    };
    scanPatch({ ...piece, key: 'rules-once', rulesJson: rules });
    const later = scanPatch({ ...piece, key: 'rules-once' });
    expect(later.findings.map((f) => [f.ruleId, f.location.commit])).toEqual([
      ['secrets/github-pat', 'dddd'],
    ]);
    expect(() => scanPatch({ ...piece, key: 'never-sent' })).toThrow(
      'no rules were sent for scan never-sent',
    );
  });
});
