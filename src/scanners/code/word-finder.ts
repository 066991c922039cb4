/** A word to look for: `whole` words count only as a whole identifier, others anywhere. */
export interface WordSpec {
  text: string;
  whole: boolean;
  /** Whether to list where the word occurs, not only whether it does. */
  track: boolean;
}

/** What one pass over a text found. */
export interface WordHits {
  /** One flag per word (1 when it occurs), in the order the words were given. */
  found: Uint8Array;
  /** For tracked words that occur: the offsets where they start, ascending. */
  starts: Array<number[] | undefined>;
}

/**
 * Finds which of many words occur in a text in one pass (an Aho-Corasick automaton with a
 * dense transition table, matching UTF-16 code units exactly). A whole word counts where it is
 * an identifier as the regex `[A-Za-z_$][\w$]*` cuts them from the text left to right: not
 * followed by `[\w$]`, and preceded by nothing of `[\w$]` but digits (`1px` holds `px`). An
 * empty word occurs in every text.
 */
export class WordFinder {
  readonly words: readonly WordSpec[];
  /** Column of each code unit; 0 for every one no word contains. */
  private readonly charClass = new Uint16Array(65536);
  private readonly width: number;
  /**
   * Transition table. An entry is the target state's row offset (state * width), or, when a
   * word ends at the target state, -(state + 1).
   */
  private readonly delta: Int32Array;
  /** For each state, the words ending there (its own and through failure links). */
  private readonly outputs: ReadonlyArray<readonly number[]>;
  private readonly lengths: Int32Array;
  private readonly whole: Uint8Array;
  private readonly track: Uint8Array;
  private readonly empty: number[] = [];

  constructor(words: readonly WordSpec[]) {
    this.words = words;
    this.lengths = Int32Array.from(words, (word) => word.text.length);
    this.whole = Uint8Array.from(words, (word) => (word.whole ? 1 : 0));
    this.track = Uint8Array.from(words, (word) => (word.track ? 1 : 0));
    this.width = this.assignClasses();
    const { goto, fail, outputs } = this.buildTrie();
    this.outputs = outputs;
    this.delta = this.buildDelta(goto, fail, outputs);
  }

  /** Which words occur in `text`, and where the tracked ones do. */
  find(text: string): WordHits {
    const found = new Uint8Array(this.words.length);
    for (const k of this.empty) found[k] = 1;
    const starts: Array<number[] | undefined> = [];
    const { charClass, delta, width, outputs, lengths, whole, track } = this;
    const length = text.length;
    let row = 0;
    for (let i = 0; i < length; i++) {
      const next = delta[row + charClass[text.charCodeAt(i)]];
      if (next >= 0) {
        row = next;
        continue;
      }
      const state = -next - 1;
      row = state * width;
      for (const k of outputs[state]) {
        if (found[k] === 1 && track[k] === 0) continue;
        const start = i + 1 - lengths[k];
        if (whole[k] === 1 && !isIdentifierAt(text, start, i + 1)) continue;
        found[k] = 1;
        if (track[k] === 1) (starts[k] ??= []).push(start);
      }
    }
    return { found, starts };
  }

  private assignClasses(): number {
    let next = 1;
    for (const word of this.words) {
      for (let i = 0; i < word.text.length; i++) {
        const c = word.text.charCodeAt(i);
        if (this.charClass[c] === 0) this.charClass[c] = next++;
      }
    }
    return next;
  }

  private buildTrie(): { goto: Array<Map<number, number>>; fail: number[]; outputs: number[][] } {
    const goto: Array<Map<number, number>> = [new Map()];
    const outputs: number[][] = [[]];
    this.words.forEach((word, index) => {
      if (word.text === '') {
        this.empty.push(index);
        return;
      }
      let state = 0;
      for (let i = 0; i < word.text.length; i++) {
        const cls = this.charClass[word.text.charCodeAt(i)];
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
        delta[row + cls] = outputs[next].length > 0 ? -next - 1 : next * width;
        order.push(next);
      }
    }
    return delta;
  }
}

/** Whether `[start, end)` of `text` is a whole identifier of it (see WordFinder). */
function isIdentifierAt(text: string, start: number, end: number): boolean {
  if (end < text.length && isWordChar(text.charCodeAt(end))) return false;
  let before = start - 1;
  while (before >= 0 && isDigit(text.charCodeAt(before))) before--;
  return before < 0 || !isWordChar(text.charCodeAt(before));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `[A-Za-z0-9_$]`. */
function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36
  );
}
