import { describe, expect, it } from 'vitest';

import {
  HistoryParser,
  parsePatchPath,
  type AddedText,
} from '../../../src/scanners/secrets/history-parser.js';

const LOG = [
  '\x01aaaa\x002021-01-01T00:00:00+00:00\x00Ada <ada@example.com>',
  '',
  'diff --git a/x.txt b/x.txt',
  'index 1..2 100644',
  '--- a/x.txt',
  '+++ b/x.txt',
  '@@ -3,2 +3,3 @@ context',
  '---- removed line that looks like a header',
  '-+++ b/not-a-path',
  '++++ added line that looks like a header',
  '+second',
  '+third',
  '\\ No newline at end of file',
  '@@ -10 +11 @@',
  '-old',
  '+new',
  'diff --git "a/sp ace\\"q\\303\\251.txt" "b/sp ace\\"q\\303\\251.txt"',
  'new file mode 100644',
  '--- /dev/null',
  '+++ "b/sp ace\\"q\\303\\251.txt"\t',
  '@@ -0,0 +1 @@',
  '+x',
  '\x01bbbb\x002021-01-02T00:00:00+00:00\x00Bob <bob@example.com>',
  '',
  'diff --git a/x.txt b/x.txt',
  'deleted file mode 100644',
  '--- a/x.txt',
  '+++ /dev/null',
  '@@ -1,2 +0,0 @@',
  '-a',
  '-b',
];

describe('HistoryParser', () => {
  it.each(['line by line', 'as one piece'])('emits the added lines of each file, fed %s', (how) => {
    const out: AddedText[] = [];
    const commits: string[] = [];
    const parser = new HistoryParser(
      (added) => out.push(added),
      (commit) => commits.push(commit.hash),
    );
    if (how === 'as one piece') parser.feed(`${LOG.join('\n')}\n`);
    else for (const line of LOG) parser.line(line);
    parser.end();

    expect(commits).toEqual(['aaaa', 'bbbb']);
    expect(out.map((a) => [a.commit.hash, a.commit.author, a.path, a.text, a.lineRuns])).toEqual([
      [
        'aaaa',
        'Ada <ada@example.com>',
        'x.txt',
        '+++ added line that looks like a header\nsecond\nthird\nnew',
        [0, 3, 3, 11],
      ],
      ['aaaa', 'Ada <ada@example.com>', 'sp ace"qé.txt', 'x', [0, 1]],
    ]);
  });
});

describe('parsePatchPath', () => {
  it.each([
    ['b/src/a.ts', 'src/a.ts'],
    ['/dev/null', null],
    ['"b/tab\\there.txt"', 'tab\there.txt'],
    ['b/with space.txt\t', 'with space.txt'],
  ])('%j is %j', (raw, expected) => {
    expect(parsePatchPath(raw)).toBe(expected);
  });
});

describe('HistoryParser added runs', () => {
  it('takes only as many added lines as the hunk header counts', () => {
    const out: AddedText[] = [];
    const parser = new HistoryParser((added) => out.push(added));
    const log = [
      '\x01cccc\x002021-01-03T00:00:00+00:00\x00Cy <cy@example.com>',
      'diff --git a/y.txt b/y.txt',
      '--- /dev/null',
      '+++ b/y.txt',
      '@@ -0,0 +1,2 @@',
      '+a',
      '+b',
      '+not counted by the hunk',
      '@@ -0,0 +7 @@',
      '+g',
    ];
    parser.feed(`${log.join('\n')}\n`);
    parser.end();
    expect(out.map((a) => [a.path, a.text, a.lineRuns])).toEqual([
      ['y.txt', 'a\nb\ng', [0, 1, 2, 7]],
    ]);
  });
});
