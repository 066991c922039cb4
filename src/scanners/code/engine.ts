import { parse, type NapiConfig, type SgNode } from '@ast-grep/napi';

import {
  entryChecks,
  entryConfig,
  passesChecks,
  type CompiledRule,
  type MatchEntry,
} from './compiled-rule.js';
import type { FileLanguage } from './languages.js';
import { satisfies, TextIndex } from './prefilter.js';
import { pruneFor } from './prune.js';
import { short, TaintTracer, type TaintShared } from './taint.js';
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
  shared: TaintShared;
}

interface Candidate {
  rule: CompiledRule;
  entry: MatchEntry;
}

/** How many files a scan was given and how many of them the prefilter let through to parsing. */
export interface ScanStats {
  files: number;
  parsed: number;
}

/** Options of one scan: `prefilter: false` runs every rule of the language (for tests). */
export interface ScanOptions {
  prefilter?: boolean;
  stats?: ScanStats;
}

/** Files of at least this many characters get a combined pass first (see matchCandidates). */
const COMBINED_FROM = 1_000_000;
/**
 * About how many characters of source one tree pass walks in the time ast-grep takes to
 * compile one rule: a candidate with more hits than `size / this` gets a pass of its own.
 */
const CHARS_PER_COMPILE = 12_000;

/**
 * Run every rule of a file's language over its text. Rules whose tokens are not in the text are
 * dropped before parsing, and a file with no rule left is not parsed at all; the `any`
 * alternatives the text cannot match are removed from the rest (see prune.ts). The file is
 * parsed once and the rules are matched as `matchCandidates` describes.
 * Over this repository's node_modules the code scanner runs at about 127,000 scanned lines per
 * CPU-second, about 228,000 lines per second on two idle cores (docs/benchmarks.md, code).
 */
export function scanSource(
  text: string,
  language: FileLanguage,
  rules: readonly CompiledRule[],
  options: ScanOptions = {},
): RawMatch[] {
  const { prefilter = true, stats } = options;
  const index = new TextIndex(text);
  const fits = rules.filter((rule) => rule.parsers.includes(language.parser));
  const wanted = prefilter
    ? fits
        .filter((rule) => satisfies(rule.requirement, index) && passesGates(rule, text))
        .map((r) => pruneFor(r, index))
    : fits;
  if (stats) stats.files++;
  if (wanted.length === 0) return [];

  if (stats) stats.parsed++;
  const root = parse(language.parser, text).root();
  const candidates = wanted.flatMap((rule) => rule.entries.map((entry) => ({ rule, entry })));
  const out = new Map<string, RawMatch>();
  const tracers: Tracers = { byRule: new Map(), shared: { ranges: new Map() } };
  for (const [candidate, matches] of matchCandidates(root, candidates, text.length, prefilter)) {
    for (const node of matches) {
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

/** Whether every `prefilterRegex` of the rule matches somewhere in the text. */
function passesGates(rule: CompiledRule, text: string): boolean {
  return rule.textGates.every((gate) => gate.test(text));
}

/**
 * The matches of each candidate. ast-grep compiles a rule afresh on every call, which costs
 * far more than walking a small tree, so a small file gets one full pass per candidate. A
 * large file first gets one combined pass without constraints; a candidate is then checked
 * at its few structural hits, or by a pass of its own when it has many.
 */
function matchCandidates(
  root: SgNode,
  candidates: Candidate[],
  size: number,
  prefilter: boolean,
): Array<[Candidate, SgNode[]]> {
  const config = (c: Candidate): NapiConfig => entryConfig(c.rule, c.entry.rule) as NapiConfig;
  if (size < COMBINED_FROM) return candidates.map((c) => [c, checked(c, root.findAll(config(c)))]);
  const combined = {
    rule: { any: candidates.map((c) => c.entry.rule) },
    utils: Object.assign({}, ...candidates.map((c) => entryConfig(c.rule, c.entry.rule).utils)),
  };
  const hits = root.findAll(combined as NapiConfig);
  const passAt = Math.max(2, size / CHARS_PER_COMPILE);
  return [...hitsByCandidate(hits, candidates, prefilter)].map(([c, nodes]) => [
    c,
    checked(
      c,
      nodes.length > passAt ? root.findAll(config(c)) : nodes.flatMap((n) => exactAt(n, config(c))),
    ),
  ]);
}

/** The matches that pass the candidate's constraints checked on text (see text-constraints.ts). */
function checked(candidate: Candidate, nodes: SgNode[]): SgNode[] {
  const checks = entryChecks(candidate.rule, candidate.entry.rule);
  if (checks.length === 0 || nodes.length === 0) return nodes;
  return nodes.filter((node) => passesChecks(checks, (name) => node.getMatch(name)?.text()));
}

/** For each candidate, the hits whose text holds its words (so it may match there). */
function hitsByCandidate(
  hits: SgNode[],
  candidates: Candidate[],
  prefilter: boolean,
): Map<Candidate, SgNode[]> {
  const out = new Map<Candidate, SgNode[]>();
  for (const hit of hits) {
    const index = new TextIndex(hit.text());
    for (const candidate of candidates) {
      if (prefilter && !satisfies(candidate.entry.requirement, index)) continue;
      const list = out.get(candidate) ?? [];
      list.push(hit);
      out.set(candidate, list);
    }
  }
  return out;
}

/** The match of `config` rooted exactly at `node`, with its metavariables, if there is one. */
function exactAt(node: SgNode, config: NapiConfig): SgNode[] {
  const found = node.find(config);
  if (!found) return [];
  const a = found.range();
  const b = node.range();
  return a.start.index === b.start.index && a.end.index === b.end.index ? [found] : [];
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
    tracer = new TaintTracer(root, rule, taintGrammar(language.rules), tracers.shared);
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
