import { ignoreRules } from '../../core/ignore-rules.js';

/** Extensions of files that hold no text worth scanning. */
const BINARY_EXTENSION =
  /\.(?:png|jpe?g|gif|bmp|ico|webp|avif|tiff?|psd|mp[34]|m4a|wav|ogg|flac|mov|avi|mkv|webm|woff2?|ttf|otf|eot|zip|gz|tgz|bz2|xz|7z|rar|jar|war|class|so|dylib|dll|exe|o|a|wasm|pyc|node|sqlite3?|db)$/i;

/** Whether the secrets scanner wants a file, by its path: everything but known binary kinds. */
export function wantsPath(path: string): boolean {
  return !BINARY_EXTENSION.test(path);
}

/** A test for paths allowlisted by gitignore-style patterns (`allowlist.paths`). */
export function pathAllowlist(patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matcher = ignoreRules().add([...patterns]);
  return (path) => matcher.ignores(path);
}
