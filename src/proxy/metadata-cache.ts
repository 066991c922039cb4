import { SingleFlight } from './single-flight.js';
import { SizedLru } from './lru.js';
import type { ProxyEcosystem } from './policy/types.js';
import type { MetadataStore } from './store/types.js';
import { UpstreamError, type UpstreamClient } from './upstream.js';

/** Why a cached copy was served without the upstream confirming it. */
export type StaleReason = 'upstream-unreachable' | 'upstream-invalid';

/** A built view of a package and whether it came from a cache the upstream could not confirm. */
export interface Lookup<V> {
  view: V;
  /** Set when served from cache because the upstream failed: the header value to send. */
  stale?: StaleReason;
  /** Where it came from, for metrics: memory, store (SQLite) or upstream. */
  source: 'memory' | 'store' | 'upstream';
}

/** How the cache fetches and builds views for one ecosystem. */
export interface MetadataCacheOptions<V, A> {
  ecosystem: ProxyEcosystem;
  store: MetadataStore;
  upstream: UpstreamClient;
  ttlMs: number;
  /** How long a failed revalidation is trusted before trying the upstream again. */
  retryMs: number;
  accept: string;
  urlFor(name: string): string;
  /** Turn an upstream body into a view; `fresh` is set (to who asked) when just fetched. */
  build(name: string, body: Buffer, fresh: A | undefined): V;
  sizeOf(view: V): number;
  maxBytes: number;
  now(): number;
  /** Changes when the policy's inputs change (advisories); views built before are rebuilt. */
  generation(): number;
  /** Told about a background revalidation that failed (the cached view stays in use). */
  onBackgroundError(name: string, error: unknown): void;
}

interface HotEntry<V> {
  view: V | undefined;
  checkAfter: number;
  generation: number;
  stale?: StaleReason;
}

/**
 * Views of upstream metadata: built views are kept in memory, upstream bodies in the store;
 * both are revalidated with the upstream's ETag after the TTL, and served stale (marked)
 * when the upstream cannot be reached.
 * An entry expired less than one TTL ago is served at once and revalidated in the background;
 * an older one is revalidated while the request waits. `A` is who asks: a fetch is built for the
 * request that started it, which logs what the fetch removed.
 */
export class MetadataCache<V, A = string> {
  private readonly hot: SizedLru<HotEntry<V>>;
  private readonly flights = new SingleFlight<Lookup<V> | undefined>();

  constructor(private readonly options: MetadataCacheOptions<V, A>) {
    this.hot = new SizedLru(options.maxBytes);
  }

  /**
   * The view for `name` when memory holds it, judged against the current policy inputs and
   * not yet due for revalidation; otherwise undefined, and `get` does the rest. Lets the hot
   * path answer without awaiting.
   */
  peek(name: string): Lookup<V> | undefined {
    const held = this.hot.get(name);
    if (!held || held.view === undefined || held.generation !== this.options.generation())
      return undefined;
    if (held.checkAfter <= this.options.now()) return undefined;
    return { view: held.view, stale: held.stale, source: 'memory' };
  }

  /** The view for `name`, or undefined when the upstream does not have it. */
  async get(name: string, asker: A): Promise<Lookup<V> | undefined> {
    const generation = this.options.generation();
    const held = this.hot.get(name);
    // A view judged against older advisories is rebuilt (from the stored body while it is fresh).
    const entry = held && held.generation === generation ? held : undefined;
    const now = this.options.now();
    if (entry && entry.checkAfter > now) {
      return entry.view === undefined
        ? undefined
        : { view: entry.view, stale: entry.stale, source: 'memory' };
    }
    // Expired less than one TTL ago: answer from memory and revalidate in the background.
    if (entry?.view !== undefined && entry.checkAfter + this.options.ttlMs > now) {
      this.flights
        .run(name, () => this.load(name, asker))
        .catch((error: unknown) => this.options.onBackgroundError(name, error));
      return { view: entry.view, stale: entry.stale, source: 'memory' };
    }
    return this.flights.run(name, () => this.load(name, asker));
  }

  /** Resolves once every fetch under way, background revalidations included, has finished. */
  async settled(): Promise<void> {
    await this.flights.settled();
  }

  private async load(name: string, asker: A): Promise<Lookup<V> | undefined> {
    const { store, ecosystem, upstream, ttlMs } = this.options;
    const now = this.options.now();
    const stored = await store.getMetadata(ecosystem, name);
    if (stored && stored.fetchedAt + ttlMs > now) {
      return this.keep(
        name,
        this.options.build(name, stored.body, undefined),
        stored.fetchedAt + ttlMs,
        'store',
      );
    }

    let answer;
    try {
      answer = await upstream.document(
        this.options.urlFor(name),
        this.options.accept,
        stored?.etag,
      );
    } catch (error) {
      if (!stored || !(error instanceof UpstreamError)) throw error;
      const view = this.options.build(name, stored.body, undefined);
      return this.keep(name, view, now + this.options.retryMs, 'store', 'upstream-unreachable');
    }

    if (answer.status === 404) {
      const checkAfter = now + Math.min(ttlMs, 60_000);
      this.hot.set(
        name,
        { view: undefined, checkAfter, generation: this.options.generation() },
        64,
      );
      return undefined;
    }
    if (answer.status === 304 && stored) {
      await store.touchMetadata(ecosystem, name, now);
      return this.keep(
        name,
        this.options.build(name, stored.body, undefined),
        now + ttlMs,
        'upstream',
      );
    }
    if (answer.status !== 200)
      throw new UpstreamError(
        'bad-response',
        `upstream answered 304 without a cached copy of ${name}`,
      );
    let view: V;
    try {
      view = this.options.build(name, answer.body, asker);
    } catch (error) {
      // A body that cannot be used never replaces the cached copy; the copy is served instead.
      if (!stored || !(error instanceof UpstreamError)) throw error;
      const old = this.options.build(name, stored.body, undefined);
      return this.keep(name, old, now + this.options.retryMs, 'store', 'upstream-invalid');
    }
    await store.putMetadata(ecosystem, name, {
      etag: answer.etag,
      fetchedAt: now,
      body: answer.body,
    });
    return this.keep(name, view, now + ttlMs, 'upstream');
  }

  private keep(
    name: string,
    view: V,
    checkAfter: number,
    source: Lookup<V>['source'],
    stale?: StaleReason,
  ): Lookup<V> {
    const generation = this.options.generation();
    this.hot.set(name, { view, checkAfter, generation, stale }, this.options.sizeOf(view));
    return { view, stale, source };
  }
}
