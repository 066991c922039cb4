import pc from 'picocolors';

import { printable } from './printable.js';

/** Log levels for the CLI's stderr lines. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** Fixed fields a log line may carry; values must never be secrets. */
export interface LogFields {
  rule?: string;
  path?: string;
  package?: string;
  decision?: string;
  [key: string]: string | number | boolean | undefined;
}

/** A one-line-per-event logger writing to stderr. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Create a logger that writes plain lines to `stream` at `level` and above. */
export function createLogger(
  level: LogLevel = 'warn',
  stream: NodeJS.WritableStream = process.stderr,
): Logger {
  const color = 'isTTY' in stream && stream.isTTY === true;
  const write = (at: LogLevel, message: string, fields?: LogFields): void => {
    if (ORDER[at] < ORDER[level]) return;
    const tag = color ? paint(at) : at;
    const extra = fields
      ? Object.entries(fields)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => ` ${k}=${String(v)}`)
          .join('')
      : '';
    stream.write(`bulwark ${tag}: ${printable(message + extra)}\n`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

function paint(level: LogLevel): string {
  if (level === 'error') return pc.red(level);
  if (level === 'warn') return pc.yellow(level);
  return pc.dim(level);
}

/** A logger that drops everything, for library callers that want silence. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
