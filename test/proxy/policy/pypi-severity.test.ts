import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { proxyConfigSchema } from '../../../src/proxy/policy/config.js';
import { PolicyEngine } from '../../../src/proxy/policy/engine.js';
import { evaluateVersion } from '../../../src/proxy/policy/evaluate.js';
import { sharedAdvisories } from '../helpers/advisories.js';

/**
 * Real PYSEC records from ../shared/advisories/pypi: werkzeug's PYSEC-2023-221 carries a CVSS
 * v3.1 vector (7.5, high); PYSEC-2023-57 and PYSEC-2023-58 carry no severity at all.
 */
describe('severity of PyPI advisories', () => {
  let advisories: ReturnType<typeof sharedAdvisories>;

  beforeAll(() => {
    advisories = sharedAdvisories(['pypi/werkzeug']);
  });

  afterAll(() => advisories.close());

  const judge = (vulnerabilities: Record<string, unknown>): string[] => {
    const config = proxyConfigSchema.parse({
      rules: { minimumAge: { mode: 'off' }, vulnerabilities },
    });
    const engine = new PolicyEngine(config.rules, false, advisories.source);
    const facts = {
      ecosystem: 'PyPI' as const,
      name: 'werkzeug',
      version: '2.2.2',
      installScripts: [],
    };
    return evaluateVersion(facts, engine.contextFor('PyPI', 'werkzeug')).verdicts.map(
      (v) => `${v.action} ${v.reason.split(':')[0]}`,
    );
  };

  it('derives the level from the CVSS vector of the OSV severity field', () => {
    expect(
      advisories.source.match('PyPI', 'werkzeug', '2.2.2').map((v) => [v.id, v.severity, v.score]),
    ).toEqual([
      ['PYSEC-2023-221', 'high', 7.5],
      ['PYSEC-2023-57', undefined, undefined],
      ['PYSEC-2023-58', undefined, undefined],
    ]);
  });

  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    [
      'the default high threshold blocks the rated advisory only',
      {},
      ['block high vulnerability PYSEC-2023-221'],
    ],
    [
      'unrated advisories are taken as medium',
      { severity: 'medium' },
      [
        'block high vulnerability PYSEC-2023-221',
        'block unrated (taken as medium) vulnerability PYSEC-2023-57',
        'block unrated (taken as medium) vulnerability PYSEC-2023-58',
      ],
    ],
    [
      'unrated: high makes the default threshold block them',
      { unrated: 'high' },
      [
        'block high vulnerability PYSEC-2023-221',
        'block unrated (taken as high) vulnerability PYSEC-2023-57',
        'block unrated (taken as high) vulnerability PYSEC-2023-58',
      ],
    ],
  ];
  it.each(cases)('%s', (_, rule, expected) => {
    expect(judge(rule)).toEqual(expected);
  });
});
