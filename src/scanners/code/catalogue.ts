import { relative } from 'node:path';

import type { CompiledRule } from './compiled-rule.js';
import { RULE_LANGUAGES } from './languages.js';
import { BUILTIN_RULES_DIR } from './rule-loader.js';
import { ruleTags } from './scan-batch.js';

const LANGUAGE_NAMES: Record<string, string> = {
  js: 'JavaScript and TypeScript',
  python: 'Python',
  go: 'Go',
  java: 'Java',
  ruby: 'Ruby',
  php: 'PHP',
};

/** The catalogue as aligned text lines: id, severity, confidence, title. */
export function renderRuleList(rules: readonly CompiledRule[]): string {
  const width = Math.max(...rules.map((rule) => rule.ruleId.length), 4);
  const lines = rules.map((rule) => {
    const kind = rule.taint ? 'taint' : 'pattern';
    return `${rule.ruleId.padEnd(width)}  ${rule.meta.severity.padEnd(8)}  ${rule.meta.confidence.padEnd(6)}  ${kind.padEnd(7)}  ${rule.meta.title}`;
  });
  return `${lines.join('\n')}\n${rules.length} rules\n`;
}

/** The catalogue as JSON: one object per rule with its metadata. */
export function renderRuleJson(rules: readonly CompiledRule[]): string {
  const out = rules.map((rule) => ({
    id: rule.ruleId,
    title: rule.meta.title,
    severity: rule.meta.severity,
    confidence: rule.meta.confidence,
    mode: rule.taint ? 'taint' : 'pattern',
    cwe: rule.meta.cwe,
    owasp: rule.meta.owasp,
    tags: ruleTags(rule),
    references: rule.meta.references,
    file: rule.file,
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** docs/rules.md: every built-in code rule, by language, generated from the rule files. */
export function renderRulesMarkdown(rules: readonly CompiledRule[]): string {
  const out: string[] = [
    '# Code rules',
    '',
    'Generated from `rules/code/` by `npm run docs:rules`; do not edit by hand.',
    'Taint rules follow user input to a dangerous call inside one function; pattern rules match',
    'one construct and carry the `fast` tag. See docs/code-rules.md for the rule format.',
    '',
  ];
  for (const language of RULE_LANGUAGES) {
    const own = rules.filter((rule) => rule.language === language);
    if (own.length === 0) continue;
    out.push(`## ${LANGUAGE_NAMES[language]} (${own.length} rules)`, '');
    out.push(
      '| id | severity | confidence | mode | CWE | OWASP | what it finds |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const rule of own) {
      const cells = [
        `\`${rule.ruleId}\``,
        rule.meta.severity,
        rule.meta.confidence,
        rule.taint ? 'taint' : 'pattern',
        rule.meta.cwe.join(', '),
        rule.meta.owasp,
        rule.meta.title,
      ];
      out.push(`| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`);
    }
    out.push('');
    for (const rule of own) {
      const file = relative(BUILTIN_RULES_DIR, rule.file).split('\\').join('/');
      out.push(
        `### ${rule.ruleId}`,
        '',
        rule.meta.help,
        '',
        `Fix: ${rule.meta.fix}`,
        '',
        `Rule file: \`rules/code/${file}\``,
        '',
      );
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
