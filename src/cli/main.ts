#!/usr/bin/env node
import { Command, CommanderError } from 'commander';

import { BulwarkError } from '../core/errors.js';
import { EXIT, exitCodeFor } from '../core/exit-codes.js';
import { VERSION } from '../core/package-info.js';
import { maskTokens } from '../core/redact.js';
import { printable } from '../core/printable.js';

type Register = (program: Command) => void;

/**
 * Every command, in help order, each loaded on demand: a run loads only the module of the
 * command it names (the proxy, the advisory store and the code scanner are slow to load).
 */
const COMMANDS: ReadonlyArray<readonly [string, () => Promise<Register>]> = [
  ['scan', async () => (await import('./scan.js')).registerScanCommand],
  ['baseline', async () => (await import('./baseline.js')).registerBaselineCommand],
  ['hook', async () => (await import('./hook.js')).registerHookCommand],
  ['config', async () => (await import('./config.js')).registerConfigCommand],
  ['rules', async () => (await import('./rules.js')).registerRulesCommand],
  ['db', async () => (await import('./db.js')).registerDbCommand],
  ['init', async () => (await import('./init.js')).registerInitCommand],
  ['proxy', async () => (await import('./proxy.js')).registerProxyCommand],
];

/**
 * Build the `bulwark` program: with only the command `argv` names when it names one,
 * otherwise with every command (for help and unknown-command errors).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('bulwark')
    .description('Supply-chain safety checks: secrets, dependencies, code and infrastructure')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  const args = argv.slice(2);
  const named = args.find((arg) => !arg.startsWith('-'));
  const chosen = COMMANDS.filter(([name]) => name === named);
  // `bulwark --version` needs no command at all.
  const versionOnly =
    named === undefined && args.some((arg) => arg === '--version' || arg === '-V');
  const loaded = chosen.length > 0 ? chosen : versionOnly ? [] : COMMANDS;
  for (const [, load] of loaded) (await load())(program);
  return program;
}

/** Run the CLI with `argv` and return the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.clean;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.clean : EXIT.usage;
    }
    if (error instanceof BulwarkError) {
      // Errors echo what the user wrote; a secret pasted into bulwark.yaml or a flag is cut.
      const text = maskTokens(error.describe().split('\n').map(printable).join('\n'));
      process.stderr.write(`bulwark: ${text}\n`);
    } else {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`bulwark: internal error, please report it: ${maskTokens(text)}\n`);
    }
    return exitCodeFor(error);
  }
}

/**
 * A reader that stops early (`bulwark proxy log | head -1`) closes stdout's pipe: the output is
 * no longer wanted, so stop quietly instead of dying on an unhandled EPIPE with a stack trace.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.clean);
    throw error;
  });
}

quietOnClosedPipe(process.stdout);
process.exitCode = await main(process.argv);
