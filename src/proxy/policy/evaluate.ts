import { atOrAbove } from '../../core/severity.js';
import {
  durationMs,
  type ProxyRules,
  type RuleMode,
  type VulnerabilityException,
} from './config.js';
import { judgeLicense, parseSpdx } from './spdx.js';
import type { TyposquatMatch } from './typosquat.js';
import type {
  RuleId,
  Verdict,
  VersionDecision,
  VersionFacts,
  Vulnerable,
  Waiver,
} from './types.js';

/** Everything a version is judged with, besides its own facts. */
export interface PolicyContext {
  rules: ProxyRules;
  /** Turn every block into monitor (`--dry-run`). */
  dryRun: boolean;
  /** The vulnerabilities affecting a version of the package. */
  vulnerabilities(version: string): readonly Vulnerable[];
  /** The popular package this name imitates, when it does. */
  typosquat: TyposquatMatch | undefined;
  now: Date;
}

/** True when `list` names the package, or this exact version as `name@version`. */
export function listed(list: readonly string[], name: string, version: string): boolean {
  return list.some((entry) => entry === name || entry === `${name}@${version}`);
}

function action(mode: RuleMode, dryRun: boolean): Verdict['action'] | undefined {
  if (mode === 'off') return undefined;
  if (mode === 'block') return dryRun ? 'monitor' : 'block';
  return mode;
}

/** Judge one version against every rule and combine the verdicts into a decision. */
export function evaluateVersion(facts: VersionFacts, context: PolicyContext): VersionDecision {
  const verdicts: Verdict[] = [];
  const waivers: Waiver[] = [];
  const add = (rule: RuleId, mode: RuleMode, reason: string, advisory?: string): void => {
    const act = action(mode, context.dryRun);
    if (act)
      verdicts.push(
        advisory ? { rule, action: act, reason, advisory } : { rule, action: act, reason },
      );
  };

  checkAdvisories(facts, context, add, waivers);
  checkAge(facts, context, add);
  checkScripts(facts, context, add);
  checkTyposquat(facts, context, add);
  if (facts.deprecated !== undefined) {
    add('deprecated', context.rules.deprecated.mode, `deprecated: ${facts.deprecated}`);
  }
  checkLicense(facts, context, add);

  const decision = verdicts.some((v) => v.action === 'block')
    ? 'blocked'
    : verdicts.length > 0
      ? 'warned'
      : 'allowed';
  return waivers.length > 0 ? { decision, verdicts, waivers } : { decision, verdicts };
}

type Add = (rule: RuleId, mode: RuleMode, reason: string, advisory?: string) => void;

function exceptionFor(
  advisory: Vulnerable,
  facts: VersionFacts,
  context: PolicyContext,
): VulnerabilityException | undefined {
  const today = context.now.toISOString().slice(0, 10);
  return context.rules.vulnerabilities.exceptions.find(
    (e) =>
      (e.id === advisory.id || advisory.aliases.includes(e.id)) &&
      (e.package === undefined || e.package === facts.name) &&
      e.expires >= today,
  );
}

function checkAdvisories(
  facts: VersionFacts,
  context: PolicyContext,
  add: Add,
  waivers: Waiver[],
): void {
  const rule = context.rules.vulnerabilities;
  for (const advisory of context.vulnerabilities(facts.version)) {
    if (advisory.malicious) {
      const reason = `${facts.name}@${facts.version} is a known malicious package (${advisory.id})`;
      add('malicious', context.rules.malicious.mode, reason, advisory.id);
      continue;
    }
    // An advisory nothing rates is real but of unknown weight: it takes `unrated` (medium).
    const severity = advisory.severity ?? rule.unrated;
    if (!atOrAbove(severity, rule.severity)) continue;
    const level = advisory.severity ? severity : `unrated (taken as ${severity})`;
    const exception = exceptionFor(advisory, facts, context);
    if (exception) {
      const reason = `waived until ${exception.expires}: ${exception.reason} (${level} vulnerability ${advisory.id})`;
      waivers.push({ advisory: advisory.id, reason });
      continue;
    }
    const fix = advisory.fixed.length > 0 ? `; fixed in ${advisory.fixed.join(', ')}` : '';
    const reason = `${level} vulnerability ${advisory.id}: ${advisory.summary}${fix}`;
    add('vulnerabilities', rule.mode, reason, advisory.id);
  }
}

function checkAge(facts: VersionFacts, context: PolicyContext, add: Add): void {
  const rule = context.rules.minimumAge;
  if (rule.mode === 'off' || listed(rule.allow, facts.name, facts.version)) return;
  if (!facts.published) {
    // Without a publish time the age is unknown: say so rather than let the version pass unseen.
    const reason = `the upstream gives no publish time for ${facts.name}@${facts.version}, so its age cannot be checked`;
    add('minimumAge', rule.mode === 'block' ? 'warn' : rule.mode, reason);
    return;
  }
  const minimum = durationMs(rule.age);
  const age = context.now.getTime() - facts.published.getTime();
  if (age >= minimum) return;
  const hours = Math.max(0, Math.floor(age / 3_600_000));
  const reason = `published ${hours}h ago, younger than the minimum age of ${String(rule.age)}`;
  add('minimumAge', rule.mode, reason);
}

function checkScripts(facts: VersionFacts, context: PolicyContext, add: Add): void {
  const rule = context.rules.installScripts;
  if (facts.installScripts.length === 0 || listed(rule.allow, facts.name, facts.version)) return;
  add('installScripts', rule.mode, `runs install scripts: ${facts.installScripts.join(', ')}`);
}

function checkTyposquat(facts: VersionFacts, context: PolicyContext, add: Add): void {
  const rule = context.rules.typosquats;
  const match = context.typosquat;
  if (!match || rule.allow.includes(facts.name)) return;
  const how = match.how === 'scope' ? 'the same name under a look-alike scope as' : 'close to';
  add('typosquats', rule.mode, `likely typosquat: the name is ${how} ${match.popular}`);
}

function checkLicense(facts: VersionFacts, context: PolicyContext, add: Add): void {
  const rule = context.rules.licenses;
  if (rule.mode === 'off') return;
  const tree = facts.license ? parseSpdx(facts.license) : undefined;
  if (!tree) {
    // A PyPI licence not read yet is judged when a file of the version is downloaded.
    if (!rule.unknown || facts.licenseStatus === 'pending') return;
    if (facts.licenseStatus === 'unreadable') {
      const mode = rule.mode === 'block' ? 'warn' : rule.mode;
      add('licenses', mode, 'licence unknown: the file has no core metadata to read it from');
      return;
    }
    add('licenses', rule.mode, `licence is missing or not SPDX: ${facts.license ?? 'none'}`);
    return;
  }
  const result = judgeLicense(tree, rule);
  if (!result.ok)
    add('licenses', rule.mode, `licence ${facts.license} not allowed (${result.bad.join(', ')})`);
}
