import type { NapiConfig, SgNode } from '@ast-grep/napi';

import { utilsFor, type CompiledRule } from './compiled-rule.js';
import { callParts, type DefinitionKind, type TaintGrammar } from './taint-lang.js';

/** One step of a traced flow: the node and what happens there. */
export interface TraceStep {
  node: SgNode;
  message: string;
}

interface Definition {
  node: SgNode;
  value: SgNode;
  /** Byte offset where the assigned value ends; uses after it may see the value. */
  readyAt: number;
  accumulates: boolean;
  unconditional: (use: SgNode) => boolean;
}

/** A definition node found in a scope, before its value and block are looked up. */
interface IndexedDefinition {
  node: SgNode;
  spec: DefinitionKind;
  target: SgNode;
  /** Where the target starts, to tell which scopes hold the definition. */
  at: number;
}

/** What the tracers of one file share: source and sanitizer ranges, and the definitions. */
export interface TaintShared {
  ranges: Map<string, Set<string>>;
  definitions?: Map<string, IndexedDefinition[]>;
  /** Syntax steps the tracers took, counted when set (for tests of how work grows). */
  steps?: number;
}

/** Variable names in a definition's target text (PHP names keep their `$`). */
const NAME_WORDS = /[$A-Za-z_][\w$]*/g;

/**
 * How many syntax steps a trace takes back from a sink (an assignment costs two or three).
 * A code taint trace takes at most 160 syntax steps back from a sink (about 60 assignments in
 * a row); a longer chain from a source is not reported.
 */
const MAX_DEPTH = 160;
const BLOCK_KINDS =
  /(^|_)(block|body|program|module|source_file|compound_statement|statement_block|declaration_list|class_body)$/;

/**
 * Follows values backwards inside one file, from a sink's argument to the sources of a taint
 * rule: through assignments, destructuring, template literals, concatenation, method calls on
 * tainted values and calls known to return their argument.
 * Code taint rules follow a value only inside one function and the functions around it: a value
 * passed into another function as an argument, returned from one, or stored in an object field
 * and read elsewhere is not followed.
 */
export class TaintTracer {
  private readonly sources: Set<string>;
  private sanitizerRanges: Set<string> | undefined;
  private readonly propagators: Set<string>;
  private readonly root: SgNode;
  /** Definitions per `scope id:name`, looked up only for names a trace reaches. */
  private readonly scopes = new Map<string, Definition[]>();
  private readonly active = new Set<string>();
  /** Traced definitions by range: the flow found, or null for none. */
  private readonly settled = new Map<string, TraceStep[] | null>();
  /** Set when a search stopped at a loop or the depth limit, so its miss is not final. */
  private cut = false;
  /** Enclosing scopes of each function node, innermost first, ending with the file. */
  private readonly chains = new Map<number, SgNode[]>();

  /**
   * `shared` is shared by the tracers of one file: rules with the same sources (most use the
   * language's `request-input`) look them up in the tree once, and the file's definitions are
   * indexed once.
   */
  constructor(
    root: SgNode,
    private readonly rule: CompiledRule,
    private readonly grammar: TaintGrammar,
    private readonly shared: TaintShared = { ranges: new Map() },
  ) {
    const taint = rule.taint ?? { sources: [], sanitizers: [], propagators: [] };
    this.sources = this.rangesOf(root, taint.sources);
    this.root = root;
    this.propagators = new Set([...grammar.propagators, ...taint.propagators]);
  }

  /**
   * The flow from a source to `node`, or undefined when no source reaches it. Sanitizers only
   * cut paths, so they are looked up once a path without them is found, then the trace reruns.
   */
  trace(node: SgNode): TraceStep[] | undefined {
    const found = this.walk(node, 0);
    if (!found || this.sanitizerRanges) return found;
    this.sanitizerRanges = this.rangesOf(this.root, this.rule.taint?.sanitizers ?? []);
    this.settled.clear();
    return this.walk(node, 0);
  }

  private walk(node: SgNode, depth: number): TraceStep[] | undefined {
    if (this.shared.steps !== undefined) this.shared.steps++;
    if (this.sources.size === 0) return undefined;
    if (depth > MAX_DEPTH) {
      this.cut = true;
      return undefined;
    }
    const key = rangeKey(node);
    if (this.sanitizerRanges?.has(key)) return undefined;
    if (this.sources.has(key)) return [{ node, message: `user input: ${short(node.text())}` }];

    const kind = String(node.kind());
    const { grammar } = this;
    if (grammar.constants.includes(kind) || grammar.functions.includes(kind)) return undefined;
    if (grammar.identifiers.includes(kind)) return this.traceIdentifier(node, depth);
    if (grammar.calls.includes(kind)) return this.traceCall(node, depth);

    const object = node.field('object') ?? node.field('operand');
    if (object) return this.walk(object, depth + 1);
    for (const child of node.children()) {
      if (!child.isNamed() || String(child.kind()) === 'comment') continue;
      if (child.range().start.index === node.field('condition')?.range().start.index) continue;
      const found = this.walk(child, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  private traceCall(call: SgNode, depth: number): TraceStep[] | undefined {
    const parts = callParts(call);
    if (parts.receiver) {
      const found = this.walk(parts.receiver, depth + 1);
      if (found) return found;
    }
    if (!this.propagators.has(parts.name)) return undefined;
    for (const arg of parts.args) {
      const found = this.walk(arg, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  private traceIdentifier(use: SgNode, depth: number): TraceStep[] | undefined {
    const name = use.text();
    for (const scope of this.scopesOf(use)) {
      const reaching = this.reaching(this.definitions(scope, name), use);
      if (reaching.length === 0) {
        const param = this.parameter(scope, name);
        if (param === undefined) continue;
        return this.sources.has(rangeKey(param))
          ? [{ node: param, message: `user input: ${name}` }]
          : undefined;
      }
      for (const def of reaching) {
        const found = this.traceDefinition(def, depth);
        if (found) return [...found, { node: def.node, message: `assigned to ${name}` }];
      }
      return undefined;
    }
    return undefined;
  }

  /**
   * The flow into a definition's value. Results are kept per definition, so the many sinks of
   * a large file that read the same variables do not trace them again; a miss is kept only when
   * no loop or depth limit cut the search short.
   */
  private traceDefinition(def: Definition, depth: number): TraceStep[] | undefined {
    const key = rangeKey(def.node);
    if (this.active.has(key)) {
      this.cut = true;
      return undefined;
    }
    const known = this.settled.get(key);
    if (known !== undefined) return known ?? undefined;
    const outer = this.cut;
    this.cut = false;
    this.active.add(key);
    const found = this.walk(def.value, depth + 1);
    this.active.delete(key);
    if (found || !this.cut) this.settled.set(key, found ?? null);
    this.cut ||= outer;
    return found;
  }

  /** Definitions that may reach `use`: latest first, back to the first unconditional one. */
  private reaching(defs: Definition[], use: SgNode): Definition[] {
    const at = use.range().start.index;
    const out: Definition[] = [];
    for (let i = defs.length - 1; i >= 0; i--) {
      const def = defs[i];
      if (def.readyAt > at) continue;
      out.push(def);
      if (!def.accumulates && def.unconditional(use)) break;
    }
    return out;
  }

  /** The functions around a node, innermost first, then the file; shared chains are cached. */
  private scopesOf(node: SgNode): SgNode[] {
    let current = node.parent();
    while (current) {
      if (this.grammar.functions.includes(String(current.kind()))) return this.chainOf(current);
      const parent = current.parent();
      if (!parent) return [current];
      current = parent;
    }
    return [];
  }

  private chainOf(scope: SgNode): SgNode[] {
    let chain = this.chains.get(scope.id());
    if (!chain) {
      chain = [scope, ...this.scopesOf(scope)];
      this.chains.set(scope.id(), chain);
    }
    return chain;
  }

  private parameter(scope: SgNode, name: string): SgNode | undefined {
    const params = scope.field('parameters');
    if (!params) return undefined;
    return this.namesIn(params).find((id) => id.text() === name);
  }

  /** The definitions of `name` in a scope, in source order, built on first use of the name. */
  private definitions(scope: SgNode, name: string): Definition[] {
    const cacheKey = `${scope.id()}:${name}`;
    const cached = this.scopes.get(cacheKey);
    if (cached) return cached;
    const out: Definition[] = [];
    const { start, end } = scope.range();
    for (const { node, spec, target, at } of this.definitionIndex().get(name) ?? []) {
      if (at < start.index || at > end.index) continue;
      const value = node.field(spec.value);
      if (!value || !this.namesIn(target).some((id) => id.text() === name)) continue;
      const container = enclosingBlock(node);
      out.push({
        node,
        value,
        readyAt: value.range().end.index,
        accumulates: spec.accumulates === true || /for/.test(String(node.kind())),
        unconditional: (use) => container !== undefined && contains(container, use),
      });
    }
    this.scopes.set(cacheKey, out);
    return out;
  }

  /**
   * Every definition node of the file, by the words of its target text, built once per file and
   * shared by its tracers. Only the nodes of names that a trace asks about are looked at
   * further, which keeps large files cheap.
   */
  private definitionIndex(): Map<string, IndexedDefinition[]> {
    if (this.shared.definitions) return this.shared.definitions;
    const index = new Map<string, IndexedDefinition[]>();
    const kinds = this.grammar.definitions;
    const found = this.root.findAll({
      rule: { any: kinds.map((d) => ({ kind: d.kind })) },
    } as NapiConfig);
    for (const node of found) {
      const kind = String(node.kind());
      const spec = kinds.find((d) => d.kind === kind);
      const target = spec && node.field(spec.target);
      if (!spec || !target) continue;
      const at = target.range().start.index;
      for (const word of new Set(target.text().match(NAME_WORDS))) {
        const list = index.get(word) ?? [];
        list.push({ node, spec, target, at });
        index.set(word, list);
      }
    }
    this.shared.definitions = index;
    return index;
  }

  private namesIn(target: SgNode): SgNode[] {
    const kinds = this.grammar.identifiers;
    if (kinds.includes(String(target.kind()))) return [target];
    return target.findAll({ rule: { any: kinds.map((kind) => ({ kind })) } } as NapiConfig);
  }

  private rangesOf(root: SgNode, rules: CompiledRule['entries'][number]['rule'][]): Set<string> {
    if (rules.length === 0) return new Set();
    const config = {
      rule: { any: rules },
      utils: utilsFor(this.rule.utils, rules),
    };
    const key = JSON.stringify(config).split(this.rule.prefix).join('');
    let ranges = this.shared.ranges.get(key);
    if (!ranges) {
      ranges = new Set(root.findAll(config as NapiConfig).map(rangeKey));
      this.shared.ranges.set(key, ranges);
    }
    return ranges;
  }
}

function enclosingBlock(node: SgNode): SgNode | undefined {
  let current = node.parent();
  while (current && !BLOCK_KINDS.test(String(current.kind()))) current = current.parent();
  return current ?? undefined;
}

function contains(outer: SgNode, inner: SgNode): boolean {
  const o = outer.range();
  const i = inner.range();
  return o.start.index <= i.start.index && i.end.index <= o.end.index;
}

function rangeKey(node: SgNode): string {
  const range = node.range();
  return `${range.start.index}:${range.end.index}`;
}

/** A node's text cut to one short line for flow messages. */
export function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
