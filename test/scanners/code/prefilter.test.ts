import { describe, expect, it } from 'vitest';

import { isGenerated } from '../../../src/scanners/code/generated.js';
import { namespaceRule, renamePattern } from '../../../src/scanners/code/namespace.js';
import {
  patternRequirement,
  patternWords,
  regexRequirement,
  requirementOf,
  runRegex,
  satisfies,
  TextIndex,
} from '../../../src/scanners/code/prefilter.js';
import { WordFinder } from '../../../src/scanners/code/word-finder.js';

/** The identifiers of a text as the prefilter first took them: every regex match, in a set. */
const identifiers = (text: string): Set<string> => new Set(text.match(/[A-Za-z_$][\w$]*/g));

describe('prefilter', () => {
  it.each([
    ['$EL.innerHTML = $VALUE', ['innerHTML']],
    ['subprocess.$FN($CMD, $$$)', ['subprocess']],
    ["require('child_process')", ['require', 'child_process']],
    ['$X.y', []],
  ])('patternWords(%j)', (pattern, words) => {
    expect(patternWords(pattern)).toEqual(words);
  });

  it.each([
    ['$EL.innerHTML = $VALUE', { tokens: ['.', 'innerHTML'] }],
    ['$CP.exec($CMD, $$$)', { tokens: ['.', 'exec', '('] }],
    [
      "require('child_process')",
      { all: [{ word: 'child_process' }, { tokens: ['require', '('] }] },
    ],
    ['new Function($$$)', { all: [{ word: 'new' }, { tokens: ['Function', '('] }] }],
    ['os.path.join($A, $B)', { tokens: ['os', '.', 'path', '.', 'join', '('] }],
    ['$X.y', { tokens: ['.', 'y'] }],
    ['$A === $B', true],
    ['$ANY.$queryRawUnsafe($SQL)', { tokens: ['.', '$queryRawUnsafe', '('] }],
  ])('patternRequirement(%j)', (pattern, expected) => {
    expect(patternRequirement(pattern)).toEqual(expected);
  });

  it.each([
    ['fs.readFile(p)', true],
    ['fs . readFile (p)', true],
    ['fs\n  .readFile(p)', true],
    ['fs /* why */ .readFile(p)', true],
    ['fs?.readFile?.(p)', true],
    ['fs.readFile<string>(p)', true],
    ['fs.readFile', false],
    ['readFile(p)', false],
    ['fs.readFileSync(p)', false],
    ['const readFile = fs.other(p)', false],
  ])('the run `.readFile(` in %j: %s', (text, expected) => {
    const index = new TextIndex(text.replace('\\n', '\n'));
    expect(satisfies({ tokens: ['.', 'readFile', '('] }, index)).toBe(expected);
  });

  it('a run ignores a comment that never closes without slowing down', () => {
    const text = `${'/* a '.repeat(2000)} x.set y`;
    expect(new TextIndex(text).hasRun(['.', 'set', '('])).toBe(false);
  });

  it.each([
    ['fs.readFile(p)', true],
    ['fs::readFile(p)', true],
    ['fs.\u00a0readFile(p)', true],
    ['fs.\u0085readFile(p)', false],
    ['fs.\n\n  readFile(p)', true],
    ['fs. // why\n  readFile(p)', true],
    ['fs. # why\n  readFile(p)', true],
    ['fs./* a\n b */ readFile(p)', true],
    ['fs.\\\nreadFile(p)', true],
    ['// fs\nreadFile(p)', false],
    ['/* fs. */ readFile(p)', false],
    ['fs .. readFile(p)', true],
    ['fs : readFile(p)', false],
    ['fs ?.readFile(p); x.readFile', true],
    ['$readFile(p); x.readFile_(p)', false],
    ['x.readFile', false],
  ])('the run `.readFile(` in %j gives what its regex gives: %s', (text, expected) => {
    const tokens = ['.', 'readFile', '('];
    expect(runRegex(tokens).test(text)).toBe(expected);
    expect(new TextIndex(text).hasRun(tokens)).toBe(expected);
    expect(satisfies({ tokens }, new TextIndex(text))).toBe(expected);
  });

  it.each([
    ['Buffer.from(x)', true],
    ['Buffer . from (x)', true],
    ['new Buffer.from(x)', true],
    ['SafeBuffer.from(x); Buffer', false],
    ['$Buffer.from(x); Buffer', false],
    ['Buffer.fromString(x)', false],
    ['Buffer\n// c\n.from(x)', true],
  ])('the run `Buffer.from(` in %j gives what its regex gives: %s', (text, expected) => {
    const tokens = ['Buffer', '.', 'from', '('];
    expect(runRegex(tokens).test(text)).toBe(expected);
    expect(satisfies({ tokens }, new TextIndex(text))).toBe(expected);
  });

  it('runs give what their regex gives on the whole text, with any gap between tokens', () => {
    const junk = ['fs', 'readFile', 'x', '.', '::', ':', '?', '!', '(', '<T>', ' ', '\n', '//'];
    const gaps = [
      ...['', ' ', '\n', '\t\n ', '\u00a0', '\u0085', '// c\n', '// c', '# c\n', '/* c */'],
      ...['/* a\n */', '/* a *', '*/', '\\\n', '\\', '?', '!', '&', '<T>', 'x', '$', '1', '.', '/'],
    ];
    const runs = [
      ['.', 'readFile', '('],
      ['fs', '.', 'readFile', '('],
      ['.', 'readFile'],
      ['readFile', '('],
      ['::', 'x'],
    ];
    let seed = 7;
    const pick = (list: string[]): string => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return list[seed % list.length];
    };
    const counts = runs.map(() => [0, 0]);
    for (let n = 0; n < 6000; n++) {
      const run = runs[n % runs.length];
      const text = [pick(junk), pick(junk), pick(gaps)]
        .concat(run.map((token, i) => (i > 0 ? pick(gaps) : '') + token))
        .concat([pick(gaps), pick(junk)])
        .join('');
      const index = new TextIndex(text);
      runs.forEach((tokens, i) => {
        const names = tokens.filter((t) => /^\w+$/.test(t));
        const expected =
          names.every((name) => identifiers(text).has(name)) && runRegex(tokens).test(text);
        expect([text, tokens, index.hasRun(tokens)]).toEqual([text, tokens, expected]);
        counts[i][expected ? 0 : 1]++;
      });
    }
    // Both answers come up often for every run.
    for (const [yes, no] of counts) expect(Math.min(yes, no)).toBeGreaterThan(200);
  });

  it.each([
    ['eval', true],
    ['eval(x)', true],
    ['x = eval', true],
    ['(eval)', true],
    ['1eval', true],
    ['0x1eval', false],
    ['a1eval', false],
    ['evaluate(x)', false],
    ['myeval(x)', false],
    ['eval_(x)', false],
    ['_eval(x)', false],
    ['$eval(x)', false],
    ['eval$(x)', false],
    ['a.$eval', false],
    ['éeval', true],
    ['evalé', true],
    ['"eval"', true],
    ['', false],
  ])('the identifier eval in %j: %s', (text, expected) => {
    expect(identifiers(text).has('eval')).toBe(expected);
    expect(satisfies({ word: 'eval' }, new TextIndex(text))).toBe(expected);
    expect(new TextIndex(text).has('eval')).toBe(expected);
  });

  it.each([
    ['password', 'password', true],
    ['myPasswordHash', 'Password', true],
    ['mypasswordhash', 'passw', true],
    ['PASSWORD', 'passw', false],
    ['x] = y', '] = ', true],
    ['x]= y', '] = ', false],
    ['a-b', 'a-b', true],
    ['', '', true],
  ])('in %j the word %j counts anywhere: %s', (text, word, expected) => {
    expect(satisfies({ word, partial: true }, new TextIndex(text))).toBe(expected);
    expect(new TextIndex(text).has(word, true)).toBe(expected);
  });

  it('words no requirement asked for are looked up on their own', () => {
    const index = new TextIndex('const zqUnasked1 = 1; // zqPart');
    expect(index.has('zqUnasked1')).toBe(true);
    expect(index.has('zqUnasked')).toBe(false);
    expect(index.has('zqPar', true)).toBe(true);
    expect(index.has('zqPar')).toBe(false);
  });

  it('words first asked for after a text was searched are looked up on their own', () => {
    const index = new TextIndex('zqFirst(zqLater.x); zqLaterPartial');
    expect(satisfies({ word: 'zqFirst' }, index)).toBe(true);
    expect(satisfies({ word: 'zqLater' }, index)).toBe(true);
    expect(satisfies({ word: 'zqLaterP', partial: true }, index)).toBe(true);
    expect(satisfies({ word: 'zqLaterP' }, index)).toBe(false);
    expect(satisfies({ tokens: ['zqLater', '.', 'x'] }, index)).toBe(true);
    expect(satisfies({ tokens: ['.', 'zqFirst'] }, index)).toBe(false);
    // A new text is searched for every word asked so far, with the same answers.
    const next = new TextIndex('zqFirst(zqLater.x); zqLaterPartial');
    expect(satisfies({ all: [{ word: 'zqFirst' }, { word: 'zqLater' }] }, next)).toBe(true);
    expect(satisfies({ word: 'zqLaterP' }, next)).toBe(false);
  });

  it('finds words in one pass with their offsets, overlapping ones included', () => {
    const finder = new WordFinder([
      { text: 'exec', whole: true, track: true },
      { text: 'execSync', whole: true, track: false },
      { text: 'Sync', whole: false, track: true },
      { text: 'cSy', whole: false, track: false },
    ]);
    const hits = finder.find('exec(a); execSync(b); exec_ exec');
    expect([...hits.found]).toEqual([1, 1, 1, 1]);
    expect(hits.starts).toEqual([[0, 28], undefined, [13]]);
    expect([...finder.find('myexec(execSyncs)').found]).toEqual([0, 0, 1, 1]);
  });

  it('agrees with every identifier of a text, whatever precedes or follows a word', () => {
    const words = ['a', 'ab', 'b1', 'x$', '$y', '_z', 'if'];
    const finder = new WordFinder(words.map((text) => ({ text, whole: true, track: false })));
    const pieces = ['a', 'b', '1', '$', '_', ' ', '.', 'x', 'y', 'z', 'i', 'f', 'é'];
    let text = '';
    for (let n = 0; n < 4000; n++) {
      text += pieces[(n * 7 + ((n * n) % 11)) % pieces.length];
      const found = finder.find(text).found;
      const expected = identifiers(text);
      expect(words.filter((_, i) => found[i] === 1)).toEqual(words.filter((w) => expected.has(w)));
      if (n % 97 === 0) text = text.slice(-20);
    }
  });

  it.each([
    ['^dangerouslySetInnerHTML$', { word: 'dangerouslySetInnerHTML' }],
    ['^(noEscape|autoescape)$', { any: [{ word: 'noEscape' }, { word: 'autoescape' }] }],
    ['(?i)passw', true],
    ['^[a-z]+$', true],
  ])('regexRequirement(%j)', (regex, expected) => {
    expect(regexRequirement(regex)).toEqual(expected);
  });

  it.each([
    ['eval(x)', true],
    ['window.setTimeout(f)', true],
    ['evaluate(x)', false],
    ['/* eval */', false],
    ['eval /* why */ (x)', true],
    ['const a = 1;', false],
  ])('an any-of rule against %j gives %s', (text, expected) => {
    const req = requirementOf({ any: [{ pattern: 'eval($X)' }, { pattern: 'setTimeout($S)' }] });
    expect(satisfies(req, new TextIndex(text))).toBe(expected);
  });

  it('resolves utility rules and combines relational parts with all', () => {
    const req = requirementOf(
      { pattern: '$A.query($B)', inside: { matches: 'route' } },
      { utils: { route: { pattern: 'app.get($$$)' } } },
    );
    expect(req).toEqual({
      all: [{ tokens: ['.', 'query', '('] }, { tokens: ['app', '.', 'get', '('] }],
    });
  });

  it('takes single words only when runs are off, and only the inside of a context', () => {
    expect(requirementOf({ pattern: 'mysqli_query($C, $Q)' }, { runs: false })).toEqual({
      word: 'mysqli_query',
    });
    expect(
      requirementOf({ pattern: { context: 'func f() { $R.FormValue($K) }', selector: 'call' } }),
    ).toEqual({ tokens: ['.', 'FormValue', '('] });
  });
});

describe('names that start with $ in patterns', () => {
  const req = patternRequirement('$ANY.$queryRawUnsafe($SQL)');
  it.each([
    ['await prisma.$queryRawUnsafe(`SELECT ${id}`)', true],
    ['db?.$queryRawUnsafe (sql)', true],
    ['prisma.queryRawUnsafe(x)', false],
    ['a.$queryRawUnsafeX(y)', false],
  ])('%s: %s', (text, expected) => {
    expect(satisfies(req, new TextIndex(text))).toBe(expected);
  });
});

describe('namespace', () => {
  it.each([
    ['$X.exec($CMD, $$$)', '$R1_X.exec($R1_CMD, $$$)'],
    ['f($$$ARGS, $_)', 'f($$$R1_ARGS, $_)'],
    ["<?php $_GET['a'];", "<?php $_GET['a'];"],
  ])('renamePattern(%j)', (pattern, expected) => {
    expect(renamePattern(pattern, 'R1_')).toBe(expected);
  });

  it('renames through nested rules and utility references', () => {
    expect(
      namespaceRule(
        {
          all: [{ pattern: 'a($X)' }, { not: { matches: 'lit' } }],
          inside: { pattern: 'b($Y)', stopBy: 'end' },
        },
        'P_',
      ),
    ).toEqual({
      all: [{ pattern: 'a($P_X)' }, { not: { matches: 'P_lit' } }],
      inside: { pattern: 'b($P_Y)', stopBy: 'end' },
    });
  });
});

describe('isGenerated', () => {
  it.each([
    ['vendor/app.min.js', 'x', true],
    ['dist/main.bundle.js', 'x', true],
    ['api_pb2.py', 'x', true],
    ['src/a.js', '// @generated by protoc\nconst a = 1;', true],
    ['src/a.go', '// Code generated by mockgen. DO NOT EDIT.\npackage a', true],
    ['src/a.js', 'var a=1;'.repeat(150), true],
    ['src/a.js', 'const a = 1;\n// generated ids are random\n', false],
    ['src/a.js', 'const a = 1;\n', false],
  ])('%s', (path, text, expected) => {
    expect(isGenerated(path, text)).toBe(expected);
  });
});
