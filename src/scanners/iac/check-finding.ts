import type { Finding, Location } from '../../core/finding.js';
import { fingerprint } from '../../core/fingerprint.js';
import type { Check } from './check-schema.js';
import type { FrameworkId } from './framework.js';

/** What a matcher reports: where, which object, and the words that fill the message. */
export interface CheckHit {
  path: string;
  /** 1-based line and column of the offending attribute or instruction. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A stable address of the object, such as `Deployment/web/containers/app`. */
  address: string;
  /** The resource the object belongs to, such as `Deployment/web`. */
  resource: string;
  /** Lines of the resource where a resource-level suppression may sit (1-based). */
  resourceLines?: number[];
  /** Values for `{name}` placeholders of the check's message. */
  vars?: Record<string, string>;
  /** Redacted evidence, when the hit quotes file content. */
  evidence?: string;
}

/**
 * Templates split once into text and placeholder names (text at even indexes, names at odd
 * ones): checks are few and findings many, and a regular expression per finding showed in
 * profiles of large manifests.
 */
const compiled = new Map<string, string[]>();

/** Fill `{name}` placeholders; unknown names are left as they are. */
export function fillTemplate(template: string, vars: Record<string, string> = {}): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{([a-zA-Z]+)\}/);
    compiled.set(template, parts);
  }
  if (parts.length === 1) return template;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    out += (vars[parts[i]] ?? `{${parts[i]}}`) + parts[i + 1];
  }
  return out;
}

/** Turn a matcher hit into a Finding with the check's metadata. */
export function toFinding(framework: FrameworkId, check: Check, hit: CheckHit): Finding {
  const ruleId = `iac/${framework}/${check.id}`;
  const location: Location = {
    path: hit.path,
    startLine: hit.line,
    startColumn: hit.column,
    endLine: hit.endLine ?? hit.line,
    endColumn: hit.endColumn ?? hit.column,
  };
  return {
    ruleId,
    scanner: 'iac',
    severity: check.severity,
    title: check.title,
    message: fillTemplate(check.message, hit.vars),
    location,
    fingerprint: fingerprint(ruleId, hit.path, hit.address),
    cwe: check.cwe,
    references: check.references,
    fix: { text: fillTemplate(check.fix, hit.vars) },
    help: check.help,
    ...(hit.evidence === undefined ? {} : { evidence: hit.evidence }),
    properties: { framework, resource: hit.resource, address: hit.address },
    tags: check.tags,
  };
}
