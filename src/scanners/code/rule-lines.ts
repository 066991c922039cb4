import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';

/**
 * Where a rule file's problems sit: the 1-based line of a key path (`severity`,
 * `constraints.DB`, `taint.sinks.0.rule`), or of the deepest part of it the file has.
 */
export class RuleLines {
  private readonly counter = new LineCounter();
  private readonly root: Node | null;
  private readonly lines: string[];

  constructor(text: string) {
    this.root = parseDocument(text, { lineCounter: this.counter }).contents;
    this.lines = text.split('\n');
  }

  /** The line of the key at `path`, or of its nearest existing parent; undefined for none. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined {
    let node: unknown = this.root;
    let line: number | undefined;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === step);
        if (!pair || !isScalar(pair.key) || !pair.key.range) return line;
        line = this.counter.linePos(pair.key.range[0]).line;
        node = pair.value;
        continue;
      }
      const items = (node as { items?: unknown[] } | null)?.items;
      if (!Array.isArray(items) || typeof step !== 'number' || items[step] === undefined)
        return line;
      node = items[step];
      const range = (node as { range?: [number, number, number] }).range;
      if (range) line = this.counter.linePos(range[0]).line;
    }
    return line;
  }

  /**
   * The line a compile problem points at: a constraint it names (`constraints.DB: ...`), else
   * the rule's `rule` or `taint` key.
   */
  lineOfProblem(problem: string): number | undefined {
    const constraint = /^constraints\.([A-Za-z0-9_]+):/.exec(problem);
    if (constraint) return this.lineOf(['constraints', constraint[1]]);
    const pattern = /the pattern `([^`\n]+)`/.exec(problem);
    const utility = /^matches: (\S+) names no utility/.exec(problem);
    const written = pattern?.[1] ?? (utility && `matches: ${utility[1]}`);
    if (written) {
      const at = this.lines.findIndex((line) => line.includes(written));
      if (at >= 0) return at + 1;
    }
    const field = /^(autofix\.target|autofix\.template|message)\b/.exec(problem);
    if (field) return this.lineOf(field[1].split('.'));
    return this.lineOf(['rule']) ?? this.lineOf(['taint']);
  }
}
