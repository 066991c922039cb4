import { BulwarkError, formatPosition } from '../../../core/errors.js';
import type { Finding } from '../../../core/finding.js';
import { fingerprint } from '../../../core/fingerprint.js';
import type { Framework, FrameworkFile, FrameworkInput } from '../framework.js';
import { evaluateCondition } from './condition.js';
import type { Outcome } from './attribute-test.js';
import type { HclFile } from './hcl-model.js';
import { parseHcl } from './hcl-parse.js';
import { buildModules, instancesOf, isAutoVarsFile, type Resource } from './module.js';
import { loadRules } from './rule-loader.js';
import type { Rule } from './rule-schema.js';
import { suppressedAtHeader, unknownSuppressions } from './suppression.js';

/** Terraform: .tf files, read a folder (module) at a time, checked against rules/iac/terraform. */
export const terraformFramework: Framework = {
  id: 'terraform',
  // JSON Terraform files (.tf.json) are not read. Modules that `terraform init` downloaded
  // into .terraform/ are someone else's code and are left out.
  wants: (path) =>
    (path.endsWith('.tf') || isAutoVarsFile(path)) && !path.split('/').includes('.terraform'),
  scan: (input) => scanTerraform(input),
};

/** Run the Terraform checks (or the given ones) on a set of files. */
export function scanTerraform(input: FrameworkInput, rules: Rule[] = loadRules()): Finding[] {
  const byKind = new Map<string, Rule[]>();
  for (const rule of rules) {
    if (input.tags && !rule.tags.some((tag) => input.tags?.includes(tag))) continue;
    for (const kind of rule.resources) byKind.set(kind, [...(byKind.get(kind) ?? []), rule]);
  }
  const lines = linesOf(input.files);
  const findings: Finding[] = [];
  warnUnknownSuppressions(input, rules);
  for (const module of buildModules(parseAll(input))) {
    for (const resource of module.resources) {
      for (const rule of byKind.get(resource.kind) ?? []) {
        const at = failure(rule, resource);
        if (!at) continue;
        const ruleId = `iac/terraform/${rule.id}`;
        const header = resource.block.header.startLine;
        if (suppressedAtHeader(lines(resource.file), header, ruleId)) {
          input.logger.debug('suppressed at resource header', {
            rule: ruleId,
            path: resource.file,
          });
          continue;
        }
        findings.push(toFinding(rule, resource, at));
      }
    }
  }
  return findings.sort(
    (a, b) =>
      a.location.path.localeCompare(b.location.path) ||
      a.location.startLine - b.location.startLine ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

/** The lines of a file, split once and only for files that have a finding. */
function linesOf(files: readonly FrameworkFile[]): (path: string) => string[] {
  const texts = new Map(files.map((file) => [file.path, file.text]));
  const split = new Map<string, string[]>();
  return (path) => {
    let lines = split.get(path);
    if (!lines) {
      lines = (texts.get(path) ?? '').split('\n');
      split.set(path, lines);
    }
    return lines;
  };
}

/**
 * Parse every file; one that cannot be parsed (a syntax error, a binary or UTF-16 file) is
 * reported as an input problem naming its line and what to do, so the run exits 2, and is
 * also logged. The rest of the folder is still checked.
 */
function parseAll(input: FrameworkInput): HclFile[] {
  const parsed: HclFile[] = [];
  for (const file of input.files) {
    try {
      parsed.push(parseHcl(file.path, file.text));
    } catch (error) {
      if (!(error instanceof BulwarkError) || error.kind !== 'input') throw error;
      const hint = error.hint ? `; ${error.hint}` : '';
      const message = `terraform: ${error.message}${hint} (the file was not checked)`;
      const where = error.where ? formatPosition(error.where) : file.path;
      input.logger.warn(`${where}: ${message}`, { path: file.path });
      input.reportProblem?.({ path: file.path, line: error.where?.line, message });
    }
  }
  return parsed;
}

/** Warn, with file and line, about suppressions naming a Terraform check that does not exist. */
function warnUnknownSuppressions(input: FrameworkInput, rules: Rule[]): void {
  const ids = new Set([...loadRules(), ...rules].map((rule) => rule.id));
  for (const file of input.files) {
    for (const unknown of unknownSuppressions(file.text, ids)) {
      const guess = unknown.suggestion ? `; did you mean ${unknown.suggestion}?` : '';
      input.logger.warn(`${file.path}:${unknown.line}: no rule ${unknown.ruleId}${guess}`, {
        path: file.path,
        rule: unknown.ruleId,
      });
    }
  }
}

/** The outcome of the first instance that fails the check, or undefined when none does. */
function failure(rule: Rule, resource: Resource): Outcome | undefined {
  for (const instance of instancesOf(resource)) {
    const context = { resource, scope: resource.module.scope(instance) };
    if (rule.when && evaluateCondition(rule.when, resource.block, context).truth !== true) continue;
    const outcome = evaluateCondition(rule.check, resource.block, context);
    if (outcome.truth === false) return outcome;
  }
  return undefined;
}

/** What `{detail}` says: the rule's text for the value found, else the value itself. */
function detailText(rule: Rule, detail: string | undefined): string {
  if (detail === undefined) return '*';
  return rule.details?.[detail] ?? detail;
}

function toFinding(rule: Rule, resource: Resource, outcome: Outcome): Finding {
  const ruleId = `iac/terraform/${rule.id}`;
  const { at } = outcome;
  return {
    ruleId,
    scanner: 'iac',
    severity: rule.severity,
    title: rule.title,
    message: rule.message
      .replaceAll('{address}', resource.address)
      .replaceAll('{detail}', detailText(rule, outcome.detail)),
    location: {
      path: at.file,
      startLine: at.startLine,
      startColumn: at.startColumn,
      endLine: at.endLine,
      endColumn: at.endColumn,
    },
    fingerprint: fingerprint(ruleId, resource.file, resource.address),
    cwe: rule.cwe,
    references: rule.references,
    fix: { text: rule.fix.replaceAll('{name}', resource.name) },
    help: rule.help,
    properties: { resource: resource.address, framework: 'terraform' },
    tags: rule.tags,
  };
}
