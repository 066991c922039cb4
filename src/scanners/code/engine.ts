import { parse, type NapiConfig, type SgNode } from '@ast-grep/napi';

import { entryConfig, type CompiledRule, type MatchEntry } from './compiled-rule.js';
import type { FileLanguage } from './languages.js';
import { satisfies, TextIndex } from './prefilter.js';
import { short, TaintTracer } from './taint.js';
import { taintGrammar } from './taint-lang.js';

/** A span in a file: 1-based lines and columns, end column exclusive. */
export interface Span {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A rule match as plain data (it crosses worker threads): where, what, and how it flowed. */
export interface RawMatch {
  ruleId: string;
  span: Span;
  /** The matched text, used for the fingerprint and the evidence. */
  text: string;
  message: string;
  flow?: Array<{ span: Span; message: string }>;
  /** The certain rewrite: where it applies and the new text. */
  replacement?: { span: Span; content: string };
}

/** The taint tracers of one file, and the source and sanitizer ranges they share. */
interface Tracers {
  byRule: Map<CompiledRule, TaintTracer>;
  found: Map<string, Set<string>>;
}

interface Candidate {
  rule: CompiledRule;
  entry: MatchEntry;
}

/**
 * Run every rule of a file's language over its text. Rules whose words are not in the text are
 * dropped before parsing, and a file with no rule left is not parsed at all. The rest are
 * combined into one ast-grep `any` (metavariables namespaced per rule, each alternative tagged
 * with a marker metavariable) and matched in one pass over the tree; only the rules that pass
 * reports run again, one at a time, with their constraints, to give exact matches. The file is
 * parsed once.
 */
export function scanSource(
  text: string,
  language: FileLanguage,
  rules: readonly CompiledRule[],
): RawMatch[] {
  const index = new TextIndex(text);
  const wanted = rules.filter(
    (rule) => rule.parsers.includes(language.parser) && satisfies(rule.requirement, index),
  );
  if (wanted.length === 0) return [];

  const root = parse(language.parser, text).root();
  const active = activeCandidates(
    root,
    wanted.flatMap((rule) => rule.entries.map((entry) => ({ rule, entry }))),
  );
  if (active.length === 0) return [];

  const out = new Map<string, RawMatch>();
  const tracers: Tracers = { byRule: new Map(), found: new Map() };
  for (const candidate of active) {
    const config = entryConfig(candidate.rule, candidate.entry.rule) as NapiConfig;
    for (const node of root.findAll(config)) {
      const key = `${candidate.rule.ruleId}@${node.range().start.index}:${node.range().end.index}`;
      if (out.has(key)) continue;
      const raw =
        candidate.entry.focus === undefined
          ? patternMatch(candidate.rule, node)
          : taintMatch(candidate, node, root, language, tracers);
      if (raw) out.set(key, raw);
    }
  }
  return [...out.values()].sort(
    (a, b) => a.span.startLine - b.span.startLine || a.span.startColumn - b.span.startColumn,
  );
}

/**
 * The candidates that match some node of the tree structurally, found with combined passes.
 * ast-grep's `any` reports only the first alternative that matches a node, so a candidate can
 * be hidden behind another on the same node: those whose words occur in the text of a hit get
 * another pass, until a pass finds nothing new. Constraints stay out of these passes: ast-grep
 * checks them after `any` has chosen, which would hide later alternatives.
 */
function activeCandidates(root: SgNode, candidates: Candidate[]): Candidate[] {
  const active: Candidate[] = [];
  let pending = candidates;
  while (pending.length > 0) {
    const combined = {
      rule: { any: pending.map((c, i) => ({ all: [c.entry.rule, { pattern: `$BWK_${i}` }] })) },
      utils: Object.assign({}, ...pending.map((c) => entryConfig(c.rule, c.entry.rule).utils)),
    };
    const seen = new Set<number>();
    const texts: string[] = [];
    for (const hit of root.findAll(combined as NapiConfig)) {
      const index = pending.findIndex((_, i) => hit.getMatch(`BWK_${i}`) !== null);
      if (index >= 0) seen.add(index);
      texts.push(hit.text());
    }
    if (seen.size === 0) break;
    active.push(...pending.filter((_, i) => seen.has(i)));
    const hitText = new TextIndex(texts.join('\n'));
    pending = pending.filter((c, i) => !seen.has(i) && satisfies(c.entry.requirement, hitText));
  }
  return active;
}

function patternMatch(rule: CompiledRule, node: SgNode): RawMatch {
  const raw: RawMatch = {
    ruleId: rule.ruleId,
    span: spanOf(node),
    text: node.text(),
    message: interpolate(rule.meta.message, rule.prefix, node),
  };
  const autofix = rule.meta.autofix;
  if (autofix) {
    const target =
      autofix.target === undefined ? node : node.getMatch(`${rule.prefix}${autofix.target}`);
    if (target) {
      raw.replacement = {
        span: spanOf(target),
        content: interpolate(autofix.template, rule.prefix, node),
      };
    }
  }
  return raw;
}

function taintMatch(
  candidate: Candidate,
  node: SgNode,
  root: SgNode,
  language: FileLanguage,
  tracers: Tracers,
): RawMatch | undefined {
  const { rule, entry } = candidate;
  const focus = node.getMatch(entry.focus ?? '');
  if (!focus) return undefined;
  let tracer = tracers.byRule.get(rule);
  if (!tracer) {
    tracer = new TaintTracer(root, rule, taintGrammar(language.rules), tracers.found);
    tracers.byRule.set(rule, tracer);
  }
  const steps = tracer.trace(focus);
  if (!steps) return undefined;
  const flow = steps.map((step) => ({ span: spanOf(step.node), message: step.message }));
  flow.push({ span: spanOf(node), message: `reaches ${short(node.text())}` });
  return {
    ruleId: rule.ruleId,
    span: spanOf(node),
    text: node.text(),
    message: interpolate(rule.meta.message, rule.prefix, node),
    flow,
  };
}

/** Replace `$NAME` in a message or template with the text the metavariable matched. */
function interpolate(template: string, prefix: string, node: SgNode): string {
  return template.replace(/\$([A-Z][A-Z0-9_]*)/g, (all, name: string) => {
    const bound = node.getMatch(`${prefix}${name}`);
    return bound ? short(bound.text()) : all;
  });
}

/** A node's range as 1-based lines and columns. */
export function spanOf(node: SgNode): Span {
  const { start, end } = node.range();
  return {
    startLine: start.line + 1,
    startColumn: start.column + 1,
    endLine: end.line + 1,
    endColumn: end.column + 1,
  };
}
