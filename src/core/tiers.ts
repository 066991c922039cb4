import type { Config, Tier } from './config-schema.js';
import type { ScannerId } from './finding.js';
import type { Logger } from './logger.js';
import { usageError } from './errors.js';

/** The tier names `--tier` accepts. */
export const TIER_NAMES = ['commit', 'pull-request', 'scheduled'] as const;

/** A tier name. */
export type TierName = (typeof TIER_NAMES)[number];

/** Built-in tiers, used when bulwark.yaml does not define one. */
export const DEFAULT_TIERS: Record<TierName, Tier> = {
  // Pre-commit: only what is staged, only checks cheap enough to run on every commit.
  commit: { files: 'staged', history: false, tags: ['fast'] },
  // Pull request: the files and lines changed since the target branch, every scanner.
  'pull-request': { files: 'changed', since: 'origin/main', history: false },
  // Scheduled: the whole tree and every commit reachable from HEAD.
  scheduled: { files: 'all', history: true },
};

/** What one run scans, after the tier and the command-line flags are combined. */
export interface ScanPlan {
  /** Which files of the tree are scanned; `none` for a history-only scan. */
  files: Tier['files'] | 'none';
  since?: string;
  /** Revision range for the history scan, or undefined for none. */
  history?: string;
  scanners?: readonly ScannerId[];
  /** The scanners named on the command line: they run even when bulwark.yaml disables them. */
  requested?: readonly ScannerId[];
  tags?: readonly string[];
  /** Only scanners marked fast run when a tier asks for fast checks without naming scanners. */
  fastOnly: boolean;
}

/** Command-line choices that shape a plan. */
export interface PlanFlags {
  tier?: TierName;
  staged?: boolean;
  since?: string;
  history?: string | boolean;
  scanners?: readonly ScannerId[];
}

/** Combine the chosen tier (from config or the defaults) with explicit flags. */
export function planScan(config: Config, flags: PlanFlags): ScanPlan {
  if (flags.staged && flags.since)
    throw usageError(
      '--staged and --since choose different files: the index, or the changes since a ref',
      'pass one of them',
    );
  const tier = flags.tier ? (config.tiers[flags.tier] ?? DEFAULT_TIERS[flags.tier]) : undefined;
  let files: Tier['files'] = tier?.files ?? 'all';
  let since = tier?.since;
  if (flags.staged) files = 'staged';
  if (flags.since) {
    files = 'changed';
    since = flags.since;
  }
  let history = tier?.history ? 'HEAD' : undefined;
  if (flags.history) history = typeof flags.history === 'string' ? flags.history : 'HEAD';

  const tags = tier?.tags;
  // `--history` on its own reads commits only, as gitleaks does; a tier may ask for both.
  const historyOnly =
    flags.history !== undefined &&
    flags.history !== false &&
    !tier &&
    !flags.staged &&
    !flags.since;
  return {
    files: historyOnly ? 'none' : files,
    since,
    history,
    scanners: flags.scanners ?? tier?.scanners,
    requested: flags.scanners,
    tags,
    fastOnly: tags?.includes('fast') === true && !tier?.scanners && !flags.scanners,
  };
}

/**
 * The config with the scanners named on the command line enabled: an explicit `--scanners`
 * wins over `enabled: false` in bulwark.yaml, and the switch is logged.
 */
export function enableRequested(config: Config, plan: ScanPlan, logger: Logger): Config {
  const off = (plan.requested ?? []).filter((id) => !config.scanners[id].enabled);
  if (off.length === 0) return config;
  for (const id of off) {
    logger.info(
      `scanners.${id}.enabled is false in bulwark.yaml; running ${id} as --scanners asks`,
    );
  }
  const scanners = Object.fromEntries(
    Object.entries(config.scanners).map(([id, settings]) => [
      id,
      off.includes(id as ScannerId) ? { ...settings, enabled: true } : settings,
    ]),
  ) as Config['scanners'];
  return { ...config, scanners };
}
