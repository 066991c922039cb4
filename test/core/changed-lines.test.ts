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
