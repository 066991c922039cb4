import { splitLines } from './text-lines.js';
import type { Dict } from './values.js';

/** One document read by the block-YAML reader, with the lines of its top-level sections' keys. */
export interface BlockYamlDocument {
  value: Dict;
  sections: Map<string, Map<string, number>>;
}

/** The text uses YAML beyond the subset this reader knows; the caller uses the full parser. */
class OutsideSubset extends Error {}

/** A mapping or sequence being filled, and the indentation of its entries. */
interface Frame {
  indent: number;
  container: Dict | unknown[];
}

/**
 * Read the block YAML that lockfile tools write (pnpm, pub): nested mappings by indentation,
 * plain or quoted scalars, one-line flow collections and block sequences of scalars. Anything
 * else (anchors, tags, block scalars, multi-line flow) returns undefined, and the caller parses
 * the text with the full YAML library instead. Plain scalars stay strings, except true, false
 * and null: versions such as 1.10 must not become numbers.
 */
export function readBlockYaml(content: string): BlockYamlDocument[] | undefined {
  try {
    return readDocuments(content);
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}

function readDocuments(content: string): BlockYamlDocument[] {
  const documents: BlockYamlDocument[] = [];
  let current: BlockYamlDocument | undefined;
  let stack: Frame[] = [];
  let pending: { key: string; parent: Dict; indent: number } | undefined;
  const lines = splitLines(content);

  for (let index = 0; index < lines.length; index++) {
    const text = lines[index];
    const body = text.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    if (text === '---' || text === '...') {
      if (pending) pending.parent[pending.key] = null;
      current = undefined;
      pending = undefined;
      continue;
    }
    if (!current) {
      current = { value: {}, sections: new Map() };
      documents.push(current);
      stack = [{ indent: 0, container: current.value }];
    }
    const indent = text.length - body.length;
    if (text.slice(0, indent).includes('\t')) throw new OutsideSubset();

    if (pending) {
      const nested: Dict | unknown[] = body.startsWith('- ') || body === '-' ? [] : {};
      if (indent > pending.indent) {
        pending.parent[pending.key] = nested;
        stack.push({ indent, container: nested });
      } else {
        pending.parent[pending.key] = null;
      }
      pending = undefined;
    }
    while (stack.length > 1 && indent < stack[stack.length - 1].indent) stack.pop();
    const frame = stack[stack.length - 1];
    if (indent !== frame.indent) throw new OutsideSubset();

    if (Array.isArray(frame.container)) {
      const item = body.slice(1).trim();
      if (!body.startsWith('-') || /^[^'"].*(: |:$)/.test(item)) throw new OutsideSubset();
      frame.container.push(scalar(item));
      continue;
    }
    const [key, rest] = splitKey(body);
    if (stack.length === 2) recordKey(current, stack, key, index + 1);
    if (rest === '') pending = { key, parent: frame.container, indent };
    else frame.container[key] = value(rest);
  }
  if (pending) pending.parent[pending.key] = null;
  return documents;
}

/** Remember the line of a key one level down a top-level section (`packages:` → its keys). */
function recordKey(document: BlockYamlDocument, stack: Frame[], key: string, line: number): void {
  const parent = document.value;
  const section = Object.keys(parent).find((name) => parent[name] === stack[1].container);
  if (section === undefined) return;
  let keys = document.sections.get(section);
  if (!keys) {
    keys = new Map();
    document.sections.set(section, keys);
  }
  keys.set(key, line);
}

/** Split `key: value` (the key plain or quoted) into the key and the rest after the colon. */
function splitKey(body: string): [string, string] {
  if (body.startsWith("'") || body.startsWith('"')) {
    const end = closingQuote(body, 0);
    const after = body.slice(end + 1);
    if (!after.startsWith(':')) throw new OutsideSubset();
    return [scalar(body.slice(0, end + 1)) as string, after.slice(1).trim()];
  }
  const colon = body.indexOf(': ');
  if (colon !== -1) return [body.slice(0, colon), body.slice(colon + 2).trim()];
  if (body.endsWith(':')) return [body.slice(0, -1), ''];
  throw new OutsideSubset();
}

/** The index of the quote closing the one at `start` (single quotes escape as ''). */
function closingQuote(text: string, start: number): number {
  const quote = text[start];
  for (let at = start + 1; at < text.length; at++) {
    if (quote === '"' && text[at] === '\\') at++;
    else if (text[at] === quote) {
      if (quote === "'" && text[at + 1] === "'") at++;
      else return at;
    }
  }
  throw new OutsideSubset();
}

/** A value after `key:` on the same line: a flow collection or a scalar. */
function value(rest: string): unknown {
  if (rest.startsWith('{')) return flowMap(rest);
  if (rest.startsWith('[')) return flowItems(rest, '[', ']').map(scalar);
  return scalar(rest);
}

function flowMap(rest: string): Dict {
  const out: Dict = {};
  for (const item of flowItems(rest, '{', '}')) {
    const [key, inner] = splitKey(item);
    out[key] = scalar(inner);
  }
  return out;
}

/** The comma-separated items of a one-line flow collection, respecting quotes. */
function flowItems(rest: string, open: string, close: string): string[] {
  const text = stripComment(rest);
  if (!text.startsWith(open) || !text.endsWith(close)) throw new OutsideSubset();
  const inner = text.slice(1, -1);
  const items: string[] = [];
  let from = 0;
  for (let at = 0; at < inner.length; at++) {
    const c = inner[at];
    if (c === "'" || c === '"') at = closingQuote(inner, at);
    else if (c === '{' || c === '[') throw new OutsideSubset();
    else if (c === ',') {
      items.push(inner.slice(from, at).trim());
      from = at + 1;
    }
  }
  const last = inner.slice(from).trim();
  if (last !== '') items.push(last);
  return items;
}

/** A scalar: quoted strings unquoted; plain true/false/null typed; everything else a string. */
function scalar(raw: string): unknown {
  const text = raw.startsWith("'") || raw.startsWith('"') ? raw : stripComment(raw);
  if (text === '') return null;
  if (text.startsWith("'")) {
    if (closingQuote(text, 0) !== text.length - 1) throw new OutsideSubset();
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (text.startsWith('"')) {
    if (closingQuote(text, 0) !== text.length - 1) throw new OutsideSubset();
    try {
      return JSON.parse(text) as string;
    } catch {
      throw new OutsideSubset();
    }
  }
  if (/^[&*!|>%@`]/.test(text)) throw new OutsideSubset();
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === 'null' || text === '~') return null;
  return text;
}

function stripComment(text: string): string {
  const at = text.indexOf(' #');
  return (at === -1 ? text : text.slice(0, at)).trim();
}
