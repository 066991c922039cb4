import { lockfileError } from './lockfile-error.js';
import { splitLines } from './text-lines.js';

/** One entry of a yarn.lock: the descriptors it satisfies, its fields and its maps. */
export interface YarnBlock {
  descriptors: string[];
  line: number;
  fields: Map<string, string>;
  /** The line of each field, for errors about its value. */
  fieldLines: Map<string, number>;
  maps: Map<string, Map<string, string>>;
}

/** Whether a yarn.lock is the berry form (yarn 2 and later), which starts with `__metadata`. */
export function isBerryLock(content: string): boolean {
  return /^__metadata:/m.test(content);
}

const CLASSIC_PAIR = /^("(?:[^"\\]|\\.)*"|[^\s"]+)(?:\s+(.*))?$/;
const BERRY_PAIR = /^("(?:[^"\\]|\\.)*"|[^:"]+):(?:\s+(.*))?$/;

/**
 * Split a yarn.lock into blocks by indentation, in one pass. Both forms share the shape: a
 * header of descriptors at column 0, fields at two spaces, map entries at four (classic writes
 * `key value`, berry writes `key: value`); deeper levels (berry's `dependenciesMeta`) are skipped.
 */
export function readYarnBlocks(file: string, content: string, berry: boolean, hint: string) {
  const blocks: YarnBlock[] = [];
  const lines = splitLines(content);
  let block: YarnBlock | undefined;
  let map: Map<string, string> | undefined;
  const fail = (index: number, what: string): never => {
    throw lockfileError(file, index + 1, `${file}: ${what}`, hint);
  };

  for (let index = 0; index < lines.length; index++) {
    const text = lines[index];
    const body = text.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    const indent = text.length - body.length;
    if (indent === 0) {
      if (!body.endsWith(':')) fail(index, 'expected an entry header ending in ":"');
      block = {
        descriptors: splitHeader(body.slice(0, -1)),
        line: index + 1,
        fields: new Map(),
        fieldLines: new Map(),
        maps: new Map(),
      };
      blocks.push(block);
      map = undefined;
      continue;
    }
    if (!block) return fail(index, 'an indented line comes before any entry');
    if (indent > 4) continue;
    const pair = (berry ? BERRY_PAIR : CLASSIC_PAIR).exec(body);
    if (!pair) return fail(index, `cannot read "${body.slice(0, 40)}"`);
    let key = unquote(pair[1]);
    const raw = pair[2]?.trim();
    if (raw !== undefined && raw.startsWith('"') && !/^"(?:[^"\\]|\\.)*"$/.test(raw)) {
      fail(index, `a quoted value is not closed: ${raw.slice(0, 40)}`);
    }
    const value = raw === undefined ? undefined : unquote(raw);
    if (indent === 2) {
      if (!berry && value === undefined && key.endsWith(':')) key = key.slice(0, -1);
      if (value === undefined || value === '') {
        map = new Map();
        block.maps.set(key, map);
      } else {
        block.fields.set(key, value);
        block.fieldLines.set(key, index + 1);
        map = undefined;
      }
    } else if (indent === 4) {
      if (!map) return fail(index, 'a nested entry comes outside any map');
      if (value !== undefined) map.set(key, value);
    } else {
      fail(index, `unexpected indentation of ${indent} spaces`);
    }
  }
  return blocks;
}

/**
 * The block's `version`, checked to be one plain version string (`1.2.3`, `0.0.0-use.local`);
 * undefined when the block has none. A flow value or stray punctuation means a corrupt file.
 */
export function blockVersion(file: string, block: YarnBlock, hint: string): string | undefined {
  const version = block.fields.get('version');
  if (version === undefined || /^[\w][\w.+-]*$/.test(version)) return version;
  const line = block.fieldLines.get('version') ?? block.line;
  throw lockfileError(file, line, `${file}: "${version}" is not a version`, hint);
}

/** Fail on a yarn.lock with nothing in it: yarn always writes at least a header. */
export function assertYarnContent(file: string, content: string, hint: string): void {
  if (content.trim() !== '') return;
  throw lockfileError(
    file,
    1,
    `${file} is empty; yarn writes a header even with no packages`,
    hint,
  );
}

/** `"a@1", "a@2"` (classic) or `"a@npm:1, a@npm:2"` (berry) → the descriptors. */
function splitHeader(header: string): string[] {
  return header.split(/,\s*/).map((part) => part.trim().replace(/^"|"$/g, ''));
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      return JSON.parse(value) as string;
    } catch {
      return value.slice(1, -1);
    }
  }
  return value;
}

/** Split a descriptor `name@range` (the name may be scoped: `@scope/name@range`). */
export function splitDescriptor(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf('@', 1);
  if (at === -1) return { name: descriptor, range: '' };
  return { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}
