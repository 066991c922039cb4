/**
 * Finds which of many keywords occur in a text in one pass (an Aho-Corasick automaton with
 * a dense transition table). Matching is ASCII case-insensitive; characters that appear in
 * no keyword share one column of the table, so the table stays small.
 */
export class KeywordMatcher {
  readonly keywords: readonly string[];
  private readonly charClass = new Uint8Array(128);
  private readonly width: number;
  /** Transition table; entries are the target state's row offset (state * width). */
  private readonly delta: Int32Array;
  /** For each state, the keyword indexes ending there (own and via failure links). */
  private readonly outputs: ReadonlyArray<readonly number[]>;
  /** 1 where a state has outputs, by row offset / width. */
  private readonly hasOutput: Uint8Array;

  constructor(keywords: readonly string[]) {
    this.keywords = keywords.map((k) => k.toLowerCase());
    this.width = this.assignClasses();
    const { goto, fail, outputs } = this.buildTrie();
    this.outputs = outputs;
    this.hasOutput = Uint8Array.from(outputs, (list) => (list.length > 0 ? 1 : 0));
    this.delta = this.buildDelta(goto, fail);
  }

  /** Indexes of the keywords that occur in `text`, in ascending order. */
  find(text: string): number[] {
    const found = new Uint8Array(this.keywords.length);
    const { charClass, delta, hasOutput, width } = this;
    let row = 0;
    let count = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      row = delta[row + (c < 128 ? charClass[c] : 0)];
      if (hasOutput[row / width] === 1) {
        for (const k of this.outputs[row / width]) {
          if (found[k] === 0) {
            found[k] = 1;
            count++;
          }
        }
        if (count === found.length) break;
      }
    }
    const out: number[] = [];
    for (let k = 0; k < found.length; k++) if (found[k] === 1) out.push(k);
    return out;
  }

  private assignClasses(): number {
    let next = 1;
    for (const keyword of this.keywords) {
      for (let i = 0; i < keyword.length; i++) {
        const c = keyword.charCodeAt(i);
        if (c >= 128 || this.charClass[c] !== 0) continue;
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

  private buildDelta(goto: Array<Map<number, number>>, fail: number[]): Int32Array {
    const delta = new Int32Array(goto.length * this.width);
    const order = [0];
    for (let head = 0; head < order.length; head++) {
      const state = order[head];
      for (let cls = 0; cls < this.width; cls++) {
        const next = goto[state].get(cls);
        if (next !== undefined) {
          delta[state * this.width + cls] = next * this.width;
          order.push(next);
        } else {
          delta[state * this.width + cls] = state === 0 ? 0 : delta[fail[state] * this.width + cls];
        }
      }
    }
    return delta;
  }
}
