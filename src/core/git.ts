import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { inputError } from './errors.js';

/** Run git synchronously in `cwd` and return stdout as a Buffer; throws on failure. */
export function gitBuffer(cwd: string, args: readonly string[]): Buffer {
  const result = spawnSync('git', args, { cwd, maxBuffer: 1 << 30 });
  if (result.error) {
    throw inputError(`could not run git: ${result.error.message}`, undefined, 'install git');
  }
  if (result.status !== 0) {
    const stderr = result.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    throw inputError(`git ${args[0]} failed in ${cwd}: ${stderr}`);
  }
  return result.stdout;
}

/** Run git synchronously and return stdout as text. */
export function git(cwd: string, args: readonly string[]): string {
  return gitBuffer(cwd, args).toString('utf8');
}

/** The top-level folder of the git work tree containing `dir`, or undefined outside git. */
export function gitTopLevel(dir: string): string | undefined {
  if (!mayBeInGit(dir)) return undefined;
  const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir });
  if (result.status !== 0) return undefined;
  return result.stdout.toString('utf8').trim();
}

/**
 * Whether git could find a work tree from `dir`: a `.git` folder or file in it or a folder
 * above, or git's environment naming one. Without either git finds none, so it is not run
 * (a folder outside git is told apart without starting a process).
 */
function mayBeInGit(dir: string): boolean {
  if (process.env.GIT_DIR !== undefined || process.env.GIT_WORK_TREE !== undefined) return true;
  for (let folder = resolve(dir); ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return true;
    if (dirname(folder) === folder) return false;
  }
}

/** Whether `ref` names a commit in the repository at `cwd`. */
export function refExists(cwd: string, ref: string): boolean {
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd });
  return result.status === 0;
}

export { unquoteGitPath } from './git-quoting.js';

/** Split NUL-separated git output into entries. */
export function splitNul(output: string): string[] {
  return output.split('\0').filter((entry) => entry.length > 0);
}

/**
 * Read many blobs from the index or a commit with one `git cat-file --batch` process.
 * `specs` are object names such as `:path` (the index) or `HEAD:path`.
 */
export async function readBlobs(
  cwd: string,
  specs: readonly string[],
): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  if (specs.length === 0) return out;
  // `--batch` reads one object name a line, so a path holding a newline would be read as two
  // names and every answer after it would go to the wrong spec: such a spec is asked for by
  // its object id, found with one `rev-parse` that takes the path as an argument.
  const asked = specs.map((spec) => (spec.includes('\n') ? objectId(cwd, spec) : spec));
  const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  child.stdin.end(asked.map((s) => `${s ?? ''}\n`).join(''));
  await done;

  const all = Buffer.concat(chunks);
  let offset = 0;
  for (const [index, spec] of specs.entries()) {
    const newline = all.indexOf(10, offset);
    if (newline < 0) break;
    const header = all.subarray(offset, newline).toString('utf8');
    offset = newline + 1;
    if (asked[index] === undefined) continue;
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) continue;
    const size = Number(header.split(' ')[2]);
    out.set(spec, all.subarray(offset, offset + size));
    offset += size + 1;
  }
  return out;
}

/** The object id `spec` names, or undefined when it names none. */
function objectId(cwd: string, spec: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', spec], {
    cwd,
  });
  return result.status === 0 ? result.stdout.toString('utf8').trim() : undefined;
}
