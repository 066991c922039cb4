import { describe, expect, it } from 'vitest';

import { parseChangedLines, touches } from '../../src/core/changed-lines.js';

const DIFF = [
  'diff --git a/src/app.ts b/src/app.ts',
  'index 1111111..2222222 100644',
  '--- a/src/app.ts',
  '+++ b/src/app.ts',
  '@@ -3,0 +4,2 @@ function a() {',
  '+const x = 1;',
  '+const y = 2;',
  '@@ -10 +12 @@',
  '-old',
  '+new',
  '@@ -20,3 +22,0 @@',
  '-gone',
  'diff --git a/old.txt b/old.txt',
  'deleted file mode 100644',
  '--- a/old.txt',
  '+++ /dev/null',
  '@@ -1 +0,0 @@',
  '-bye',
  'diff --git "a/sp ace\\303\\251.txt" "b/sp ace\\303\\251.txt"',
  '--- "a/sp ace\\303\\251.txt"',
  '+++ "b/sp ace\\303\\251.txt"',
  '@@ -0,0 +1 @@',
  '+hi',
].join('\n');

describe('parseChangedLines', () => {
  it('collects the added lines of each file from hunk headers', () => {
    const changed = parseChangedLines(DIFF);
    expect([...changed.keys()]).toEqual(['src/app.ts', 'sp aceé.txt']);
    expect([...(changed.get('src/app.ts') ?? [])]).toEqual([4, 5, 12]);
    expect([...(changed.get('sp aceé.txt') ?? [])]).toEqual([1]);
  });

  it.each([
    [4, 4, true],
    [6, 11, false],
    [11, 13, true],
    [1, 3, false],
  ])('touches(%i..%i) is %s', (start, end, expected) => {
    expect(touches(parseChangedLines(DIFF).get('src/app.ts'), start, end)).toBe(expected);
  });
});

// Headers as git 2.39 writes them (core.quotePath on): a name holding a newline, tab, quote,
// backslash or a non-ASCII letter is a C string; one holding a space ends with a tab.
const QUOTED = [
  'diff --git "a/new\\nline.yml" "b/new\\nline.yml"',
  'new file mode 100644',
  '--- /dev/null',
  '+++ "b/new\\nline.yml"',
  '@@ -0,0 +1 @@',
  '+one',
  'diff --git "a/tab\\tname.yml" "b/tab\\tname.yml"',
  '--- /dev/null',
  '+++ "b/tab\\tname.yml"',
  '@@ -0,0 +1,2 @@',
  '+one',
  '+two',
  'diff --git "a/say \\"hi\\".yml" "b/say \\"hi\\".yml"',
  '--- /dev/null',
  '+++ "b/say \\"hi\\".yml"\t',
  '@@ -0,0 +3 @@',
  '+three',
  'diff --git "a/back\\\\slash.yml" "b/back\\\\slash.yml"',
  '--- /dev/null',
  '+++ "b/back\\\\slash.yml"',
  '@@ -0,0 +4 @@',
  '+four',
  'diff --git "a/caf\\303\\251.yml" "b/caf\\303\\251.yml"',
  '--- /dev/null',
  '+++ "b/caf\\303\\251.yml"',
  '@@ -0,0 +5 @@',
  '+five',
  'diff --git a/sp ace.yml b/sp ace.yml',
  '--- /dev/null',
  '+++ b/sp ace.yml\t',
  '@@ -0,0 +6 @@',
  '+six',
  'diff --git a/oa.yml b/oa.yml',
  '--- /dev/null',
  '+++ b/oa.yml',
  '@@ -0,0 +7 @@',
  '+seven',
].join('\n');

describe('parseChangedLines with quoted names', () => {
  it('unquotes each name and keeps every later file in step', () => {
    const changed = parseChangedLines(QUOTED);
    expect([...changed.entries()].map(([path, lines]) => [path, [...lines]])).toEqual([
      ['new\nline.yml', [1]],
      ['tab\tname.yml', [1, 2]],
      ['say "hi".yml', [3]],
      ['back\\slash.yml', [4]],
      ['café.yml', [5]],
      ['sp ace.yml', [6]],
      ['oa.yml', [7]],
    ]);
  });
});
