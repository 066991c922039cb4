import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import {
  awsAccessKeyId,
  awsSecretAccessKey,
  githubToken,
} from '../test/scanners/secrets/sample-secrets.js';

/** A secret planted in the generated history: the commit (1-based) that adds it, and where. */
export interface PlantedCommit {
  kind: string;
  commit: number;
  path: string;
  line: number;
}

/** Real JavaScript sources from `nodeModules`, 2 to 16 KB each, in path order. */
export function collectSources(nodeModules: string, count: number): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      if (out.length >= count) return;
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile() && /\.[cm]?js$/.test(entry.name)) {
        const size = statSync(abs).size;
        if (size >= 2048 && size <= 16384) out.push(readFileSync(abs, 'utf8'));
      }
    }
  };
  walk(nodeModules);
  return out;
}

/** The planted secrets, by the commit that adds them. */
function plantPlan(): Map<
  number,
  { path: string; text: string; secrets: Array<[string, number]> }
> {
  const pat = githubToken('ghp_');
  const plan = new Map<number, { path: string; text: string; secrets: Array<[string, number]> }>();
  const env = (token: string): string => `# service\nPORT=8080\nGITHUB_TOKEN=${token}\n`;
  plan.set(150, {
    path: 'config/first.env',
    text: env(pat),
    secrets: [['GitHub PAT (file deleted later)', 3]],
  });
  plan.set(4_000, {
    path: 'config/ci.env',
    text: env(githubToken('ghp_')),
    secrets: [['GitHub PAT', 3]],
  });
  plan.set(9_000, {
    path: 'deploy/credentials',
    text: `[default]\naws_access_key_id = ${awsAccessKeyId()}\naws_secret_access_key = ${awsSecretAccessKey()}\n`,
    secrets: [
      ['AWS access key id', 2],
      ['AWS secret access key', 3],
    ],
  });
  plan.set(12_000, { path: 'config/copy.env', text: env(pat), secrets: [] });
  plan.set(19_500, {
    path: 'config/late.env',
    text: env(githubToken('gho_')),
    secrets: [['GitHub OAuth token', 3]],
  });
  return plan;
}

/**
 * Build a repository of `commits` commits with git fast-import: most commits add a file of
 * real third-party source, some change an earlier file, a few delete one; five plant
 * secrets (one of them re-added later, one deleted later). Returns the planted secrets.
 */
export async function buildHistoryRepo(
  dir: string,
  sources: string[],
  commits: number,
): Promise<PlantedCommit[]> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await run('git', ['init', '-q', '-b', 'main'], dir);
  const child = spawn(
    'git',
    ['fast-import', '--quiet', `--export-marks=${join(dir, '.git', 'bench-marks')}`],
    {
      cwd: dir,
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`)),
    );
  });

  const plan = plantPlan();
  const planted: PlantedCommit[] = [];
  const path = (i: number): string => `src/m${i % 64}/f${i}.js`;
  for (let i = 1; i <= commits; i++) {
    const changes: string[] = [];
    const plant = plan.get(i);
    if (plant) {
      changes.push(inline(plant.path, plant.text));
      for (const [kind, line] of plant.secrets)
        planted.push({ kind, commit: i, path: plant.path, line });
    } else if (i === 300) {
      changes.push('D config/first.env\n');
    } else if (i % 97 === 0) {
      changes.push(`D ${path(i - 5)}\n`);
    } else if (i % 3 === 0) {
      const base = sources[(i - 1) % sources.length];
      const lines = base.split('\n');
      const insert = sources[(i * 7) % sources.length].split('\n').slice(0, 20);
      lines.splice(Math.floor(lines.length / 2), 0, ...insert);
      changes.push(inline(path(i - 1), lines.join('\n')));
    } else {
      changes.push(inline(path(i), sources[i % sources.length]));
    }
    const when = 1_420_070_400 + i * 3600;
    const message = `change ${i}\n`;
    const header =
      `commit refs/heads/main\nmark :${i}\n` +
      `author Dev ${i % 7} <dev${i % 7}@example.com> ${when} +0000\n` +
      `committer Dev ${i % 7} <dev${i % 7}@example.com> ${when} +0000\n` +
      `data ${Buffer.byteLength(message)}\n${message}` +
      (i > 1 ? `from :${i - 1}\n` : '');
    if (!child.stdin.write(`${header}${changes.join('')}\n`)) {
      await new Promise((resolve) => child.stdin.once('drain', resolve));
    }
  }
  child.stdin.end();
  await done;
  await run('git', ['reset', '-q', '--hard', 'main'], dir);
  return planted;
}

/** Commit ids by mark (1-based commit number) from fast-import's marks file. */
export function commitIds(dir: string): Map<number, string> {
  const ids = new Map<number, string>();
  for (const line of readFileSync(join(dir, '.git', 'bench-marks'), 'utf8').split('\n')) {
    const m = /^:(\d+) ([0-9a-f]{40})$/.exec(line);
    if (m) ids.set(Number(m[1]), m[2]);
  }
  return ids;
}

function inline(path: string, text: string): string {
  return `M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    );
  });
}
