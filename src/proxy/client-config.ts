import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** What a client's config command said: its trimmed output, or its error output when it failed. */
function run(command: string, args: string[]): { value?: string; failure?: string } {
  try {
    const out = execFileSync(command, args, {
      encoding: 'utf8',
      timeout: 15_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const value = out.trim();
    return value.length > 0 && value !== 'undefined' ? { value } : {};
  } catch (error) {
    return { failure: String((error as { stderr?: unknown }).stderr ?? '') };
  }
}

/** Run a client's config command and return its trimmed output, or undefined when it fails. */
function ask(command: string, args: string[]): string | undefined {
  return run(command, args).value;
}

/**
 * The registry the machine's npm client is configured with (`npm_config_registry` in the
 * environment, in either case, then `npm config get registry`). `hidden` is true when npm
 * refused to tell: it does so for a registry setting that holds credentials
 * (`The registry option is protected`).
 */
export function npmConfiguredRegistry(env: NodeJS.ProcessEnv = process.env): {
  registry?: string;
  hidden: boolean;
} {
  const fromEnv = env.npm_config_registry || env.NPM_CONFIG_REGISTRY;
  if (fromEnv) return { registry: fromEnv, hidden: false };
  const answer = run('npm', ['config', 'get', 'registry']);
  return { registry: answer.value, hidden: /option is protected/i.test(answer.failure ?? '') };
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
