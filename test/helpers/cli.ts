import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './shared.js';

/** The built CLI; `npm test` builds it before the tests run. */
export const CLI = join(repoRoot, 'dist', 'cli', 'main.js');

/** What a CLI run returned. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run the built `bulwark` CLI as a subprocess in `cwd`. */
export function bulwark(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A finding of a JSON report, as far as tests compare it. */
interface JsonFinding {
  ruleId: string;
  location: { path: string; startLine: number; commit?: string };
}

/** The findings of a JSON report's text as `path:line rule`, with ` @commit` for history ones. */
export function findingLines(json: string): string[] {
  const report = JSON.parse(json) as { findings: JsonFinding[] };
  return report.findings.map((f) => {
    const commit = f.location.commit ? ` @${f.location.commit.slice(0, 7)}` : '';
    return `${f.location.path}:${f.location.startLine} ${f.ruleId}${commit}`;
  });
}
