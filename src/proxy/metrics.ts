/** Upper bounds (seconds) of the upstream latency histogram. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Counters the proxy exposes at /metrics in the Prometheus text format. */
export class ProxyMetrics {
  /** Counts by route, then status: no label string is built per request. */
  private readonly requests = new Map<string, Map<number, number>>();
  private readonly cache = new Map<string, [hit: number, miss: number]>();
  private readonly blocks = new Map<string, number>();
  private readonly latency = new Array<number>(BUCKETS.length + 1).fill(0);
  private latencySum = 0;
  private latencyCount = 0;

  /** Count a served request by route and status code. */
  request(route: string, status: number): void {
    let byStatus = this.requests.get(route);
    if (!byStatus) {
      byStatus = new Map();
      this.requests.set(route, byStatus);
    }
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  }

  /** Count a cache lookup by kind (packument, tarball, …) and outcome. */
  cacheLookup(kind: string, hit: boolean): void {
    let counts = this.cache.get(kind);
    if (!counts) {
      counts = [0, 0];
      this.cache.set(kind, counts);
    }
    counts[hit ? 0 : 1]++;
  }

  /** Count a blocked version by the rule that blocked it. */
  blocked(rule: string): void {
    bump(this.blocks, `rule="${rule}"`);
  }

  /** Record how long one upstream request took. */
  upstream(ms: number): void {
    const seconds = ms / 1000;
    const index = BUCKETS.findIndex((b) => seconds <= b);
    this.latency[index === -1 ? BUCKETS.length : index]++;
    this.latencySum += seconds;
    this.latencyCount++;
  }

  /** The Prometheus text exposition of every metric. */
  render(): string {
    const lines: string[] = [];
    const requests = new Map<string, number>();
    for (const [route, byStatus] of this.requests)
      for (const [status, n] of byStatus) requests.set(`route="${route}",status="${status}"`, n);
    counter(
      lines,
      'bulwark_proxy_requests_total',
      'Requests served, by route and status.',
      requests,
    );
    const cache = new Map<string, number>();
    for (const [kind, [hit, miss]] of this.cache) {
      if (hit > 0) cache.set(`kind="${kind}",result="hit"`, hit);
      if (miss > 0) cache.set(`kind="${kind}",result="miss"`, miss);
    }
    counter(
      lines,
      'bulwark_proxy_cache_lookups_total',
      'Cache lookups, by kind and result.',
      cache,
    );
    counter(lines, 'bulwark_proxy_blocks_total', 'Versions blocked, by rule.', this.blocks);
    lines.push('# HELP bulwark_proxy_upstream_seconds Upstream request latency.');
    lines.push('# TYPE bulwark_proxy_upstream_seconds histogram');
    let cumulative = 0;
    BUCKETS.forEach((bound, i) => {
      cumulative += this.latency[i];
      lines.push(`bulwark_proxy_upstream_seconds_bucket{le="${bound}"} ${cumulative}`);
    });
    cumulative += this.latency[BUCKETS.length];
    lines.push(`bulwark_proxy_upstream_seconds_bucket{le="+Inf"} ${cumulative}`);
    lines.push(`bulwark_proxy_upstream_seconds_sum ${this.latencySum}`);
    lines.push(`bulwark_proxy_upstream_seconds_count ${this.latencyCount}`);
    return `${lines.join('\n')}\n`;
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function counter(lines: string[], name: string, help: string, values: Map<string, number>): void {
  lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
  for (const [labels, value] of values) lines.push(`${name}{${labels}} ${value}`);
}
