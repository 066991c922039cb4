import { parse, TomlError } from 'smol-toml';
import { lockfileError } from './lockfile-error.js';
import { splitLines } from './text-lines.js';
import { str, type Dict } from './values.js';

/** Parse a TOML lockfile, turning a syntax error into one that names the file and line. */
export function parseToml(file: string, content: string, hint: string): Dict {
  try {
    return parse(content) as Dict;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const what = error.message.split('\n')[0];
    throw lockfileError(file, error.line, `${file} is not valid TOML: ${what}`, hint, error);
  }
}

/**
 * Lines of the elements of a top-level array of tables (`[[package]]`), in order: the line of
 * each element's `name = ` key, or of its header when it has none. One pass over the lines.
 */
export function arrayTableLines(content: string, table: string): number[] {
  const header = `[[${table}]]`;
  const lines = splitLines(content);
  const out: number[] = [];
  let open = false;
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index].trim();
    if (text.startsWith('[')) {
      open = text.replace(/\s+/g, '').startsWith(header) && text.replace(/\s+/g, '') === header;
      if (open) out.push(index + 1);
      continue;
    }
    if (open && /^name\s*=/.test(text)) {
      out[out.length - 1] = index + 1;
      open = false;
    }
  }
  return out;
}

/** The name and version of a `[[package]]` table, or an input error naming its line. */
export function packageIdentity(
  file: string,
  table: Dict,
  line: number | undefined,
  hint: string,
): { name: string; version: string } {
  const name = str(table.name);
  const version = str(table.version);
  if (!name || !version) {
    throw lockfileError(file, line, `${file}: a [[package]] has no name or version`, hint);
  }
  return { name, version };
}
