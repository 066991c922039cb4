import { resolve } from 'node:path';

import { checkWritablePath, writeFileAtomic } from '../core/atomic-write.js';
import { createLogger, type Logger } from '../core/logger.js';

/** The CLI's stderr logger, at the level the flags ask for. */
export function cliLogger(flags: { verbose?: boolean; quiet?: boolean }): Logger {
  return createLogger(flags.verbose ? 'info' : flags.quiet ? 'error' : 'warn');
}

/** Write a report to a file (atomically) or to stdout. */
export function writeOutput(text: string, file: string | undefined): void {
  if (file) writeFileAtomic(resolve(file), text);
  else process.stdout.write(text);
}

/** Refuse an output path that plainly cannot be written before the run starts, not after it. */
export function checkOutputPath(file: string | undefined): void {
  if (file) checkWritablePath(resolve(file));
}
