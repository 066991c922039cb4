import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { Config } from './config-schema.js';
import { defaultConfig } from './config-defaults.js';
import { configError, usageError } from './errors.js';
import { gitTopLevel } from './git.js';

/** The configuration file's name at the repository root. */
export const CONFIG_FILE = 'bulwark.yaml';

/** A loaded configuration and the file it came from (undefined when defaults were used). */
export interface LoadedConfig {
  config: Config;
  file?: string;
}

/**
 * The configuration file a run reads: `explicitPath`, or `bulwark.yaml` in `root` or else at
 * the top of its git work tree (so a scan of a subfolder keeps the repository's settings);
 * undefined when there is none and the defaults apply. An explicit path must name a file.
 */
export function findConfigFile(root: string, explicitPath?: string): string | undefined {
  if (explicitPath && !existsSync(explicitPath)) {
    throw configError('configuration file not found', { file: explicitPath });
  }
  if (explicitPath && statSync(explicitPath).isDirectory()) {
    throw usageError(
      `--config: ${explicitPath} is a directory`,
      `name the file itself, for example --config ${join(explicitPath, CONFIG_FILE)}`,
    );
  }
  if (explicitPath) return explicitPath;
  const top = gitTopLevel(root);
  const candidates = [root, top].filter(isString).map((dir) => join(dir, CONFIG_FILE));
  return candidates.find((candidate) => existsSync(candidate));
}

/**
 * `loadConfig` for commands that run once: the YAML parser and the configuration schema are
 * imported only when there is a file to read, so a run without bulwark.yaml loads neither.
 */
export async function loadConfigOnDemand(
  root: string,
  explicitPath?: string,
): Promise<LoadedConfig> {
  const file = findConfigFile(root, explicitPath);
  if (!file) return { config: defaultConfig() };
  const { readConfigFile } = await import('./config-load.js');
  return { config: readConfigFile(file), file };
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}
