import { resolve } from 'node:path';

import { writeFileAtomic } from '../core/atomic-write.js';
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
