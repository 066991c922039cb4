import { parse, type NapiConfig, type SgNode } from '@ast-grep/napi';

import { entryConfig, type CompiledRule, type MatchEntry } from './compiled-rule.js';
import type { FileLanguage } from './languages.js';
import { satisfies } from './prefilter.js';
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

interface Candidate {
  rule: CompiledRule;
  entry: MatchEntry;
}

/**
 * Run every rule of a file's language over its text in one pass: rules whose words are not in
 * the text are dropped before parsing, the rest are combined into one ast-grep `any` (their
 * metavariables are namespaced so they do not collide), and each hit is then attributed to
 * the rules it matches. The file is parsed at most once.
 */
export function scanSource(
  text: string,
  language: FileLanguage,
  rules: readonly CompiledRule[],
): RawMatch[] {
  const words = new Map<string, boolean>();
  const wanted = rules.filter(
    (rule) => rule.parsers.includes(language.parser) && satisfies(rule.requirement, text, words),
  );
  if (wanted.length === 0) return [];

  const root = parse(language.parser, text).root();
  const candidates: Candidate[] = wanted.flatMap((rule) =>
    rule.entries.map((entry) => ({ rule, entry })),
  );
  // Constraints stay out of the combined rule: ast-grep checks them after `any` has picked
  // its first structural match, which would hide a later rule's match on the same node.
  const combined = {
    rule: { any: candidates.map((c) => c.entry.rule) },
    utils: Object.assign({}, ...wanted.map((rule) => rule.utils)),
  };
  const hits = root.findAll(combined as NapiConfig);
  if (hits.length === 0) return [];

  const out = new Map<string, RawMatch>();
  const tracers = new Map<CompiledRule, TaintTracer>();
  for (const hit of hits) {
    for (const candidate of candidates) {
      const match = matchAt(hit, candidate);
      if (!match) continue;
      const key = `${candidate.rule.ruleId}@${hit.range().start.index}:${hit.range().end.index}`;
      if (out.has(key)) continue;
      const raw =
        candidate.entry.focus === undefined
          ? patternMatch(candidate.rule, match)
          : taintMatch(candidate, match, root, language, tracers);
      if (raw) out.set(key, raw);
    }
  }
  return [...out.values()].sort(
    (a, b) => a.span.startLine - b.span.startLine || a.span.startColumn - b.span.startColumn,
  );
}

/** The match of a candidate rooted exactly at `hit`, with its metavariables, if any. */
function matchAt(hit: SgNode, candidate: Candidate): SgNode | undefined {
  const found = hit.find(entryConfig(candidate.rule, candidate.entry.rule) as NapiConfig);
  if (!found) return undefined;
  const a = found.range();
  const b = hit.range();
  return a.start.index === b.start.index && a.end.index === b.end.index ? found : undefined;
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
  tracers: Map<CompiledRule, TaintTracer>,
): RawMatch | undefined {
  const { rule, entry } = candidate;
  const focus = node.getMatch(entry.focus ?? '');
  if (!focus) return undefined;
  let tracer = tracers.get(rule);
  if (!tracer) {
    tracer = new TaintTracer(root, rule, taintGrammar(language.rules));
    tracers.set(rule, tracer);
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
