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

const PLACEHOLDER = /\{([a-zA-Z]+)\}/g;

/** Whether a template has placeholders, per template text (checks are few, findings many). */
const hasPlaceholders = new Map<string, boolean>();

/** Fill `{name}` placeholders; unknown names are left as they are. */
export function fillTemplate(template: string, vars: Record<string, string> = {}): string {
  let has = hasPlaceholders.get(template);
  if (has === undefined) {
    has = /\{[a-zA-Z]+\}/.test(template);
    hasPlaceholders.set(template, has);
  }
  return has
    ? template.replace(PLACEHOLDER, (whole, name: string) => vars[name] ?? whole)
    : template;
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
