import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bulwark, CLI } from '../helpers/cli.js';
import { cleanEnv, tempDir } from '../proxy/helpers/proxy.js';

/**
 * Start-up errors of `bulwark proxy`, run through the built CLI: each prints one line naming
 * the problem and what to do, and exits 2 (usage or configuration error).
 */
describe('bulwark proxy start-up errors', () => {
  const dir = tempDir('proxy-startup');
  let busy: Server;
  let busyPort: number;

  beforeAll(async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    busyPort = (busy.address() as AddressInfo).port;
    writeFileSync(join(dir.path, 'a-file'), 'not a directory');
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => busy.close(() => resolve()));
    dir.remove();
  });

  const start = (...args: string[]) => [
    'proxy',
    '--without-advisories',
    '--upstream',
    'http://127.0.0.1:9/',
    '--pypi-upstream',
    'http://127.0.0.1:9/simple/',
    '--port',
    '0',
    '--storage',
    join(dir.path, 'store'),
    ...args,
  ];

  const cases: Array<[string, () => string[], string]> = [
    [
      'a port in use',
      () => start('--port', String(busyPort)),
      'bulwark: port BUSY on 127.0.0.1 is already in use; stop the program using it, or pass --port <another port>',
    ],
    ...['', '0x50', '1e3', '-1', '65536', ' 80', '8080.0'].map(
      (port): [string, () => string[], string] => [
        `--port=${port}`,
        () => start(`--port=${port}`),
        `bulwark: --port must be a whole number from 0 to 65535, not ${JSON.stringify(port)}`,
      ],
    ),
    ...(
      [
        ['--storage', 'a directory'],
        ['--config', 'a file'],
        ['--db', 'a file'],
        ['--upstream', 'a URL'],
        ['--pypi-upstream', 'a URL'],
        ['--public-url', 'a URL'],
        ['--host', 'an address'],
      ] as const
    ).map(([flag, what]): [string, () => string[], string] => [
      `${flag}=`,
      () => start(`${flag}=`),
      `bulwark: ${flag} needs ${what}`,
    ]),
    [
      'a bad --log-level',
      () => start('--log-level', 'loud'),
      'bulwark: --log-level "loud" is not a log level; pass one of fatal, error, warn, info, debug, trace, silent',
    ],
    [
      'a bad --upstream URL',
      () => start('--upstream', 'registry.example'),
      'bulwark: --upstream "registry.example" is not valid: Invalid URL; pass a full http:// or https:// URL, for example --upstream https://registry.npmjs.org/',
    ],
    [
      'an --upstream URL with a query string',
      () => start('--upstream', 'http://ci:pw@127.0.0.1:9/?token=QTOKEN'),
      'bulwark: --upstream "http://ci:***@127.0.0.1:9/?token=***" has a query string or fragment, and package paths are added to the end of the upstream URL\n  hint: give the registry\'s base URL without ?... or #...; a login goes before its host, as user:password@',
    ],
    [
      'a bad --pypi-upstream URL',
      () => start('--pypi-upstream', 'pypi.example/simple'),
      'bulwark: --pypi-upstream "pypi.example/simple" is not valid: Invalid URL; pass a full http:// or https:// URL, for example --pypi-upstream https://pypi.org/simple/',
    ],
    ...(
      [
        ['--upstream', 'ftp://x', 'https://registry.npmjs.org/'],
        ['--pypi-upstream', 'file:///srv/simple/', 'https://pypi.org/simple/'],
        ['--public-url', 'ws://proxy.example/', 'https://packages.example.com/'],
      ] as const
    ).map(([flag, url, example]): [string, () => string[], string] => [
      `${flag} ${url}`,
      () => start(flag, url),
      `bulwark: ${flag} "${url}" must be an http:// or https:// URL, for example ${flag} ${example}`,
    ]),
    [
      'a bad --pypi-upstream URL with a password in it',
      () => start('--pypi-upstream', 'http://u:s3cret@x y'),
      'bulwark: --pypi-upstream "http://u:***@x y" is not valid: Invalid URL; pass a full http:// or https:// URL, for example --pypi-upstream https://pypi.org/simple/',
    ],
    [
      '--storage naming a file',
      () => start('--storage', join(dir.path, 'a-file')),
      `bulwark: the proxy storage ${join(dir.path, 'a-file')} is a file, not a directory; pass --storage <a writable directory> (or set proxy.storage in bulwark.yaml)`,
    ],
    [
      '--storage under a file',
      () => start('--storage', join(dir.path, 'a-file', 'store')),
      `bulwark: the proxy storage ${join(dir.path, 'a-file', 'store')} cannot be written to (ENOTDIR); pass --storage <a writable directory> (or set proxy.storage in bulwark.yaml)`,
    ],
    [
      '--storage in a directory nobody may write to',
      () => start('--storage', '/sys'),
      'bulwark: the proxy storage /sys cannot be written to (EACCES); pass --storage <a writable directory> (or set proxy.storage in bulwark.yaml)',
    ],
  ];

  it.each(cases)('%s: one line, exit 2', (_, args, line) => {
    const run = bulwark(dir.path, args(), { XDG_CACHE_HOME: join(dir.path, 'cache') });

    expect([run.status, run.stderr, run.stdout]).toEqual([
      2,
      `${line.replace('BUSY', String(busyPort))}\n`,
      '',
    ]);
  });
});

describe('relative paths in the proxy section of bulwark.yaml', () => {
  const dir = tempDir('proxy-relative');

  afterAll(() => dir.remove());

  it('are taken from the folder holding bulwark.yaml, not the current folder', () => {
    mkdirSync(join(dir.path, 'team', 'proxy-store'), { recursive: true });
    mkdirSync(join(dir.path, 'elsewhere'));
    writeFileSync(
      join(dir.path, 'team', 'bulwark.yaml'),
      'version: 1\nproxy:\n  storage: proxy-store\n',
    );

    const run = bulwark(join(dir.path, 'elsewhere'), [
      'proxy',
      'log',
      '--config',
      join(dir.path, 'team', 'bulwark.yaml'),
    ]);

    expect([run.status, run.stderr]).toEqual([
      2,
      `bulwark: no proxy decision log at ${join(dir.path, 'team', 'proxy-store', 'proxy.sqlite')}\n  hint: run \`bulwark proxy\` first, or pass --storage\n`,
    ]);
  });
});

/** Start the built CLI, wait until it says it is listening, stop it, and return its stderr. */
async function startAndStop(
  cwd: string,
  args: string[],
  env: Record<string, string>,
): Promise<string> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: cleanEnv({ NO_COLOR: '1', ...env }),
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    // The JSON log (at info) is written asynchronously: it may come before or after the banner.
    const logged = !args.includes('info') || stderr.includes('"msg":"bulwark proxy listening"');
    if (stderr.includes('bulwark proxy listening on') && logged) child.kill('SIGTERM');
  });
  await new Promise((resolve) => child.on('close', resolve));
  return stderr;
}

describe('bulwark proxy start-up output', () => {
  const dir = tempDir('proxy-banner');

  afterAll(() => dir.remove());

  it('masks the passwords of the upstream URLs in the banner and the log', async () => {
    const stderr = await startAndStop(
      dir.path,
      [
        ...['proxy', '--without-advisories', '--port', '0', '--log-level', 'info'],
        ...['--upstream', 'http://user:hunter2@127.0.0.1:9/'],
        ...['--pypi-upstream', 'http://pu:pypw@127.0.0.1:9/simple/'],
        ...['--storage', join(dir.path, 'store')],
      ],
      { XDG_CACHE_HOME: join(dir.path, 'cache') },
    );
    const lines = stderr.trim().split('\n');
    const info = JSON.parse(lines.find((line) => line.startsWith('{')) ?? '{}') as Record<
      string,
      unknown
    >;
    const port = /127\.0\.0\.1:(\d+)/.exec(String(info.url))?.[1];

    expect([info.msg, info.npmUpstream, info.pypiUpstream, info.url]).toEqual([
      'bulwark proxy listening',
      'http://user:***@127.0.0.1:9/',
      'http://pu:***@127.0.0.1:9/simple/',
      `http://127.0.0.1:${port}`,
    ]);
    expect(lines.filter((line) => !line.startsWith('{'))).toEqual([
      `bulwark proxy listening on http://127.0.0.1:${port} (npm upstream http://user:***@127.0.0.1:9/)`,
    ]);
    expect(stderr).not.toMatch(/hunter2|pypw|abc/);
  });
});

describe('bulwark proxy log with an empty flag value', () => {
  const dir = tempDir('proxy-log-empty');

  afterAll(() => dir.remove());

  it.each([
    ['--storage=', 'bulwark: --storage needs a directory'],
    ['--config=', 'bulwark: --config needs a file'],
    ['--package=', 'bulwark: --package needs a package name'],
    ['--decision=', 'bulwark: --decision needs allowed, warned or blocked'],
  ])('%s: one line, exit 2', (flag, line) => {
    const run = bulwark(dir.path, ['proxy', 'log', flag]);

    expect([run.status, run.stderr, run.stdout]).toEqual([2, `${line}\n`, '']);
  });
});

describe("bulwark proxy with npm's registry holding credentials", () => {
  const dir = tempDir('proxy-npm-protected');

  afterAll(() => dir.remove());

  const proxyWith = (env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      [CLI, 'proxy', '--without-advisories', '--port', '0', '--storage', join(dir.path, 's')],
      { cwd: dir.path, encoding: 'utf8', env: cleanEnv({ NO_COLOR: '1', ...env }) },
    );

  it('says npm will not reveal it, and never prints the URL', () => {
    const npmrc = join(dir.path, 'npmrc');
    writeFileSync(npmrc, 'registry=http://nu:npw@127.0.0.1:47001/\n');

    const run = proxyWith({
      NPM_CONFIG_USERCONFIG: npmrc,
      NPM_CONFIG_GLOBALCONFIG: join(dir.path, 'no-global-npmrc'),
      XDG_CACHE_HOME: join(dir.path, 'cache'),
    });

    expect([run.status, run.stderr, run.stdout]).toEqual([
      2,
      'bulwark: npm will not reveal its registry setting because it holds credentials; pass --upstream <url>\n',
      '',
    ]);
  });
});

describe('bulwark proxy with NPM_CONFIG_REGISTRY holding credentials', () => {
  const dir = tempDir('proxy-npm-env');

  afterAll(() => dir.remove());

  it('uses it as the upstream, with the password masked in the banner', async () => {
    const stderr = await startAndStop(
      dir.path,
      [
        ...['proxy', '--without-advisories', '--port', '0', '--log-level', 'silent'],
        ...['--pypi-upstream', 'http://127.0.0.1:9/simple/', '--storage', join(dir.path, 's')],
      ],
      {
        NPM_CONFIG_REGISTRY: 'http://nu:npw@127.0.0.1:47001/',
        XDG_CACHE_HOME: join(dir.path, 'c'),
      },
    );

    expect(stderr.replace(/:\d+ \(/, ':PORT (')).toBe(
      'bulwark proxy listening on http://127.0.0.1:PORT (npm upstream http://nu:***@127.0.0.1:47001/)\n',
    );
  });
});

describe('bulwark proxy --host with an IPv6 address in brackets', () => {
  const dir = tempDir('proxy-ipv6');

  afterAll(() => dir.remove());

  it('listens on the address inside the brackets', async () => {
    const stderr = await startAndStop(
      dir.path,
      [
        ...['proxy', '--without-advisories', '--port', '0', '--log-level', 'silent'],
        ...['--host', '[::1]', '--upstream', 'http://127.0.0.1:9/'],
        ...['--pypi-upstream', 'http://127.0.0.1:9/simple/', '--storage', join(dir.path, 's')],
      ],
      { XDG_CACHE_HOME: join(dir.path, 'c') },
    );

    expect(stderr.replace(/:\d+ \(/, ':PORT (')).toBe(
      'bulwark proxy listening on http://[::1]:PORT (npm upstream http://127.0.0.1:9/)\n',
    );
  });
});

describe('limits in the proxy section of bulwark.yaml', () => {
  const dir = tempDir('proxy-limits');

  afterAll(() => dir.remove());

  const hint =
    '  hint: see docs/configuration.md, or `bulwark config schema` for the JSON Schema\n';

  it.each([
    [
      'upstreamTimeout: 0s',
      '3:3: proxy.upstreamTimeout: must be at least 1s (a duration such as 30s or 5m); a limit of 0 is not allowed',
    ],
    [
      'upstreamBodyTimeout: 0',
      '3:3: proxy.upstreamBodyTimeout: must be at least 1s (a duration such as 30s or 5m); a limit of 0 is not allowed',
    ],
    [
      'tarballHosts: [cdn.example.com:99999]',
      '3:18: proxy.tarballHosts.0: the port after the host must be from 1 to 65535',
    ],
    [
      'tarballHosts: ["[::1]:0"]',
      '3:18: proxy.tarballHosts.0: the port after the host must be from 1 to 65535',
    ],
  ])('%s is refused', (setting, message) => {
    const config = join(dir.path, 'bulwark.yaml');
    writeFileSync(config, `version: 1\nproxy:\n  ${setting}\n`);

    const run = bulwark(dir.path, [
      ...['proxy', '--without-advisories', '--upstream', 'http://127.0.0.1:9/'],
      ...['--config', config, '--storage', join(dir.path, 's')],
    ]);

    expect([run.status, run.stderr, run.stdout]).toEqual([
      2,
      `bulwark: ${config}:${message}\n${hint}`,
      '',
    ]);
  });

  it('takes metadataTtl 0 (revalidate on every request), 1s limits and ports up to 65535', async () => {
    const config = join(dir.path, 'ok.yaml');
    writeFileSync(
      config,
      'version: 1\nproxy:\n  metadataTtl: 0s\n  upstreamTimeout: 1s\n  upstreamBodyTimeout: 1\n  tarballHosts: [cdn.example.com:65535, "[::1]:1"]\n',
    );

    const stderr = await startAndStop(
      dir.path,
      [
        ...['proxy', '--without-advisories', '--port', '0', '--log-level', 'silent'],
        ...['--upstream', 'http://127.0.0.1:9/', '--pypi-upstream', 'http://127.0.0.1:9/simple/'],
        ...['--config', config, '--storage', join(dir.path, 's')],
      ],
      { XDG_CACHE_HOME: join(dir.path, 'c') },
    );

    expect(stderr.replace(/:\d+ \(/, ':PORT (')).toBe(
      'bulwark proxy listening on http://127.0.0.1:PORT (npm upstream http://127.0.0.1:9/)\n',
    );
  });
});
