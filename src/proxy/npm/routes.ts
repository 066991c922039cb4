import { decodeSegment, HttpError } from '../http.js';

/** What an npm registry path asks for. */
export type NpmRoute =
  | { kind: 'packument'; name: string }
  | { kind: 'version'; name: string; spec: string }
  | { kind: 'tarball'; name: string; file: string }
  | { kind: 'dist-tags'; name: string };

/** npm package names: an optional scope, URL-safe characters, at most 214 long (npm docs, package.json "name"). */
const NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9_][a-z0-9._~-]*$/i;

/** Refuse names npm would not publish, including anything that could climb out of a path. */
export function validNpmName(name: string): boolean {
  return (
    name.length <= 214 && NAME.test(name) && !name.split('/').some((p) => p === '.' || p === '..')
  );
}

/** Split a package path into its name and the segments after it; scopes may be `@s/n` or `@s%2fn`. */
function splitName(segments: string[]): { name: string; rest: string[] } {
  const first = decodeSegment(segments[0] ?? '');
  if (first.startsWith('@') && !first.includes('/')) {
    return { name: `${first}/${decodeSegment(segments[1] ?? '')}`, rest: segments.slice(2) };
  }
  return { name: first, rest: segments.slice(1) };
}

/** Parse a registry path (still percent-encoded); undefined when it is not an npm read route. */
export function parseNpmPath(path: string): NpmRoute | undefined {
  const segments = path.split('/').slice(1);
  if (segments[segments.length - 1] === '' && segments.length > 1) segments.pop();
  if (segments[0] === '-') {
    if (segments[1] !== 'package' || segments[segments.length - 1] !== 'dist-tags')
      return undefined;
    const { name, rest } = splitName(segments.slice(2, -1));
    if (rest.length > 0) return undefined;
    return { kind: 'dist-tags', name: checked(name) };
  }
  const split = splitName(segments);
  const name = checked(split.name);
  const rest = split.rest;
  if (rest.length === 0) return { kind: 'packument', name };
  if (rest.length === 1) return { kind: 'version', name, spec: decodeSegment(rest[0]) };
  if (rest.length === 2 && rest[0] === '-') {
    const file = decodeSegment(rest[1]);
    if (!/^[\w.~+-]+\.tgz$/.test(file) || file.startsWith('.'))
      throw new HttpError(400, `invalid tarball name ${JSON.stringify(file.slice(0, 100))}`);
    return { kind: 'tarball', name, file };
  }
  return undefined;
}

function checked(name: string): string {
  if (!validNpmName(name))
    throw new HttpError(400, `invalid package name ${JSON.stringify(name.slice(0, 100))}`);
  return name;
}
