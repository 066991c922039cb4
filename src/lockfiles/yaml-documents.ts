import { isMap, isScalar, parseAllDocuments } from 'yaml';
import { readBlockYaml } from './block-yaml.js';
import { lockfileError } from './lockfile-error.js';
import { LineIndex } from './text-lines.js';

/** One YAML document of a lockfile, with the line of each key of its top-level sections. */
export interface YamlSection {
  value: unknown;
  /** Line of `key` inside the top-level map `section`; undefined when absent. */
  keyLine(section: string, key: string): number | undefined;
}

/**
 * Parse every document of a YAML lockfile (pnpm 10 writes its own tooling lock as a first
 * document before the project's), failing on the first syntax error with its line. The fast
 * block-YAML reader handles what lockfile tools write; anything else goes to the yaml library.
 */
export function parseYamlDocuments(file: string, content: string, hint: string): YamlSection[] {
  const fast = readBlockYaml(content);
  if (fast) {
    return fast.map(({ value, sections }) => ({
      value,
      keyLine: (section, key) => sections.get(section)?.get(key),
    }));
  }
  const lines = new LineIndex(content);
  const parsed = parseYaml(file, content, hint);
  const documents = Array.isArray(parsed) ? parsed : [];
  const out: YamlSection[] = [];

  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      const line = lines.lineAt(error.pos[0]);
      const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw lockfileError(file, line, `${file} is not valid YAML: ${what}`, hint);
    }
    const sections = new Map<string, Map<string, number>>();
    const contents = document.contents;
    if (isMap(contents)) {
      for (const pair of contents.items) {
        if (!isScalar(pair.key) || !isMap(pair.value)) continue;
        const keys = new Map<string, number>();
        for (const item of pair.value.items) {
          if (isScalar(item.key) && item.key.range) {
            keys.set(String(item.key.value), lines.lineAt(item.key.range[0]));
          }
        }
        sections.set(String(pair.key.value), keys);
      }
    }
    const value: unknown = document.toJS({ maxAliasCount: 10_000 });
    out.push({ value, keyLine: (section, key) => sections.get(section)?.get(key) });
  }
  return out;
}

/** The yaml library's documents; a nesting deep enough to exhaust the stack is a lockfile error. */
function parseYaml(file: string, content: string, hint: string) {
  try {
    return parseAllDocuments(content, { uniqueKeys: false });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw lockfileError(file, 1, `${file} is not readable YAML: it is nested too deeply`, hint);
  }
}
