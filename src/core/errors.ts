/** Kinds of failure, each mapped to one exit code in exit-codes.ts. */
export type ErrorKind = 'usage' | 'config' | 'input' | 'internal';

/** Where a problem is in a file: 1-based line and column. */
export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
}

/**
 * The one error type Bulwark raises on purpose. It says what failed, where, and how to
 * fix it; the CLI turns it into a message on stderr and an exit code.
 */
export class BulwarkError extends Error {
  readonly kind: ErrorKind;
  readonly where?: SourcePosition;
  readonly hint?: string;

  constructor(
    kind: ErrorKind,
    message: string,
    options: { where?: SourcePosition; hint?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BulwarkError';
    this.kind = kind;
    this.where = options.where;
    this.hint = options.hint;
  }

  /** `file:line:column: message (hint)` as one or two lines for the terminal. */
  describe(): string {
    const at = this.where ? `${formatPosition(this.where)}: ` : '';
    return this.hint ? `${at}${this.message}\n  hint: ${this.hint}` : `${at}${this.message}`;
  }
}

/** Format a position as `file:line:column`, leaving out what is unknown. */
export function formatPosition(where: SourcePosition): string {
  let out = where.file;
  if (where.line !== undefined) out += `:${where.line}`;
  if (where.line !== undefined && where.column !== undefined) out += `:${where.column}`;
  return out;
}

/** A bad command line. */
export function usageError(message: string, hint?: string): BulwarkError {
  return new BulwarkError('usage', message, { hint });
}

/** A bad configuration file or rule file. */
export function configError(message: string, where?: SourcePosition, hint?: string): BulwarkError {
  return new BulwarkError('config', message, { where, hint });
}

/** Bad input data: a corrupt lockfile, an unreadable file, a malformed advisory. */
export function inputError(message: string, where?: SourcePosition, hint?: string): BulwarkError {
  return new BulwarkError('input', message, { where, hint });
}
