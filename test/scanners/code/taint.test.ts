import { describe, expect, it } from 'vitest';

import { scanSource } from '../../../src/scanners/code/engine.js';
import { languageOf } from '../../../src/scanners/code/languages.js';
import { BUILTIN_RULES_DIR, loadRulePack } from '../../../src/scanners/code/rule-loader.js';

const rules = loadRulePack([{ dir: BUILTIN_RULES_DIR, builtin: true }]).rules;

/** Findings of one rule in a snippet: the sink line and the flow as `line message`. */
function flows(
  file: string,
  text: string,
  ruleId: string,
): Array<{ line: number; flow: string[] }> {
  const language = languageOf(file);
  if (!language) throw new Error(`no language for ${file}`);
  return scanSource(text, language, rules)
    .filter((m) => m.ruleId === ruleId)
    .map((m) => ({
      line: m.span.startLine,
      flow: (m.flow ?? []).map((s) => `${s.span.startLine} ${s.message}`),
    }));
}

describe('taint flows', () => {
  it.each([
    {
      name: 'destructuring, concatenation and a second variable',
      file: 'a.js',
      rule: 'code/js/command-injection',
      text: [
        "app.post('/x', (req, res) => {",
        '  const { name } = req.body;',
        "  const cmd = 'convert ' + name;",
        '  exec(cmd);',
        '});',
      ].join('\n'),
      expected: [
        {
          line: 4,
          flow: [
            '2 user input: req.body',
            '2 assigned to name',
            '3 assigned to cmd',
            '4 reaches exec(cmd)',
          ],
        },
      ],
    },
    {
      name: 'template literal and a method call on the tainted value',
      file: 'a.ts',
      rule: 'code/js/sql-injection',
      text: [
        'async function h(req: Request) {',
        '  const id = req.query.id.trim();',
        '  return db.query(`SELECT * FROM t WHERE id = ${id}`);',
        '}',
      ].join('\n'),
      expected: [
        {
          line: 3,
          flow: [
            '2 user input: req.query',
            '2 assigned to id',
            '3 reaches db.query(`SELECT * FROM t WHERE id = ${id}`)',
          ],
        },
      ],
    },
    {
      name: 'a passthrough call (path.join) keeps the taint',
      file: 'a.js',
      rule: 'code/js/path-traversal',
      text: [
        'function h(req, res) {',
        "  fs.readFileSync(path.join('/data', req.params.f));",
        '}',
      ].join('\n'),
      expected: [
        {
          line: 2,
          flow: [
            '2 user input: req.params',
            "2 reaches fs.readFileSync(path.join('/data', req.params.f))",
          ],
        },
      ],
    },
    {
      name: 'a later assignment through a sanitizer cleans the variable',
      file: 'a.js',
      rule: 'code/js/command-injection',
      text: [
        'function h(req) {',
        '  let d = req.query.d;',
        '  d = shellEscape(d);',
        "  exec('ls ' + d);",
        '}',
      ].join('\n'),
      expected: [],
    },
    {
      name: 'a conditional reassignment does not hide the tainted one',
      file: 'a.js',
      rule: 'code/js/command-injection',
      text: [
        'function h(req, ok) {',
        '  let d = req.query.d;',
        "  if (ok) { d = 'x'; }",
        "  exec('ls ' + d);",
        '}',
      ].join('\n'),
      expected: [
        {
          line: 4,
          flow: ['2 user input: req.query', '2 assigned to d', "4 reaches exec('ls ' + d)"],
        },
      ],
    },
    {
      name: 'a sink fed only by literals is not a finding',
      file: 'a.js',
      rule: 'code/js/command-injection',
      text: ['function h(req) {', "  const d = '/tmp';", "  exec('ls ' + d);", '}'].join('\n'),
      expected: [],
    },
    {
      name: 'an unknown call does not pass taint through',
      file: 'a.js',
      rule: 'code/js/xss-response-send',
      text: [
        'async function h(req, res) {',
        '  const user = await User.findById(req.params.id);',
        '  res.send(user.name);',
        '}',
      ].join('\n'),
      expected: [],
    },
    {
      name: 'Python f-string through a Flask route parameter',
      file: 'a.py',
      rule: 'code/python/command-injection',
      text: [
        '@app.route("/p/<host>")',
        'def p(host):',
        '    cmd = f"ping {host}"',
        '    os.system(cmd)',
      ].join('\n'),
      expected: [
        { line: 4, flow: ['2 user input: host', '3 assigned to cmd', '4 reaches os.system(cmd)'] },
      ],
    },
    {
      name: 'PHP concatenation of $_GET',
      file: 'a.php',
      rule: 'code/php/sql-injection',
      text: [
        '<?php',
        "$id = $_GET['id'];",
        '$sql = "SELECT * FROM t WHERE id = " . $id;',
        '$db->query($sql);',
      ].join('\n'),
      expected: [
        {
          line: 4,
          flow: [
            '2 user input: $_GET',
            '2 assigned to $id',
            '3 assigned to $sql',
            '4 reaches $db->query($sql)',
          ],
        },
      ],
    },
  ])('$name', ({ file, rule, text, expected }) => {
    expect(flows(file, text, rule)).toEqual(expected);
  });

  it('follows a chain of 50 assignments from the request to the sink', () => {
    const steps = Array.from({ length: 50 }, (_, i) => `  const x${i + 1} = 'a' + x${i};`);
    const text = [
      "app.get('/x', (req, res) => {",
      '  const x0 = req.query.h;',
      ...steps,
      '  exec(x50);',
      '});',
    ].join('\n');
    const [found] = flows('a.js', text, 'code/js/command-injection');
    expect(found.line).toBe(53);
    expect(found.flow).toHaveLength(53);
    expect(found.flow.slice(0, 2)).toEqual(['2 user input: req.query', '2 assigned to x0']);
    expect(found.flow.slice(-2)).toEqual(['52 assigned to x50', '53 reaches exec(x50)']);
  });
});
