import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';

import { baselinePath } from '../core/baseline.js';
import { loadConfigOnDemand } from '../core/config-file.js';
import { usageError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import type { ScannerId } from '../core/finding.js';
import { runScan, type ScanResult } from '../core/pipeline.js';
import { terminalProgress } from '../core/progress.js';
import { parseSeverity, SEVERITIES } from '../core/severity.js';
import { resolveTarget } from '../core/scan-target.js';
import { planScan, TIER_NAMES, type TierName } from '../core/tiers.js';
import { SCANNERS } from '../scanners/registry.js';
import { checkOutputPath, cliLogger, writeOutput } from './output.js';
import { render, type Format } from './render.js';

/** Flags of `bulwark scan`. */
export interface ScanFlags {
  staged?: boolean;
  since?: string;
  history?: string | boolean;
  tier?: string;
  format: string;
  output?: string;
  failOn?: string;
  config?: string;
  baseline?: string | boolean;
  scanners?: string;
  verbose?: boolean;
  quiet?: boolean;
}

/** Add `bulwark scan` to the program. */
export function registerScanCommand(program: Command): void {
  program
    .command('scan')
    .description('scan a repository for secrets, vulnerable dependencies, code and IaC problems')
    .argument('[path]', 'the folder to scan', '.')
    .option('--staged', 'scan what is staged in git (for a pre-commit hook)')
    .option('--since <ref>', 'scan files and lines changed since <ref> (for pull requests)')
    .option('--history [range]', 'scan every commit reachable from HEAD, or a revision range')
    .option('--tier <tier>', `run a tier from bulwark.yaml: ${TIER_NAMES.join(', ')}`)
    .option('--scanners <list>', 'comma-separated scanners to run: secrets,deps,code,iac')
    .option('-f, --format <format>', 'text, json or sarif', 'text')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <severity>', `exit 1 on findings at or above: ${SEVERITIES.join(', ')}`)
    .option(
      '-c, --config <file>',
      'configuration file (default: bulwark.yaml in the scanned folder)',
    )
    .option(
      '--baseline [file]',
      'report only findings not in the baseline (default: .bulwark-baseline.json)',
    )
    .option('--no-baseline', 'ignore the baseline file even when it exists')
    .option('-v, --verbose', 'log what is skipped and why')
    .option('-q, --quiet', 'log errors only')
    .action(async (path: string, flags: ScanFlags) => {
      process.exitCode = await scanCommand(path, flags);
    });
}

/** Run a scan and render it; returns the exit code. */
export async function scanCommand(path: string, flags: ScanFlags): Promise<number> {
  const { root, only } = resolveTarget(path);
  const logger = cliLogger(flags);
  const format = parseFormat(flags.format);
  checkOutputPath(flags.output);
  const { config } = await loadConfigOnDemand(root, flags.config ? resolve(flags.config) : undefined);
  if (flags.failOn) {
    const failOn = parseSeverity(flags.failOn);
    if (!failOn)
      throw usageError(
        `--fail-on: unknown severity ${flags.failOn}`,
        `use ${SEVERITIES.join(', ')}`,
      );
    config.failOn = failOn;
  }
  const plan = planScan(config, {
    tier: parseTier(flags.tier),
    staged: flags.staged,
    since: flags.since,
    history: flags.history,
    scanners: parseScanners(flags.scanners),
  });

  const result = await runScan({
    root,
    config,
    plan,
    scanners: SCANNERS,
    logger,
    progress: terminalProgress(),
    baselineFile: chooseBaseline(root, flags.baseline),
    only,
  });

  writeOutput(render(result, format, root), flags.output);
  const code = exitCode(result);
  if (flags.tier === 'commit' && code === EXIT.findings) {
    // The commit tier runs in the pre-commit hook: say how to get past a finding on purpose.
    logger.warn(
      'commit blocked: fix the findings above, or suppress one with a comment ' +
        '`bulwark-ignore <rule-id>: <reason>` on its line; `git commit --no-verify` skips the check',
    );
  }
  return code;
}

/** The exit code for a finished scan: input that could not be read outranks findings. */
export function exitCode(result: ScanResult): number {
  if (result.problems.length > 0) return EXIT.usage;
  return result.failing > 0 ? EXIT.findings : EXIT.clean;
}

function chooseBaseline(root: string, flag: string | boolean | undefined): string | undefined {
  if (flag === false) return undefined;
  if (typeof flag === 'string') {
    // A baseline named on the command line must exist: a typo would silently report everything.
    if (!existsSync(resolve(flag))) {
      throw usageError(`baseline file not found: ${flag}`, 'create it with `bulwark baseline`');
    }
    return resolve(flag);
  }
  return baselinePath(root);
}

function parseFormat(value: string): Format {
  if (value === 'text' || value === 'json' || value === 'sarif') return value;
  throw usageError(`--format: unknown format ${value}`, 'use text, json or sarif');
}

function parseTier(value: string | undefined): TierName | undefined {
  if (value === undefined) return undefined;
  if ((TIER_NAMES as readonly string[]).includes(value)) return value as TierName;
  throw usageError(`--tier: unknown tier ${value}`, `use ${TIER_NAMES.join(', ')}`);
}

function parseScanners(value: string | undefined): ScannerId[] | undefined {
  if (value === undefined) return undefined;
  const known: readonly string[] = ['secrets', 'deps', 'code', 'iac'];
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) throw usageError('--scanners: no scanner named', `use ${known.join(', ')}`);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0)
    throw usageError(
      `--scanners: unknown scanner ${unknown.join(', ')}`,
      `use ${known.join(', ')}`,
    );
  return ids as ScannerId[];
}
