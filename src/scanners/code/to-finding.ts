import { fingerprint } from '../../core/fingerprint.js';
import type { Finding, Location } from '../../core/finding.js';
import { redactSecret } from '../../core/redact.js';
import type { Severity } from '../../core/severity.js';
import type { CompiledRule } from './compiled-rule.js';
import type { RawMatch, Span } from './engine.js';
import { ruleTags } from './scan-batch.js';

const STRING_LITERAL = /(['"`])([^'"`\n]{4,})\1/g;

/** Turn a raw match into a Finding, with the rule's metadata, fix, flow and fingerprint. */
export function toFinding(
  raw: RawMatch,
  rule: CompiledRule,
  path: string,
  severity?: Severity,
): Finding {
  const finding: Finding = {
    ruleId: raw.ruleId,
    scanner: 'code',
    severity: severity ?? rule.meta.severity,
    title: rule.meta.title,
    message: raw.message,
    location: locationOf(path, raw.span),
    fingerprint: fingerprint(raw.ruleId, path, raw.text),
    cwe: rule.meta.cwe,
    references: rule.meta.references,
    fix: { text: rule.meta.fix },
    evidence: evidenceOf(raw.text, rule),
    help: rule.meta.help,
    properties: { confidence: rule.meta.confidence, owasp: rule.meta.owasp },
    tags: ruleTags(rule),
  };
  if (raw.replacement && finding.fix) {
    finding.fix.replacement = {
      location: locationOf(path, raw.replacement.span),
      content: raw.replacement.content,
    };
  }
  if (raw.flow) {
    finding.flow = raw.flow.map((step) => ({
      location: locationOf(path, step.span),
      message: step.message,
    }));
  }
  return finding;
}

/** A span of a file as a finding location. */
export function locationOf(path: string, span: Span): Location {
  return { path, ...span };
}

/**
 * The first line of the matched code, cut to 120 characters. Rules tagged `secret` match
 * hard-coded credentials, so their string literals are redacted to their first characters.
 */
function evidenceOf(text: string, rule: CompiledRule): string {
  const line = text.split('\n')[0].trim();
  const cut = line.length > 120 ? `${line.slice(0, 117)}...` : line;
  if (!rule.meta.tags.includes('secret')) return cut;
  return cut.replace(
    STRING_LITERAL,
    (_all, quote: string, body: string) => `${quote}${redactSecret(body)}${quote}`,
  );
}
