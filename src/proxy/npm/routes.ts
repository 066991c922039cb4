import { decodeSegment, HttpError } from '../http.js';

/** What an npm registry path asks for. */
export type NpmRoute =
  | { kind: 'packument'; name: string }
  | { kind: 'version'; name: string; spec: string }
  | { kind: 'tarball'; name: string; file: string }
  | { kind: 'dist-tags'; name: string };

/**
 * npm package names: an optional scope, URL-safe characters, at most 214 long (npm docs,
 * package.json "name"). Neither the scope nor the name may start with a dot, so no name is or
 * holds a `.` or `..` path segment.
 */
const NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9_][a-z0-9._~-]*$/i;

/** Refuse names npm would not publish, including anything that could climb out of a path. */
export function validNpmName(name: string): boolean {
  return name.length <= 214 && NAME.test(name);
}

/**
 * The segments of a path after its first `/` (none without one), cut by hand: `split` and a
 * `slice` of its array cost three times as much.
 */
function segmentsOf(path: string): string[] {
  const segments: string[] = [];
  let start = path.indexOf('/') + 1;
  if (start === 0) return segments;
  for (;;) {
    const slash = path.indexOf('/', start);
    if (slash === -1) {
      segments.push(path.slice(start));
      return segments;
    }
    segments.push(path.slice(start, slash));
    start = slash + 1;
  }
}

/**
 * The package name starting at `segments[from]` (scopes may be `@s/n` or `@s%2fn`), reading no
 * segment at or after `end`, and the index of the first segment after the name.
 */
function nameAt(segments: string[], from: number, end: number): { name: string; next: number } {
  const at = (i: number): string => decodeSegment(i < end ? segments[i] : '');
  const first = at(from);
  if (first.startsWith('@') && !first.includes('/'))
    return { name: `${first}/${at(from + 1)}`, next: from + 2 };
  return { name: first, next: from + 1 };
}

/** Parse a registry path (still percent-encoded); undefined when it is not an npm read route. */
export function parseNpmPath(path: string): NpmRoute | undefined {
  const segments = segmentsOf(path);
  if (segments[segments.length - 1] === '' && segments.length > 1) segments.pop();
  if (segments[0] === '-') {
    if (segments[1] !== 'package' || segments[segments.length - 1] !== 'dist-tags')
      return undefined;
    const end = segments.length - 1;
    const { name, next } = nameAt(segments, 2, end);
    if (next < end) return undefined;
    return { kind: 'dist-tags', name: checked(name) };
  }
  const split = nameAt(segments, 0, segments.length);
  const name = checked(split.name);
  const rest = segments.length - split.next;
  if (rest <= 0) return { kind: 'packument', name };
  if (rest === 1) return { kind: 'version', name, spec: decodeSegment(segments[split.next]) };
  if (rest === 2 && segments[split.next] === '-') {
    const file = decodeSegment(segments[split.next + 1]);
    if (!/^[\w.~+-]+\.tgz$/.test(file) || file.startsWith('.'))
      throw new HttpError(400, `invalid tarball name ${JSON.stringify(file.slice(0, 100))}`);
    return { kind: 'tarball', name, file };
  }
  return undefined;
}

/**
 * A valid name, else a 400. A scoped name with capitals is refused: scopes came after npm
 * required lower case, so no scoped package has them, and the upstream would refuse or not find
 * it. Unscoped names keep their capitals, as a few packages published before npm required lower
 * case still have them (`JSONStream`).
 */
function checked(name: string): string {
  const quoted = JSON.stringify(name.slice(0, 100));
  if (!validNpmName(name)) throw new HttpError(400, `invalid package name ${quoted}`);
  if (name.startsWith('@') && name !== name.toLowerCase())
    throw new HttpError(400, `invalid package name ${quoted}: npm package names are lower case`);
  return name;
}
