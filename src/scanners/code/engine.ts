import { parse, type NapiConfig, type SgNode } from '@ast-grep/napi';

import {
  entryChecks,
  entryConfig,
  passesChecks,
  utilsFor,
  type CompiledRule,
  type EntryConfig,
  type MatchEntry,
} from './compiled-rule.js';
import type { FileLanguage } from './languages.js';
import { satisfies, TextIndex } from './prefilter.js';
import { pruneFor } from './prune.js';
import type { AstRule } from './rule-schema.js';
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
  /** What ast-grep searches for: the whole entry, or a taint sink without its `not` parts. */
  search: EntryConfig;
  /** Set when `search` leaves parts out: the whole entry, checked at the nodes traced. */
  whole?: EntryConfig;
}

/** How many files a scan was given and how many of them the prefilter let through to parsing. */
export interface ScanStats {
  files: number;
  parsed: number;
}

/**
 * What the taint sinks of a scan cost, counted for tests: the nodes their searches found, the
 * trace steps, and the checks of a sink's whole rule (with its `not` parts): one per node
 * checked alone, or the nodes a pass of the whole rule over the file matched. One such check
 * may walk every statement before its node (a `follows` with `stopBy: end`), so these checks
 * must stay few in a large file.
 */
export interface SinkWork {
  found: number;
  traceSteps: number;
  wholeChecks: number;
}

/** Options of one scan: `prefilter: false` runs every rule of the language (for tests). */
export interface ScanOptions {
  prefilter?: boolean;
  stats?: ScanStats;
  work?: SinkWork;
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
 * Over this repository's node_modules the code scanner runs at about 119,000 scanned lines per
 * CPU-second, about 216,000 lines per second on two idle cores (docs/benchmarks.md, code).
 */
export function scanSource(
  text: string,
  language: FileLanguage,
  rules: readonly CompiledRule[],
  options: ScanOptions = {},
): RawMatch[] {
  const { prefilter = true, stats, work } = options;
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
  const candidates = wanted.flatMap((rule) =>
    rule.entries.map((entry) => candidateOf(rule, entry)),
  );
  const out = new Map<string, RawMatch>();
  const tracers: Tracers = { byRule: new Map(), shared: { ranges: new Map(), steps: 0 } };
  for (const [candidate, matches] of matchCandidates(root, candidates, text.length, prefilter)) {
    if (work && candidate.entry.focus !== undefined) work.found += matches.length;
    const found: Array<{ key: string; node: SgNode; raw: RawMatch }> = [];
    for (const node of matches) {
      const key = `${candidate.rule.ruleId}@${node.range().start.index}:${node.range().end.index}`;
      if (out.has(key)) continue;
      const raw =
        candidate.entry.focus === undefined
          ? patternMatch(candidate.rule, node)
          : taintMatch(candidate, node, root, language, tracers);
      if (raw) found.push({ key, node, raw });
    }
    const kept = wholeMatches(candidate, root, found, text.length, work);
    for (const { key, raw } of kept) if (!out.has(key)) out.set(key, raw);
  }
  if (work) work.traceSteps += tracers.shared.steps ?? 0;
  return [...out.values()].sort(
    (a, b) => a.span.startLine - b.span.startLine || a.span.startColumn - b.span.startColumn,
  );
}

/**
 * A rule entry ready to match. A taint sink whose rule has `not` parts is searched without
 * them: they often hold an allow-list check such as `inside` or `follows` with `stopBy: end`,
 * which ast-grep evaluates at every node the rest matches and which may walk every statement
 * before that node, so a file of thousands of `app.get(...)` handlers took time growing with
 * the square of its size. The sink is traced first and the whole rule is checked only at the
 * few nodes a source reaches (see wholeMatches).
 */
function candidateOf(rule: CompiledRule, entry: MatchEntry): Candidate {
  const whole = entryConfig(rule, entry.rule);
  if (entry.focus === undefined) return { rule, entry, search: whole };
  let search = searches.get(entry.rule);
  if (search === undefined) {
    const first = withoutNegations(entry.rule);
    search = first ? searchConfig(rule, whole, first) : null;
    searches.set(entry.rule, search);
  }
  return search ? { rule, entry, search, whole } : { rule, entry, search: whole };
}

const searches = new WeakMap<AstRule, EntryConfig | null>();

/**
 * The rule without the `not` parts that ast-grep checks last in it: a `not` beside other keys
 * of the rule object, or a `{ not }` item of its `all` list (and so on down nested `all`
 * lists). Undefined when there is none. A `not` binds no metavariable and ast-grep's `all`
 * never goes back to try another way once a part matched, so the rule left finds every node
 * the whole rule finds, with the same metavariables. `any` and relational rules are left as
 * they are: dropping a `not` there could change which alternative binds the metavariables.
 */
export function withoutNegations(rule: AstRule): AstRule | undefined {
  let changed = false;
  const out: AstRule = { ...rule };
  if (out.not !== undefined && Object.keys(out).length > 1) {
    delete out.not;
    changed = true;
  }
  if (out.all) {
    const kept: AstRule[] = [];
    for (const part of out.all) {
      if (part.not !== undefined && Object.keys(part).length === 1) continue;
      kept.push(withoutNegations(part) ?? part);
    }
    const same = kept.length === out.all.length && kept.every((part, i) => part === out.all?.[i]);
    if (kept.length > 0 && !same) {
      out.all = kept;
      changed = true;
    }
  }
  return changed ? out : undefined;
}

/** The search config of a sink without its `not` parts: the constraints and utils it uses. */
function searchConfig(rule: CompiledRule, whole: EntryConfig, first: AstRule): EntryConfig {
  const text = JSON.stringify(first) + JSON.stringify(utilsFor(rule.utils, [first]));
  const constraints = Object.fromEntries(
    Object.entries(whole.constraints).filter(([name]) =>
      new RegExp(`\\$(\\$\\$)?${name}\\b`).test(text),
    ),
  );
  return {
    rule: first,
    constraints,
    utils: utilsFor(rule.utils, [first, ...Object.values(constraints)]),
  };
}

/**
 * The traced matches of a candidate that its whole rule matches too. A few are checked one by
 * one; when there are more than a pass costs (see matchCandidates), one pass of the whole rule
 * over the file decides.
 * A taint sink that request data reaches is then checked against the allow-list part of its
 * rule, which can look at every statement before it in the file, so a file with thousands of
 * reached sinks at its top level takes time growing with the square of their number (8,000
 * Express handlers that each pass `req.query` to `axios.get`, 590 KB: about 12 CPU-seconds);
 * sinks that no source reaches do not cost this.
 */
function wholeMatches<T extends { node: SgNode }>(
  candidate: Candidate,
  root: SgNode,
  found: T[],
  size: number,
  work: SinkWork | undefined,
): T[] {
  const { whole } = candidate;
  if (!whole || found.length === 0) return found;
  const config = whole as NapiConfig;
  if (found.length > passAt(size)) {
    const hits = root.findAll(config);
    if (work) work.wholeChecks += hits.length;
    const ids = new Set(hits.map((node) => node.id()));
    return found.filter(({ node }) => ids.has(node.id()));
  }
  if (work) work.wholeChecks += found.length;
  return found.filter(({ node }) => node.matches(config));
}

/** How many hits make one pass over the file cheaper than checking each hit on its own. */
function passAt(size: number): number {
  return Math.max(2, size / CHARS_PER_COMPILE);
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
  const config = (c: Candidate): NapiConfig => c.search as NapiConfig;
  if (size < COMBINED_FROM) return candidates.map((c) => [c, checked(c, root.findAll(config(c)))]);
  const combined = {
    rule: { any: candidates.map((c) => c.search.rule) },
    utils: Object.assign({}, ...candidates.map((c) => c.search.utils)),
  };
  const hits = root.findAll(combined as NapiConfig);
  const many = passAt(size);
  return [...hitsByCandidate(hits, candidates, prefilter)].map(([c, nodes]) => [
    c,
    checked(
      c,
      nodes.length > many ? root.findAll(config(c)) : nodes.flatMap((n) => exactAt(n, config(c))),
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
