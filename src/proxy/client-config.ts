import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Run a client's config command and return its trimmed output, or undefined when it fails. */
function ask(command: string, args: string[]): string | undefined {
  try {
    const out = execFileSync(command, args, {
      encoding: 'utf8',
      timeout: 15_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const value = out.trim();
    return value.length > 0 && value !== 'undefined' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The registry the machine's npm client is configured with (`npm config get registry`). */
export function npmConfiguredRegistry(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.npm_config_registry || ask('npm', ['config', 'get', 'registry']);
}

/**
 * The index pip is configured with (PIP_INDEX_URL, then `pip config get global.index-url`).
 * pip's built-in default index is not part of its configuration, so when nothing is set the
 * PyPI side needs `--pypi-upstream`.
 */
export function pipConfiguredIndex(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return (
    env.PIP_INDEX_URL ||
    ask('pip', ['config', 'get', 'global.index-url']) ||
    ask('pip', ['config', 'get', 'install.index-url'])
  );
}

/** Where the proxy keeps its cache by default: `$XDG_CACHE_HOME/bulwark/proxy`. */
export function defaultProxyStorage(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'bulwark', 'proxy');
}
