import { describe, expect, it } from 'vitest';

import { proxyConfigSchema } from '../../../src/proxy/policy/config.js';
import { evaluateVersion, type PolicyContext } from '../../../src/proxy/policy/evaluate.js';
import type { VersionFacts, Vulnerable } from '../../../src/proxy/policy/types.js';

const now = new Date('2026-06-15T12:00:00Z');
const day = 86_400_000;

const highVuln: Vulnerable = {
  id: 'GHSA-35jh-r3h4-6jhm',
  aliases: ['GHSA-35jh-r3h4-6jhm', 'CVE-2021-23337'],
  summary: 'Command Injection in lodash',
  severity: 'high',
  malicious: false,
  fixed: ['4.17.21'],
  records: ['GHSA-35jh-r3h4-6jhm'],
};
const mediumVuln: Vulnerable = {
  ...highVuln,
  id: 'GHSA-29mw-wpgm-hmr9',
  aliases: ['GHSA-29mw-wpgm-hmr9'],
  severity: 'medium',
};
const malware: Vulnerable = {
  ...highVuln,
  id: 'MAL-2025-46974',
  aliases: ['MAL-2025-46974'],
  malicious: true,
  severity: 'critical',
};

function context(proxy: Record<string, unknown>, vulns: Vulnerable[] = []): PolicyContext {
  const config = proxyConfigSchema.parse(proxy);
  return {
    rules: config.rules,
    dryRun: config.dryRun,
    vulnerabilities: () => vulns,
    typosquat: undefined,
    now,
  };
}

function facts(extra: Partial<VersionFacts> = {}): VersionFacts {
  return {
    ecosystem: 'npm',
    name: 'pkg',
    version: '1.0.0',
    installScripts: [],
    published: new Date(now.getTime() - 30 * day),
    ...extra,
  };
}

const summary = (ctx: PolicyContext, f: VersionFacts): string[] => {
  const result = evaluateVersion(f, ctx);
  return [result.decision, ...result.verdicts.map((v) => `${v.rule}:${v.action}`)];
};

describe('evaluateVersion', () => {
  const cases: Array<
    [string, Record<string, unknown>, Vulnerable[], Partial<VersionFacts>, string[]]
  > = [
    ['a clean version is allowed', {}, [], {}, ['allowed']],
    [
      'a high vulnerability blocks by default',
      {},
      [highVuln],
      {},
      ['blocked', 'vulnerabilities:block'],
    ],
    ['a medium one is below the default threshold', {}, [mediumVuln], {}, ['allowed']],
    [
      'the threshold is configurable',
      { rules: { vulnerabilities: { severity: 'medium' } } },
      [mediumVuln],
      {},
      ['blocked', 'vulnerabilities:block'],
    ],
    ['malware blocks', {}, [malware], {}, ['blocked', 'malicious:block']],
    [
      'dry-run turns blocks into monitor',
      { dryRun: true },
      [malware],
      {},
      ['warned', 'malicious:monitor'],
    ],
    [
      'a rule in monitor mode only logs',
      { rules: { vulnerabilities: { mode: 'monitor' } } },
      [highVuln],
      {},
      ['warned', 'vulnerabilities:monitor'],
    ],
    [
      'a rule in warn mode warns',
      { rules: { vulnerabilities: { mode: 'warn' } } },
      [highVuln],
      {},
      ['warned', 'vulnerabilities:warn'],
    ],
    [
      'a rule that is off is skipped',
      { rules: { vulnerabilities: { mode: 'off' } } },
      [highVuln],
      {},
      ['allowed'],
    ],
    [
      'an unexpired exception by alias lets it through',
      {
        rules: {
          vulnerabilities: {
            exceptions: [
              { id: 'CVE-2021-23337', reason: 'template() unused', expires: '2026-07-01' },
            ],
          },
        },
      },
      [highVuln],
      {},
      ['allowed'],
    ],
    [
      'an expired exception does not',
      {
        rules: {
          vulnerabilities: {
            exceptions: [
              { id: 'GHSA-35jh-r3h4-6jhm', reason: 'template() unused', expires: '2026-06-14' },
            ],
          },
        },
      },
      [highVuln],
      {},
      ['blocked', 'vulnerabilities:block'],
    ],
    [
      'an exception for another package does not',
      {
        rules: {
          vulnerabilities: {
            exceptions: [
              { id: 'GHSA-35jh-r3h4-6jhm', reason: 'r', expires: '2027-01-01', package: 'other' },
            ],
          },
        },
      },
      [highVuln],
      {},
      ['blocked', 'vulnerabilities:block'],
    ],
    [
      'a version younger than 3 days blocks',
      {},
      [],
      { published: new Date(now.getTime() - 2 * day) },
      ['blocked', 'minimumAge:block'],
    ],
    [
      'a version with no publish time warns that its age cannot be checked',
      {},
      [],
      { published: undefined },
      ['warned', 'minimumAge:warn'],
    ],
    [
      'a version with no publish time passes when the rule is off',
      { rules: { minimumAge: { mode: 'off' } } },
      [],
      { published: undefined },
      ['allowed'],
    ],
    [
      'the allow-list lets an urgent fix through',
      { rules: { minimumAge: { allow: ['pkg@1.0.0'] } } },
      [],
      { published: new Date(now.getTime() - day) },
      ['allowed'],
    ],
    [
      'install scripts warn by default',
      {},
      [],
      { installScripts: ['postinstall'] },
      ['warned', 'installScripts:warn'],
    ],
    [
      'allow-listed install scripts pass',
      { rules: { installScripts: { mode: 'block', allow: ['pkg'] } } },
      [],
      { installScripts: ['postinstall'] },
      ['allowed'],
    ],
    [
      'deprecated versions warn',
      {},
      [],
      { deprecated: 'use pkg 2' },
      ['warned', 'deprecated:warn'],
    ],
    ['licences are off by default', {}, [], { license: 'GPL-3.0-only' }, ['allowed']],
    [
      'an unknown licence matches only when asked',
      { rules: { licenses: { mode: 'block', unknown: true } } },
      [],
      { license: 'SEE LICENSE IN x' },
      ['blocked', 'licenses:block'],
    ],
    [
      'a PyPI licence not read yet is not judged',
      { rules: { licenses: { mode: 'block', unknown: true } } },
      [],
      { licenseStatus: 'pending' },
      ['allowed'],
    ],
    [
      'a licence that no file let us read only warns',
      { rules: { licenses: { mode: 'block', unknown: true } } },
      [],
      { licenseStatus: 'unreadable' },
      ['warned', 'licenses:warn'],
    ],
  ];
  it.each(cases)('%s', (_, proxy, vulns, extra, expected) => {
    expect(summary(context(proxy, vulns), facts(extra))).toEqual(expected);
  });

  it('names the advisory and the fix in the reason', () => {
    const result = evaluateVersion(facts(), context({}, [highVuln]));
    expect(result.verdicts).toEqual([
      {
        rule: 'vulnerabilities',
        action: 'block',
        reason:
          'high vulnerability GHSA-35jh-r3h4-6jhm: Command Injection in lodash; fixed in 4.17.21',
        advisory: 'GHSA-35jh-r3h4-6jhm',
      },
    ]);
  });
});
