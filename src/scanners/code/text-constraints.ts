import type { AstRule } from './rule-schema.js';

/** A test of a metavariable's text that runs in JavaScript instead of inside ast-grep. */
export type TextTest = (text: string) => boolean;

/**
 * ast-grep builds every regular expression of a rule again on each call (its Node binding keeps
 * no compiled rule), and building a Rust regex with Unicode classes or case folding costs 0.1 to
 * 1 ms: more than matching the rule over a small file. A constraint made only of `regex`, `not`,
 * `any` and `all` looks at nothing but the bound node's text, so it can run here, on a
 * JavaScript RegExp built once, after ast-grep has matched the rest of the rule. ast-grep checks
 * constraints the same way: after the rule matched, and only on metavariables the match bound.
 * Returns undefined when the constraint uses anything else, or a regex this translation does not
 * reproduce exactly; such a constraint stays with ast-grep.
 */
export function textTestOf(constraint: AstRule): TextTest | undefined {
  const keys = Object.keys(constraint);
  if (keys.length === 0) return undefined;
  const tests: TextTest[] = [];
  for (const key of keys) {
    const test = partTest(key, constraint);
    if (!test) return undefined;
    tests.push(test);
  }
  return tests.length === 1 ? tests[0] : (text) => tests.every((test) => test(text));
}

function partTest(key: string, rule: AstRule): TextTest | undefined {
  if (key === 'regex') {
    const regex = typeof rule.regex === 'string' ? jsRegexOf(rule.regex) : undefined;
    return regex && ((text) => regex.test(text));
  }
  if (key === 'not') {
    const inner = rule.not && textTestOf(rule.not);
    return inner && ((text) => !inner(text));
  }
  if (key === 'any' || key === 'all') {
    const list = rule[key];
    if (!Array.isArray(list) || list.length === 0) return undefined;
    const tests = list.map(textTestOf);
    if (tests.some((test) => test === undefined)) return undefined;
    const all = tests as TextTest[];
    return key === 'any'
      ? (text) => all.some((test) => test(text))
      : (text) => all.every((test) => test(text));
  }
  return undefined;
}

/** Rust's Unicode classes written for a JavaScript `u` RegExp (contents, without brackets). */
const CLASS_BODY: Record<string, string> = {
  w: '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}',
  d: '\\p{Nd}',
  s: '\\p{White_Space}',
};

/** Rust's Unicode word boundary (`\b`) and its negation, from look-arounds on `\w`. */
const WORD = `[${CLASS_BODY.w}]`;
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
const NOT_BOUNDARY = `(?:(?<=${WORD})(?=${WORD})|(?<!${WORD})(?!${WORD}))`;

/** Escapes that mean the same in a Rust regex and a JavaScript `u` RegExp. */
const SAME_ESCAPE = new Set([...'\\^$.|?*+()[]{}/-', 't', 'n', 'r', 'f', 'v']);

/**
 * The JavaScript RegExp that matches exactly what the Rust regex matches, for the subset rule
 * files use: literals, classes, groups, alternation, repetition, anchors, `\w \d \s` (Unicode,
 * and `\b`, as in Rust) and a leading `(?i)`. Anything else (other flags, look-around,
 * back references, POSIX or nested classes, `\p`, `\x`) gives undefined.
 */
export function jsRegexOf(source: string): RegExp | undefined {
  let flags = 'u';
  let body = source;
  if (body.startsWith('(?i)')) {
    flags = 'iu';
    body = body.slice(4);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\\') {
      const next = body[i + 1];
      if (next === undefined) return undefined;
      i++;
      const named = CLASS_BODY[next];
      if (named !== undefined) out += inClass ? named : `[${named}]`;
      else if ((next === 'b' || next === 'B') && !inClass)
        out += next === 'b' ? BOUNDARY : NOT_BOUNDARY;
      else if (SAME_ESCAPE.has(next)) out += `\\${next}`;
      else if (next === "'" || next === '"' || next === ' ' || next === '#' || next === '&')
        out += next;
      else return undefined;
      continue;
    }
    if (inClass) {
      // Rust's nested classes and set operations have no JavaScript `u` equivalent.
      if (char === '[' || (char === '&' && body[i + 1] === '&')) return undefined;
      if ((char === '-' && body[i + 1] === '-') || (char === '~' && body[i + 1] === '~'))
        return undefined;
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      // A `]` right after `[` or `[^` is a literal in Rust, the end of the class in JavaScript.
      const start = body[i + 1] === '^' ? i + 2 : i + 1;
      if (body[start] === ']') return undefined;
      continue;
    }
    if (char === '(' && body[i + 1] === '?') {
      if (body[i + 2] !== ':') return undefined;
      out += '(?:';
      i += 2;
      continue;
    }
    // Rust's `.` stops only at \n; JavaScript's also at \r, U+2028 and U+2029.
    if (char === '.') {
      out += '[^\\n]';
      continue;
    }
    out += char;
  }
  if (inClass) return undefined;
  try {
    return new RegExp(out, flags);
  } catch {
    return undefined;
  }
}
