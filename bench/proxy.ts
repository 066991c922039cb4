// Proxy benchmark: Bulwark's built proxy (every policy on) and Verdaccio 6, side by side, each
// with a warm cache of the same packages from a loopback upstream, driven by autocannon at 64
// connections: abbreviated packuments, full packuments and tarballs. Prints requests per
// second, p50/p99 latency, server and load-generator CPU per request and each server's peak
// RSS. Run with `npm run bench:proxy`; BULWARK_BENCH_SECONDS sets each run's length (default 10),
// BULWARK_BENCH_WORKERS the autocannon worker threads, BULWARK_BENCH_SERVERS which servers run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startBenchUpstream, type BenchUpstream } from './proxy-upstream.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(tmpdir(), 'bulwark-bench-proxy');
const SECONDS = Number(process.env.BULWARK_BENCH_SECONDS ?? 10);
const ABBREVIATED = 'application/vnd.npm.install-v1+json';

interface CannonRequest {
  method: 'GET';
  path: string;
  headers: Record<string, string>;
}
interface CannonResult {
  requests: { average: number; total: number };
  throughput: { total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  connections: number;
  duration: number;
  requests: CannonRequest[];
  workers?: number;
  setupClient?: string | ((client: unknown) => void);
}) => Promise<CannonResult>;

/** Worker threads autocannon drives the load from (BULWARK_BENCH_WORKERS; 0 runs it in-process). */
const WORKERS = Number(process.env.BULWARK_BENCH_WORKERS ?? 0);
/** The client setup that keeps autocannon from decoding every response body into a string. */
const CLIENT_SETUP = join(ROOT, 'bench', 'proxy-cannon-client.cjs');
const threads =
  WORKERS > 0
    ? { workers: WORKERS, setupClient: CLIENT_SETUP }
    : {
        setupClient: createRequire(import.meta.url)(CLIENT_SETUP) as (client: unknown) => void,
      };

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
}

async function waitUp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not start`);
}

async function startBulwark(upstream: BenchUpstream, port: number): Promise<Server> {
  const dir = join(WORK, 'bulwark');
  mkdirSync(dir, { recursive: true });
  const { importAdvisories, readSource } = (await import(
    join(ROOT, 'dist/advisories/index.js')
  )) as typeof import('../src/advisories/index.js');
  const db = join(dir, 'advisories.db');
  const folders = ['npm-ghsa', 'npm-malicious'].map((f) =>
    join(ROOT, '..', 'shared', 'advisories', f),
  );
  importAdvisories({
    dbPath: db,
    files: folders.flatMap((f) => readSource(f)),
    source: 'bench',
    replace: true,
  });
  const config = join(dir, 'bulwark.yaml');
  writeFileSync(
    config,
    [
      'version: 1',
      'proxy:',
      '  rules:',
      '    licenses: { mode: block, deny: [GPL-3.0-only], unknown: true }',
      '    installScripts: { mode: block }',
      '',
    ].join('\n'),
  );
  const args = [
    join(ROOT, 'dist/cli/main.js'),
    'proxy',
    '--port',
    String(port),
    '--upstream',
    upstream.url,
    '--storage',
    join(dir, 'store'),
    '--db',
    db,
    '--config',
    config,
    '--log-level',
    'warn',
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitUp(url, child);
  return { name: 'Bulwark', url, child };
}

async function startVerdaccio(upstream: BenchUpstream, port: number): Promise<Server> {
  const dir = join(WORK, 'verdaccio');
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'config.yaml');
  writeFileSync(
    config,
    [
      `storage: ${join(dir, 'storage')}`,
      'uplinks:',
      `  up: { url: ${upstream.url}/, max_age: 1h, cache: true }`,
      'packages:',
      "  '**': { access: $all, proxy: up }",
      'log: { type: stdout, format: json, level: warn }',
      'web: { enable: false }',
      '',
    ].join('\n'),
  );
  const bin = join(ROOT, 'node_modules/verdaccio/bin/verdaccio');
  const child = spawn(process.execPath, [bin, '-c', config, '-l', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUp(url, child);
  return { name: 'Verdaccio', url, child };
}

/** The servers to measure (BULWARK_BENCH_SERVERS, comma-separated; default both). */
const SERVERS = (process.env.BULWARK_BENCH_SERVERS ?? 'bulwark,verdaccio')
  .split(',')
  .map((name) => ({ bulwark: startBulwark, verdaccio: startVerdaccio })[name.trim()])
  .filter((start) => start !== undefined);

/** Fetch every packument (both forms) and every tarball once, so the runs hit warm caches. */
async function warm(server: Server, upstream: BenchUpstream): Promise<string[]> {
  const tarballs: string[] = [];
  for (const name of upstream.names) {
    await (
      await fetch(`${server.url}/${name}`, { headers: { accept: ABBREVIATED } })
    ).arrayBuffer();
    const doc = (await (await fetch(`${server.url}/${name}`)).json()) as {
      versions: Record<string, { dist: { tarball: string } }>;
    };
    for (const manifest of Object.values(doc.versions)) {
      const path = new URL(manifest.dist.tarball).pathname;
      const res = await fetch(`${server.url}${path}`);
      await res.arrayBuffer();
      if (res.ok) tarballs.push(path);
    }
  }
  return tarballs;
}

/** CPU time (user + system) the process has used, in ms; Linux reports it in 1/100 s ticks. */
function cpuMs(child: ChildProcess): number {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function peakRssMiB(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

interface Row {
  server: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU time per 1000 requests, in ms: what the server spends, whatever the load. */
  cpuPer1k: number;
  /** The load generator's CPU time (all its threads) per 1000 requests, in ms. */
  clientPer1k: number;
  /** Bytes received per response, headers included: shows the whole bodies arrived. */
  bytesPerResponse: number;
  non2xx: number;
  /** Requests the server sent to the upstream during the measured run. */
  upstream: number;
  /** The 1-minute load average at the end of the run. */
  load: number;
}

/** The three request mixes, each cycling through its requests on every connection. */
function scenarios(upstream: BenchUpstream, tarballs: string[]): Array<[string, CannonRequest[]]> {
  const gzip = { 'accept-encoding': 'gzip' };
  const packuments = (accept: string): CannonRequest[] =>
    upstream.names.map((n) => ({ method: 'GET', path: `/${n}`, headers: { accept, ...gzip } }));
  return [
    ['abbreviated packuments', packuments(ABBREVIATED)],
    ['full packuments', packuments('application/json')],
    ['tarballs', tarballs.map((path) => ({ method: 'GET', path, headers: {} }))],
  ];
}

async function measure(
  server: Server,
  upstream: BenchUpstream,
  scenario: string,
  requests: CannonRequest[],
): Promise<Row> {
  // A short unmeasured run first, so both servers are past JIT warm-up when measured.
  await autocannon({ url: server.url, connections: 64, duration: 2, requests, ...threads });
  const cpuBefore = cpuMs(server.child);
  const clientBefore = process.cpuUsage();
  const upstreamBefore = upstream.served();
  const result = await autocannon({
    url: server.url,
    connections: 64,
    duration: SECONDS,
    ...threads,
    requests,
  });
  const client = process.cpuUsage(clientBefore);
  const total = result.requests.total;
  return {
    server: server.name,
    scenario,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuPer1k: Math.round(((cpuMs(server.child) - cpuBefore) / total) * 1000),
    clientPer1k: Math.round((client.user + client.system) / total),
    bytesPerResponse: Math.round(result.throughput.total / total),
    non2xx: result.non2xx + result.errors,
    upstream: upstream.served() - upstreamBefore,
    load: loadavg()[0],
  };
}

function print(rows: Row[], rss: Record<string, number>, packages: number): void {
  console.log(
    `proxy benchmark: ${packages} packages x 30 versions, 64 connections, ${SECONDS}s per run`,
  );
  console.log(
    '| server | scenario | req/s | p50 ms | p99 ms | server CPU ms / 1000 req | load generator CPU ms / 1000 req | bytes / response | non-2xx | upstream requests | load average |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.server} | ${r.scenario} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.cpuPer1k} | ${r.clientPer1k} | ${r.bytesPerResponse} | ${r.non2xx} | ${r.upstream} | ${r.load.toFixed(1)} |`,
    );
  }
  for (const [name, mib] of Object.entries(rss)) console.log(`${name} peak RSS: ${mib} MiB`);
  for (const bulwark of rows.filter((r) => r.server === 'Bulwark')) {
    const peer = rows.find((r) => r.server === 'Verdaccio' && r.scenario === bulwark.scenario);
    if (peer && peer.rps > 0)
      console.log(`${bulwark.scenario}: Bulwark ${(bulwark.rps / peer.rps).toFixed(1)}x Verdaccio`);
  }
  console.log(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
}

async function main(): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  const upstream = await startBenchUpstream(40, 30);
  const rows: Row[] = [];
  const rss: Record<string, number> = {};
  const servers: Array<{ server: Server; tarballs: string[] }> = [];
  try {
    for (const start of SERVERS) {
      const server = await start(upstream, start === startBulwark ? 4901 : 4902);
      const entry = { server, tarballs: [] as string[] };
      servers.push(entry);
      entry.tarballs = await warm(server, upstream);
    }
    // Scenario by scenario, the servers take turns, so a change in the machine's load between
    // runs falls on both rather than on whichever server happens to run second.
    for (const index of [0, 1, 2]) {
      for (const { server, tarballs } of servers) {
        const [scenario, requests] = scenarios(upstream, tarballs)[index];
        rows.push(await measure(server, upstream, scenario, requests));
      }
    }
    for (const { server } of servers) rss[server.name] = peakRssMiB(server.child);
  } finally {
    for (const { server } of servers) server.child.kill('SIGTERM');
  }
  await upstream.close();
  print(rows, rss, upstream.names.length);
  rmSync(WORK, { recursive: true, force: true });
}

await main();
