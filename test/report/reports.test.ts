import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import { renderJson } from '../../src/report/json.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { sampleResult } from '../helpers/sample-result.js';
import { shared } from '../helpers/shared.js';

/**
 * Compile the official SARIF schema as published. It has two known defects that JSON Schema
 * validators reject: an `anyOf` placed inside `region.properties` instead of beside it, and
 * `(?i)` inline flags that JavaScript regular expressions do not support. Both are repaired
 * in memory here, as the schema's authors intended; the file itself is read unchanged.
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(shared('schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as {
    definitions: { region: { properties: Record<string, unknown>; anyOf?: unknown } };
  };
  const region = schema.definitions.region;
  region.anyOf = region.properties.anyOf;
  delete region.properties.anyOf;
  const regExp = Object.assign(
    (pattern: string, flags: string) =>
      pattern.includes('(?i)')
        ? new RegExp(pattern.replace('(?i)', ''), `${flags}i`)
        : new RegExp(pattern, flags),
    { code: 'new RegExp' },
  );
  const ajv = new Ajv2020.default({ strict: false, allErrors: true, code: { regExp } });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

const golden = (name: string): string =>
  readFileSync(join(import.meta.dirname, 'golden', name), 'utf8');

describe('text report', () => {
  it('groups by file with line, severity, message, rule, frame and fix', () => {
    expect(renderText(sampleResult(), { color: false })).toBe(golden('scan.txt'));
  });

  it('shows control characters from scanned content as escapes, never raw', () => {
    const result = sampleResult();
    const [first] = result.findings;
    if (!first) throw new Error('sample has findings');
    first.message = 'dependency evil\u001b[2J\u001b[31mRED\u009b1A';
    first.snippet = { startLine: 12, lines: ['jinja2==2.10 # \u001b[2K\u001b[1A hidden\r'] };
    const text = renderText(result, { color: false });
    expect(text).toContain('dependency evil\\x1b[2J\\x1b[31mRED\\x9b1A');
    expect(text).toContain('> 12 | jinja2==2.10 # \\x1b[2K\\x1b[1A hidden\\x0d');
    const raw = [...text].filter(
      (ch) => ch !== '\n' && ch !== '\t' && (ch < ' ' || (ch >= '\u007f' && ch <= '\u009f')),
    );
    expect(raw).toEqual([]);
  });

  it('says so when nothing was found', () => {
    const result = {
      ...sampleResult(),
      findings: [],
      failing: 0,
      suppressed: { inline: 0, baseline: 0, outsideChange: 0 },
      staleBaselineEntries: 0,
    };
    expect(renderText(result, { color: false })).toBe(
      'no findings in 42 files\ntime: secrets 12 ms, code 30 ms\n',
    );
  });
});

describe('JSON report', () => {
  it('carries every finding field, the summary and the timings', () => {
    const body = JSON.parse(renderJson(sampleResult(), '1.2.3')) as Record<string, unknown>;
    expect(body.tool).toEqual({ name: 'bulwark', version: '1.2.3' });
    expect(body.summary).toEqual({
      findings: 2,
      failing: 2,
      failOn: 'high',
      filesScanned: 42,
      suppressed: { inline: 1, baseline: 2, outsideChange: 0 },
      staleBaselineEntries: 1,
    });
    const [first] = body.findings as Array<Record<string, unknown>>;
    expect(Object.keys(first ?? {}).sort()).toEqual([
      'cwe',
      'fingerprint',
      'fix',
      'flow',
      'help',
      'location',
      'message',
      'references',
      'ruleId',
      'scanner',
      'severity',
      'tags',
      'title',
    ]);
  });
});

describe('SARIF report', () => {
  const sarif = JSON.parse(renderSarif(sampleResult(), { version: '1.2.3', root: '/repo' })) as {
    runs: Array<{
      tool: { driver: { rules: Array<Record<string, unknown>> } };
      results: Array<Record<string, unknown>>;
    }>;
  };

  it('validates against the official SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const valid = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validator rejects a malformed log, so the check above can fail', () => {
    const broken = JSON.parse(JSON.stringify(sarif)) as {
      runs: Array<{ results: Array<Record<string, unknown>> }>;
    };
    delete broken.runs[0]?.results[0]?.message;
    expect(sarifValidator()(broken)).toBe(false);
  });

  it('reports unreadable input as failed execution with notifications, still valid', () => {
    const result = {
      ...sampleResult(),
      problems: [
        { path: 'web/package-lock.json', line: 7, message: 'unexpected end of JSON' },
        {
          path: '/home/you/.cache/bulwark/advisories.db',
          message: 'the advisory database cannot be read',
        },
      ],
    };
    const log = JSON.parse(renderSarif(result, { version: '1.2.3', root: '/repo' })) as {
      runs: Array<{ invocations: unknown[] }>;
    };
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0]?.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'unexpected end of JSON' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'web/package-lock.json', uriBaseId: '%SRCROOT%' },
                  region: { startLine: 7 },
                },
              },
            ],
          },
          {
            level: 'error',
            message: { text: 'the advisory database cannot be read' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'file:///home/you/.cache/bulwark/advisories.db' },
                },
              },
            ],
          },
        ],
      },
    ]);
    expect(renderText(result, { color: false })).toContain(
      'not scanned: web/package-lock.json:7: unexpected end of JSON\nnot scanned: /home/you/.cache/bulwark/advisories.db: the advisory database cannot be read\n',
    );
  });

  it('labels rule files and the rules folder apart from unread input, still valid SARIF', () => {
    const result = {
      ...sampleResult(),
      problems: [
        {
          path: '.bulwark/rules/js/bad.yaml',
          line: 4,
          column: 11,
          message: 'not valid YAML: Nested mappings are not allowed in compact mappings',
          kind: 'rule' as const,
        },
        {
          path: 'rules',
          message: 'scanners.code.rulesDir: the folder rules does not exist',
          kind: 'rules-folder' as const,
        },
      ],
    };
    const log = JSON.parse(renderSarif(result, { version: '1.2.3', root: '/repo' })) as {
      runs: Array<{ invocations: Array<{ toolExecutionNotifications: unknown[] }> }>;
    };
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications[0]).toEqual({
      level: 'error',
      message: { text: 'not valid YAML: Nested mappings are not allowed in compact mappings' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: '.bulwark/rules/js/bad.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 11 },
          },
        },
      ],
      properties: { kind: 'rule' },
    });
    expect(renderText(result, { color: false })).toContain(
      'rule not loaded: .bulwark/rules/js/bad.yaml:4:11: not valid YAML: Nested mappings are not allowed in compact mappings\nrules folder not found: rules: scanners.code.rulesDir: the folder rules does not exist\n',
    );
  });

  it('fills rules with help, tags and security severity', () => {
    const rules = sarif.runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(['code/js/command-injection', 'secrets/github-pat']);
    expect(rules[0]?.properties).toEqual({
      tags: ['security', 'external/cwe/cwe-78', 'taint'],
      precision: 'high',
      'security-severity': '9.5',
    });
    expect(rules[0]?.help).toEqual({
      text: 'Shell commands built from request data let attackers run any command.\n\nFix: use execFile with an argument array\n\nReferences:\n- https://owasp.org/www-community/attacks/Command_Injection',
      markdown:
        'Shell commands built from request data let attackers run any command.\n\nFix: use execFile with an argument array\n\n**References**\n\n- https://owasp.org/www-community/attacks/Command_Injection',
    });
  });

  it('fills locations, fingerprints, code flows, fixes and history provenance', () => {
    const [taint, secret] = sarif.runs[0]?.results ?? [];
    expect(taint?.partialFingerprints).toEqual({
      'bulwarkFingerprint/v1': '0123456789abcdef0123456789abcdef',
    });
    expect(taint?.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'src/app.js', uriBaseId: '%SRCROOT%' },
          region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 30 },
        },
      },
    ]);
    expect(JSON.stringify(taint?.codeFlows)).toContain('"source: req.query.host"');
    expect(taint?.fixes).toHaveLength(1);
    expect(secret?.properties).toEqual({
      severity: 'high',
      commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      commitDate: '2026-01-02T03:04:05Z',
    });
  });
});
