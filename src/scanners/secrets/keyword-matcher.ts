/**
 * Finds which of many keywords occur in a text in one pass (an Aho-Corasick automaton with
 * a dense transition table). Matching is ASCII case-insensitive; characters that appear in
 * no keyword share one column of the table, so the table stays small.
 */
export class KeywordMatcher {
  readonly keywords: readonly string[];
  /** Column of each UTF-16 code unit; 0 for every character no keyword contains. */
  private readonly charClass = new Uint8Array(65536);
  private readonly width: number;
  /**
   * Transition table. An entry is the target state's row offset (state * width), or, when
   * the target state ends a keyword, -(row offset + 1): one sign test per character tells
   * whether to look at outputs.
   */
  private readonly delta: Int32Array;
  /** For each state, the keyword indexes ending there (own and via failure links). */
  private readonly outputs: ReadonlyArray<readonly number[]>;

  constructor(keywords: readonly string[]) {
    this.keywords = keywords.map((k) => k.toLowerCase());
    this.width = this.assignClasses();
    const { goto, fail, outputs } = this.buildTrie();
    this.outputs = outputs;
    this.delta = this.buildDelta(goto, fail, outputs);
  }

  /** Indexes of the keywords that occur in `text`, in ascending order. */
  find(text: string): number[] {
    return [...this.scan(text, 0).keys()].sort((a, b) => a - b);
  }

  /**
   * Where keywords occur in `text`: for each keyword found, the offsets just past its first
   * `limit` occurrences, or null when it occurs more often than that.
   */
  scan(text: string, limit: number): Map<number, number[] | null> {
    const found = new Map<number, number[] | null>();
    const { charClass, delta, width, outputs } = this;
    const length = text.length;
    let row = 0;
    for (let i = 0; i < length; i++) {
      const next = delta[row + charClass[text.charCodeAt(i)]];
      if (next >= 0) {
        row = next;
        continue;
      }
      row = -next - 1;
      for (const k of outputs[row / width]) {
        const seen = found.get(k);
        if (seen === undefined) found.set(k, limit > 0 ? [i + 1] : null);
        else if (seen !== null) {
          if (seen.length < limit) seen.push(i + 1);
          else found.set(k, null);
        }
      }
    }
    return found;
  }

  private assignClasses(): number {
    let next = 1;
    for (const keyword of this.keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const c = keyword.charCodeAt(i);
        if (this.charClass[c] !== 0) continue;
        this.charClass[c] = next;
        const upper = String.fromCharCode(c).toUpperCase().charCodeAt(0);
        if (upper !== c && upper < 128) this.charClass[upper] = next;
        next++;
      }
    }
    return next;
  }

  private buildTrie(): { goto: Array<Map<number, number>>; fail: number[]; outputs: number[][] } {
    const goto: Array<Map<number, number>> = [new Map()];
    const outputs: number[][] = [[]];
    this.keywords.forEach((keyword, index) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const cls = this.charClass[keyword.charCodeAt(i)];
        let next = goto[state].get(cls);
        if (next === undefined) {
          next = goto.length;
          goto.push(new Map());
          outputs.push([]);
          goto[state].set(cls, next);
        }
        state = next;
      }
      outputs[state].push(index);
    });

    const fail = new Array<number>(goto.length).fill(0);
    const queue = [...goto[0].values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const [cls, next] of goto[state]) {
        let f = fail[state];
        while (f !== 0 && !goto[f].has(cls)) f = fail[f];
        const target = goto[f].get(cls);
        fail[next] = target !== undefined && target !== next ? target : 0;
        outputs[next].push(...outputs[fail[next]]);
        queue.push(next);
      }
    }
    return { goto, fail, outputs };
  }

  private buildDelta(
    goto: Array<Map<number, number>>,
    fail: number[],
    outputs: number[][],
  ): Int32Array {
    const width = this.width;
    const delta = new Int32Array(goto.length * width);
    const order = [0];
    for (let head = 0; head < order.length; head++) {
      const state = order[head];
      const row = state * width;
      // Characters without an edge of their own go where the failure state's do; that row is
      // complete already, as a failure state is nearer the root.
      if (state !== 0) delta.copyWithin(row, fail[state] * width, fail[state] * width + width);
      for (const [cls, next] of goto[state]) {
        const target = next * width;
        delta[row + cls] = outputs[next].length > 0 ? -target - 1 : target;
        order.push(next);
      }
    }
    return delta;
  }
}
