import { BulwarkError } from './errors.js';

/** Exit codes, as documented in docs/configuration.md. */
export const EXIT = {
  /** Nothing at or above the fail threshold. */
  clean: 0,
  /** Findings at or above the fail threshold. */
  findings: 1,
  /** Usage or configuration error, or bad input that stops the run. */
  usage: 2,
  /** Internal error: a bug in Bulwark. */
  internal: 3,
} as const;

/** The exit code for an error that reached the top of a command. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof BulwarkError) {
    return error.kind === 'internal' ? EXIT.internal : EXIT.usage;
  }
  return EXIT.internal;
}
