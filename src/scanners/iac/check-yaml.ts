import {
  isNode,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
} from 'yaml';

/** One parsed YAML file: its documents and a line counter for positions. */
export interface YamlSource {
  path: string;
  text: string;
  counter: LineCounter;
  docs: Document.Parsed[];
}

/** Why a YAML file (or one of its documents) could not be read, and where. */
export interface YamlProblem {
  line?: number;
  column?: number;
  message: string;
}

/** Nesting deeper than this is refused: the parser would run out of stack further on. */
export const MAX_YAML_DEPTH = 256;

/** A byte order mark at the start of a file: editors on Windows write one; it is not content. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A 1-based position span. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Parse every document of a YAML file (a leading BOM dropped), keeping source ranges. `error`
 * is the first problem; documents with errors, or nested deeper than MAX_YAML_DEPTH, are left
 * out of `docs`.
 */
export function parseYaml(
  path: string,
  raw: string,
): { source: YamlSource; error?: YamlProblem; duplicates: DuplicateKey[] } {
  const text = stripBom(raw);
  const counter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: counter, merge: true, uniqueKeys: false });
  const all = Array.isArray(parsed) ? parsed : [];
  const source: YamlSource = { path, text, counter, docs: [] };
  let error: YamlProblem | undefined;
  const duplicates: DuplicateKey[] = [];

  for (const doc of all) {
    const first = doc.errors[0];
    const tooDeep = first ? undefined : walk(doc.contents, counter, duplicates);
    if (!first && tooDeep === undefined) {
      source.docs.push(doc);
      continue;
    }
    const at = first ? first.linePos?.[0] : counter.linePos(tooDeep ?? doc.range[0]);
    error ??= { line: at?.line, column: at?.col, message: problemText(first?.message) };
  }
  return { source, error, duplicates };
}

/** A YAML parser message without its position suffix and code frame, or the depth problem. */
function problemText(message: string | undefined): string {
  if (message === undefined || /call stack/i.test(message)) {
    return `nesting deeper than ${MAX_YAML_DEPTH} levels; flatten the document`;
  }
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** A key written twice in one mapping; Kubernetes and most YAML readers keep the last value. */
export interface DuplicateKey {
  key: string;
  line: number;
  column: number;
}

/**
 * Visit every node once (iteratively, so deep documents cannot overflow the stack), noting
 * duplicate mapping keys. Returns the source offset where nesting passes MAX_YAML_DEPTH, if it
 * does.
 */
function walk(
  start: unknown,
  counter: LineCounter,
  duplicates: DuplicateKey[],
): number | undefined {
  const stack: Array<[unknown, number]> = [[start, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() ?? [null, 0];
    if (depth > MAX_YAML_DEPTH) return isNode(node) ? (node.range?.[0] ?? 0) : 0;
    if (isSeq(node)) {
      for (const item of node.items) stack.push([item, depth + 1]);
    } else if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (key !== undefined && keys.has(key) && isScalar(pair.key) && pair.key.range) {
          const at = counter.linePos(pair.key.range[0]);
          duplicates.push({ key: String(key), line: at.line, column: at.col });
        }
        keys.add(key);
        stack.push([pair.value, depth + 1]);
      }
    }
  }
  return undefined;
}

/** `path:line:column: message`, the one format of every parse warning and problem. */
export function describeProblem(path: string, problem: YamlProblem): string {
  const line = problem.line === undefined ? '' : `:${problem.line}`;
  const column =
    problem.line !== undefined && problem.column !== undefined ? `:${problem.column}` : '';
  return `${path}${line}${column}: ${problem.message}`;
}

/**
 * A YAML node with the position of the key it was reached by, so that checks report the line
 * of the attribute (`privileged: true`) rather than of its value.
 */
export class YNode {
  constructor(
    readonly source: YamlSource,
    readonly doc: Document.Parsed,
    readonly node: Node | null,
    /** Source offsets of the key (or of the item for list items). */
    readonly anchor: [number, number],
  ) {}

  /** Wrap a document's root. */
  static root(source: YamlSource, doc: Document.Parsed): YNode | undefined {
    const node = doc.contents;
    if (!node || !node.range) return undefined;
    return new YNode(source, doc, node, [node.range[0], node.range[1]]);
  }

  private resolved(): Node | null {
    let node = this.node;
    for (let hop = 0; node && isAlias(node) && hop < 10; hop++) {
      node = node.resolve(this.doc) ?? null;
    }
    return node;
  }

  /** The value under `key` of a mapping, following `<<` merge keys; undefined when absent. */
  get(key: string): YNode | undefined {
    const node = this.resolved();
    if (!isMap(node)) return undefined;
    // A key written twice keeps its last value, as Kubernetes and most YAML readers do.
    for (let i = node.items.length - 1; i >= 0; i--) {
      const pair = node.items[i];
      const name = pair.key;
      if (isScalar(name) && name.range && String(name.value) === key) {
        const value = (pair.value as Node | null) ?? null;
        return new YNode(this.source, this.doc, value, [name.range[0], name.range[1]]);
      }
    }
    for (const pair of node.items) {
      if (!isMergeKey(pair.key)) continue;
      const found = new YNode(this.source, this.doc, pair.value as Node, this.anchor).get(key);
      if (found) return found;
    }
    return undefined;
  }

  /** Follow a dot-separated path of mapping keys. */
  at(path: string): YNode | undefined {
    const [first, ...rest] = path.split('.');
    let current = this.get(first);
    for (const key of rest) current = current?.get(key);
    return current;
  }

  /** The scalar value: string, number, boolean or null; undefined for collections. */
  value(): unknown {
    const node = this.resolved();
    if (node === null) return null;
    return isScalar(node) ? node.value : undefined;
  }

  /** The scalar as a string, or undefined when it is not a scalar or is null. */
  str(): string | undefined {
    const value = this.value();
    return value === null || value === undefined ? undefined : String(value);
  }

  /** True when this is a mapping. */
  isMap(): boolean {
    return isMap(this.resolved());
  }

  /** True when this is a sequence. */
  isSeq(): boolean {
    return isSeq(this.resolved());
  }

  /** Items of a sequence, each positioned at its own line. */
  items(): YNode[] {
    const node = this.resolved();
    if (!isSeq(node)) return [];
    return node.items.flatMap((item) => {
      const child = item as Node;
      if (!child.range) return [];
      // A mapping item is positioned at its first key, so a span covers one line, not the item.
      const first = isMap(child) ? child.items[0]?.key : undefined;
      const range = isScalar(first) && first.range ? first.range : child.range;
      return [new YNode(this.source, this.doc, child, [range[0], range[1]])];
    });
  }

  /** Keys and values of a mapping, in order, each value positioned at its key. */
  entries(): Array<[string, YNode]> {
    const node = this.resolved();
    if (!isMap(node)) return [];
    const out: Array<[string, YNode]> = [];
    for (const pair of node.items) {
      if (!isScalar(pair.key) || !pair.key.range || isMergeKey(pair.key)) continue;
      const value = (pair.value as Node | null) ?? null;
      const anchor: [number, number] = [pair.key.range[0], pair.key.range[1]];
      out.push([String(pair.key.value), new YNode(this.source, this.doc, value, anchor)]);
    }
    return out;
  }

  /** The plain JavaScript value of this node. */
  toJS(): unknown {
    const node = this.resolved();
    if (node === null) return null;
    return node.toJS(this.doc);
  }

  /** The 1-based span of the key (or list item) this node was reached by. */
  span(): Span {
    return spanOf(this.source, this.anchor[0], this.anchor[1]);
  }

  /** The span from the key to the end of its value, when the value is on record. */
  spanWithValue(): Span {
    const end = this.resolved()?.range?.[1];
    return spanOf(this.source, this.anchor[0], Math.max(this.anchor[1], end ?? 0));
  }

  /** The 1-based line of the key or item. */
  get line(): number {
    return this.span().line;
  }

  /**
   * The span of the first occurrence of `needle` inside this node's value in the source text,
   * so that a finding in a block scalar points at the line holding it; the key's span otherwise.
   */
  find(needle: string): Span {
    const node = this.resolved();
    const range = node?.range;
    if (range) {
      const at = this.source.text.slice(range[0], range[1]).indexOf(needle);
      if (at >= 0) return spanOf(this.source, range[0] + at, range[0] + at + needle.length);
    }
    return this.span();
  }
}

/** True for a `<<` merge key (a symbol when merge keys are on, the plain string otherwise). */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === '<<' || typeof key.value === 'symbol');
}

/** The 1-based span between two source offsets. */
export function spanOf(source: YamlSource, start: number, end: number): Span {
  const from = source.counter.linePos(start);
  const to = source.counter.linePos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}
