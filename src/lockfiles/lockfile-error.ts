import { BulwarkError, inputError } from '../core/errors.js';

/** The error for a lockfile that does not parse: names the file, the line, and how to fix it. */
export function lockfileError(
  file: string,
  line: number | undefined,
  message: string,
  hint: string,
  cause?: unknown,
): BulwarkError {
  if (cause === undefined) return inputError(message, { file, line }, hint);
  return new BulwarkError('input', message, { where: { file, line }, hint, cause });
}

/** Fail unless `content` looks like text: a NUL byte means a binary or corrupt file. */
export function assertText(file: string, content: string, hint: string): void {
  const nul = content.indexOf('\u0000');
  if (nul === -1) return;
  const line = content.slice(0, nul).split('\n').length;
  throw lockfileError(file, line, `${file} is not a text file (it holds a NUL byte)`, hint);
}
