import { lockfileError } from './lockfile-error.js';

/** A parsed JSON lockfile with the lines where its objects, arrays and `name` keys start. */
export interface JsonDocument {
  value: unknown;
  /**
   * 1-based line of the key at `path` when it is a top-level key, its value is an object or an
   * array, or the key is `name`; or of an object inside an array; undefined otherwise.
   */
  lineOf(path: readonly string[]): number | undefined;
}

/** Options for parsing a JSON lockfile. */
export interface JsonOptions {
  /** Accept comments and trailing commas (JSONC, as bun.lock uses). */
  jsonc?: boolean;
  /** What the user should do when the file does not parse. */
  hint: string;
}

const SEP = '\u0000';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Parse JSON (or JSONC) in one pass that validates the syntax, reports the line of the first
 * error, and records the lines lockfiles need; JSON.parse then builds the value.
 */
export function parseJsonDocument(file: string, text: string, options: JsonOptions): JsonDocument {
  const scanner = new JsonScanner(file, text, options);
  scanner.scanDocument();
  const source = scanner.blanks.length > 0 ? blankOut(text, scanner.blanks) : text;
  const value: unknown = JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);
  const lines = scanner.lines;
  return { value, lineOf: (path) => lines.get(SEP + path.join(SEP)) };
}

/** Replace comment and trailing-comma ranges by spaces, keeping newlines so lines stay put. */
function blankOut(text: string, ranges: Array<[number, number]>): string {
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    parts.push(text.slice(from, start), text.slice(start, end).replace(/[^\n]/g, ' '));
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** A validating JSON scanner that records key lines without building values. */
class JsonScanner {
  readonly lines = new Map<string, number>();
  readonly blanks: Array<[number, number]> = [];
  private at = 0;
  private line = 1;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly options: JsonOptions,
  ) {}

  /** Scan the whole text as one JSON value. */
  scanDocument(): void {
    if (this.text.charCodeAt(0) === 0xfeff) this.at = 1;
    this.skipSpace();
    if (this.at >= this.text.length) this.fail('the file is empty');
    try {
      this.scanValue('');
    } catch (error) {
      if (error instanceof RangeError) this.fail('the JSON is nested too deeply');
      throw error;
    }
    this.skipSpace();
    if (this.at < this.text.length) this.fail(`unexpected ${this.describe()} after the end`);
  }

  private scanValue(prefix: string): void {
    const c = this.text[this.at];
    if (c === '{') this.scanObject(prefix);
    else if (c === '[') this.scanArray(prefix);
    else if (c === '"') this.scanString();
    else if (c === 't') this.scanWord('true');
    else if (c === 'f') this.scanWord('false');
    else if (c === 'n') this.scanWord('null');
    else if (c === '-' || (c >= '0' && c <= '9')) this.scanNumber();
    else this.fail(`unexpected ${this.describe()} where a value should be`);
  }

  private scanObject(prefix: string): void {
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === '}') return void this.at++;
    for (;;) {
      if (this.text[this.at] !== '"')
        this.fail(`unexpected ${this.describe()} where a key should be`);
      const keyLine = this.line;
      const key = this.scanString();
      this.skipSpace();
      if (this.text[this.at] !== ':')
        this.fail(`expected ':' after a key, found ${this.describe()}`);
      this.at++;
      this.skipSpace();
      const opens = this.text.charCodeAt(this.at);
      // Packages are objects (bun's are arrays); composer.lock's are found by `name`; top-level
      // keys hold the lockfile's version.
      if (opens === 0x7b || opens === 0x5b || key === 'name' || prefix === '') {
        this.lines.set(prefix + SEP + key, keyLine);
      }
      this.scanValue(prefix + SEP + key);
      if (this.scanSeparator('}')) return;
    }
  }

  private scanArray(prefix: string): void {
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === ']') return void this.at++;
    for (let index = 0; ; index++) {
      // Only objects in arrays are looked up by position (composer.lock's package list).
      if (this.text.charCodeAt(this.at) === 0x7b) this.lines.set(prefix + SEP + index, this.line);
      this.scanValue(prefix + SEP + index);
      if (this.scanSeparator(']')) return;
    }
  }

  /** After a member: true at the closing bracket, false after a comma with more to come. */
  private scanSeparator(close: string): boolean {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === close) {
      this.at++;
      return true;
    }
    if (c !== ',') this.fail(`expected ',' or '${close}', found ${this.describe()}`);
    const comma = this.at;
    this.at++;
    this.skipSpace();
    if (this.text[this.at] !== close) return false;
    if (!this.options.jsonc) this.fail(`trailing comma before '${close}'`);
    this.blanks.push([comma, comma + 1]);
    this.at++;
    return true;
  }

  private scanString(): string {
    const text = this.text;
    const start = this.at;
    let at = start + 1;
    let escaped = false;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === 0x22) break;
      if (code === 0x5c) {
        escaped = true;
        at += 2;
        continue;
      }
      if (code < 0x20 || Number.isNaN(code)) {
        this.at = at;
        this.fail(
          code < 0x20 ? 'a string holds a raw control character' : 'a string is not closed',
        );
      }
      at++;
    }
    this.at = at + 1;
    if (!escaped) return text.slice(start + 1, at);
    try {
      return JSON.parse(text.slice(start, this.at)) as string;
    } catch {
      return this.fail('a string holds an invalid escape');
    }
  }

  private scanWord(word: string): void {
    if (!this.text.startsWith(word, this.at)) this.fail(`unexpected ${this.describe()}`);
    this.at += word.length;
  }

  private scanNumber(): void {
    NUMBER.lastIndex = this.at;
    if (!NUMBER.test(this.text)) this.fail(`unexpected ${this.describe()} in a number`);
    this.at = NUMBER.lastIndex;
  }

  private skipSpace(): void {
    const text = this.text;
    let at = this.at;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === 0x0a) this.line++;
      else if (code !== 0x20 && code !== 0x09 && code !== 0x0d) {
        this.at = at;
        if (code === 0x2f && this.options.jsonc && this.skipComment()) {
          at = this.at;
          continue;
        }
        return;
      }
      at++;
    }
  }

  private skipComment(): boolean {
    const start = this.at;
    const next = this.text[this.at + 1];
    if (next === '/') {
      const end = this.text.indexOf('\n', this.at);
      this.at = end === -1 ? this.text.length : end;
    } else if (next === '*') {
      const end = this.text.indexOf('*/', this.at + 2);
      if (end === -1) this.fail('a comment is not closed');
      for (let i = this.at; i < end; i++) if (this.text[i] === '\n') this.line++;
      this.at = end + 2;
    } else {
      return false;
    }
    this.blanks.push([start, this.at]);
    return true;
  }

  private describe(): string {
    if (this.at >= this.text.length) return 'end of file';
    return `'${this.text[this.at]}'`;
  }

  private fail(what: string): never {
    const message = `${this.file} is not valid JSON: ${what}`;
    throw lockfileError(this.file, this.line, message, this.options.hint);
  }
}
