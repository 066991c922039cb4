import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** What one timed run of a command measured. */
export interface RunMeasure {
  wallSeconds: number;
  /** User plus system CPU time of the process, all threads, in seconds. */
  cpuSeconds: number;
  /** Peak resident memory of the process, in MiB, as GNU time reports it. */
  peakMiB: number;
  exitCode: number;
  stderrTail: string;
}

/** Run `command` under GNU time in `cwd`; wall time and peak memory of the process. */
export function timedRun(
  command: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunMeasure> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', 'BENCH-PEAK-KB %M CPU %U %S', ...command], {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8192);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peak = /BENCH-PEAK-KB (\d+) CPU ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({
        wallSeconds,
        cpuSeconds: peak ? Number(peak[2]) + Number(peak[3]) : Number.NaN,
        peakMiB: peak ? Number(peak[1]) / 1024 : Number.NaN,
        exitCode: code ?? 1,
        stderrTail: stderr.replace(/BENCH-PEAK-KB .*$/s, '').slice(-1000),
      });
    });
  });
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const abs = join(d, entry.name);
      if (entry.isDirectory()) walk(abs);
      else if (entry.isFile()) out.push(relative(dir, abs).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Total size in bytes of the files under `dir`. */
export function treeBytes(dir: string): number {
  return listFiles(dir).reduce((sum, path) => sum + statSync(join(dir, path)).size, 0);
}

/** Read every file once so both tools start from a warm page cache. */
export function warmCache(dir: string): void {
  for (const path of listFiles(dir)) readFileSync(join(dir, path));
}
