import { describe, expect, it } from 'vitest';

import { scanSource, withoutNegations, type SinkWork } from '../../../src/scanners/code/engine.js';
import { languageOf } from '../../../src/scanners/code/languages.js';
import { BUILTIN_RULES_DIR, loadRulePack } from '../../../src/scanners/code/rule-loader.js';

const rules = loadRulePack([{ dir: BUILTIN_RULES_DIR, builtin: true }]).rules;
const js = languageOf('app.js');
if (!js) throw new Error('no language for app.js');

const HEADER = [
  "const { exec } = require('child_process');",
  "const axios = require('axios');",
  "const express = require('express');",
  'const app = express();',
];
const EXEC = "app.get('/run', (req, res) => { exec('ls ' + req.query.d); res.end(); });";

/** An Express app of `count` handlers, one of them passing request data to `exec`. */
function handlers(count: number, body: (i: number) => string): string {
  const lines = [...HEADER];
  for (let i = 0; i < count; i++) {
    lines.push(`app.get('/ok${i}', (req, res) => { ${body(i)} });`);
    if (i === count / 2) lines.push(EXEC);
  }
  return `${lines.join('\n')}\n`;
}

function scan(text: string): { found: string[]; work: SinkWork } {
  const work: SinkWork = { found: 0, traceSteps: 0, wholeChecks: 0 };
  const found = scanSource(text, js as NonNullable<typeof js>, rules, { work }).map(
    (m) => `${m.span.startLine} ${m.ruleId}`,
  );
  return { found, work };
}

describe('taint sink work in a file of many handlers', () => {
  it('checks the whole sink rule only where a source reaches, however many handlers match', () => {
    const body = (i: number) => `const n = ${i} + 1; res.json({ n });`;
    const small = scan(handlers(100, body));
    const large = scan(handlers(400, body));
    expect(small.found).toEqual(['56 code/js/command-injection']);
    expect(large.found).toEqual(['206 code/js/command-injection']);
    // Every `app.get(...)` has the shape of an ssrf sink; its constraints reject them all before
    // the allow-list part of the rule (a `follows` that walks every statement before) runs.
    expect(small.work).toEqual({ found: 1, traceSteps: 10, wholeChecks: 1 });
    expect(large.work).toEqual({ found: 1, traceSteps: 10, wholeChecks: 1 });
  });

  it('grows linearly when every handler has a sink that no source reaches', () => {
    const body = (i: number) => `const url = '/item/' + ${i}; axios.get(url); res.end();`;
    const small = scan(handlers(100, body));
    const large = scan(handlers(400, body));
    expect(small.found).toEqual(['56 code/js/command-injection']);
    expect(large.found).toEqual(['206 code/js/command-injection']);
    expect(small.work).toEqual({ found: 101, traceSteps: 510, wholeChecks: 1 });
    expect(large.work).toEqual({ found: 401, traceSteps: 2010, wholeChecks: 1 });
    expect(large.work.found - 1).toBe(4 * (small.work.found - 1));
    expect(large.work.traceSteps - 10).toBe(4 * (small.work.traceSteps - 10));
  });
});

describe('sinks searched without their allow-list part', () => {
  const checked = [
    "const ALLOWED = new Set(['https://a.example/x']);",
    "app.get('/a', (req, res) => {",
    '  const url = req.query.u;',
    '  if (!ALLOWED.has(url)) return res.end();',
    '  axios.get(url);',
    '});',
    "app.get('/b', (req, res) => {",
    '  axios.get(req.query.u);',
    '});',
    "app.get('/c', (req, res) => {",
    '  if (ALLOWED.has(req.query.u)) axios.get(req.query.u);',
    '  axios.post(req.query.u);',
    '});',
  ].join('\n');

  // Four sinks are traced: more than a small file checks one by one (one pass decides), fewer
  // than a file of a million characters does.
  it('still leaves out a sink after an allow-list check, in a small file', () => {
    const { found, work } = scan(`${checked}\n`);
    expect(found).toEqual(['8 code/js/ssrf', '12 code/js/ssrf']);
    expect(work).toEqual({ found: 4, traceSteps: 12, wholeChecks: 5 });
  });

  it('still leaves out a sink after an allow-list check, in a file of over a million characters', () => {
    const padding = `/* ${'x'.repeat(1_000_000)} */\n`;
    const { found, work } = scan(`${padding}${checked}\n`);
    expect(found).toEqual(['9 code/js/ssrf', '13 code/js/ssrf']);
    expect(work).toEqual({ found: 4, traceSteps: 12, wholeChecks: 4 });
  });

  it.each([
    {
      rule: { all: [{ pattern: 'f($X)' }, { not: { inside: { kind: 'if_statement' } } }] },
      expected: { all: [{ pattern: 'f($X)' }] },
    },
    {
      rule: { pattern: 'f($X)', not: { has: { kind: 'string' } } },
      expected: { pattern: 'f($X)' },
    },
    {
      rule: {
        all: [
          { any: [{ pattern: 'f($X)' }] },
          { all: [{ kind: 'call_expression' }, { not: { kind: 'x' } }] },
        ],
      },
      expected: { all: [{ any: [{ pattern: 'f($X)' }] }, { all: [{ kind: 'call_expression' }] }] },
    },
    {
      rule: { any: [{ all: [{ pattern: 'f($X)' }, { not: { kind: 'x' } }] }] },
      expected: undefined,
    },
    { rule: { not: { pattern: 'f($X)' } }, expected: undefined },
    { rule: { all: [{ not: { pattern: 'f($X)' } }] }, expected: undefined },
    { rule: { pattern: 'f($X)' }, expected: undefined },
  ])('drops only the top-level `not` parts of $rule', ({ rule, expected }) => {
    expect(withoutNegations(rule)).toEqual(expected);
  });
});
