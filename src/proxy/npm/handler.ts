import type { OutgoingHttpHeaders } from 'node:http';

import { DigestPins } from '../digest-pins.js';
import { evaluateVersion } from '../policy/evaluate.js';
import type { VersionDecision } from '../policy/types.js';
import { acceptsGzip, HttpError, sendBytes, sendJson, type RequestInfo } from '../http.js';
import type { MetadataCache } from '../metadata-cache.js';
import { recordDecision, refusal, type DecisionScope, type ProxyRuntime } from '../runtime.js';
import { digestKey, IntegrityError, npmDigest, type ExpectedDigest } from '../verified-files.js';
import { gzipOf, type NpmPackage, type NpmVersion } from './packument.js';
import type { NpmRoute } from './routes.js';
import { redactUrls } from '../url-redact.js';
import { inspectTarball } from './tarball-inspect.js';
import { hostOf, tarballUrlAllowed } from './tarball-origin.js';

/** The media type npm clients ask for to get abbreviated packuments (npm registry docs). */
const ABBREVIATED = 'application/vnd.npm.install-v1+json';
const ABBREVIATED_TYPE = `${ABBREVIATED}; charset=utf-8`;
const JSON_TYPE = 'application/json; charset=utf-8';

/** Route names for metrics and the request log, made once rather than per request. */
const ROUTE_NAMES: Record<NpmRoute['kind'], string> = {
  packument: 'npm-packument',
  version: 'npm-version',
  tarball: 'npm-tarball',
  'dist-tags': 'npm-dist-tags',
};

/** Answers npm read routes from the policy-filtered cache. */
export class NpmHandler {
  private readonly inspected = new Set<string>();
  private readonly pins: DigestPins;

  constructor(
    private readonly runtime: ProxyRuntime,
    private readonly packages: MetadataCache<NpmPackage, DecisionScope>,
  ) {
    this.pins = new DigestPins(runtime);
  }

  /** Answer one parsed npm route. */
  async handle(info: RequestInfo, route: NpmRoute): Promise<void> {
    info.route = ROUTE_NAMES[route.kind];
    const lookup = this.packages.peek(route.name) ?? (await this.packages.get(route.name, info));
    this.runtime.metrics.cacheLookup(
      'packument',
      lookup?.source === 'memory' || lookup?.source === 'store',
    );
    if (!lookup) throw new HttpError(404, `package ${route.name} not found upstream`);
    const pkg = lookup.view;
    const headers: Record<string, string> = lookup.stale ? { 'x-bulwark-stale': lookup.stale } : {};

    if (route.kind === 'tarball') return this.tarball(info, pkg, route.file, headers);
    if (pkg.allBlocked) {
      recordDecision(this.runtime, info, pkg.allBlocked.facts, pkg.allBlocked.decision);
      return sendJson(info, 403, refusal(pkg.allBlocked.facts, pkg.allBlocked.decision), headers);
    }
    if (route.kind === 'dist-tags') return sendJson(info, 200, pkg.distTags, headers);
    if (route.kind === 'version') return this.version(info, pkg, route.spec, headers);
    this.packument(info, pkg, headers);
  }

  private packument(info: RequestInfo, pkg: NpmPackage, headers: Record<string, string>): void {
    const accept = info.req.headers.accept ?? '';
    const kind = accept.includes(ABBREVIATED) ? 'abbreviated' : 'full';
    const rendered = pkg.render(info.base);
    const etag = rendered.etag[kind];
    // One headers object per answer, filled in place.
    const out: OutgoingHttpHeaders = { ...headers, etag, vary: 'accept, accept-encoding' };
    if (info.req.headers['if-none-match'] === etag) {
      info.res.writeHead(304, out);
      info.res.end();
      return;
    }
    const gzip = acceptsGzip(info);
    const body = gzip ? gzipOf(rendered, kind) : rendered[kind];
    out['content-type'] = kind === 'abbreviated' ? ABBREVIATED_TYPE : JSON_TYPE;
    out['content-length'] = body.length;
    if (gzip) out['content-encoding'] = 'gzip';
    info.res.writeHead(200, out);
    info.res.end(body);
  }

  private version(
    info: RequestInfo,
    pkg: NpmPackage,
    spec: string,
    headers: Record<string, string>,
  ): void {
    const version = pkg.distTags[spec] ?? spec;
    const entry = pkg.versions.get(version);
    if (!entry) throw new HttpError(404, `version ${spec} of ${pkg.name} not found`);
    if (entry.decision.decision === 'blocked') {
      recordDecision(this.runtime, info, entry.facts, entry.decision);
      return sendJson(info, 403, refusal(entry.facts, entry.decision), headers);
    }
    const full = JSON.parse(pkg.render(info.base).full.toString('utf8')) as {
      versions: Record<string, unknown>;
    };
    sendJson(info, 200, full.versions[version], headers);
  }

  private async tarball(
    info: RequestInfo,
    pkg: NpmPackage,
    file: string,
    headers: Record<string, string>,
  ): Promise<void> {
    const entry = pkg.byFile.get(file);
    if (!entry) throw new HttpError(404, `tarball ${file} is not a version of ${pkg.name}`);
    if (entry.decision.decision === 'blocked') {
      recordDecision(this.runtime, info, entry.facts, entry.decision);
      return sendJson(info, 403, refusal(entry.facts, entry.decision), headers);
    }
    // Where the packument places the file is checked before any cache: a blob with the same
    // digest stored for another version must not make an off-host tarball acceptable.
    this.checkOrigin(info, pkg, entry);
    entry.digest ??= npmDigest(entry.integrity, entry.shasum);
    const digest = entry.digest;
    if (!digest)
      throw new HttpError(
        502,
        `${pkg.name}@${entry.version} has no integrity or shasum to verify against`,
      );

    // The pin is checked once per version in this process; the digest of an entry never changes.
    if (!entry.pinChecked) {
      await this.pins.check(info, entry.facts, file, digest);
      entry.pinChecked = true;
    }
    const hot = this.runtime.files.inMemory(digest);
    if (hot) this.runtime.metrics.cacheLookup('tarball', true);
    const data = hot ?? (await this.download(info, pkg, entry, digest));

    const key = digestKey(digest);
    if (!this.inspected.has(key)) {
      await this.applyTarballFacts(entry, data);
      this.inspected.add(key);
    }
    const outcome: VersionDecision = entry.decision;
    recordDecision(this.runtime, info, entry.facts, outcome);
    if (outcome.decision === 'blocked')
      return sendJson(info, 403, refusal(entry.facts, outcome), headers);
    sendBytes(info, 200, 'application/octet-stream', data, {
      ...headers,
      'cache-control': 'public, max-age=31536000, immutable',
    });
  }

  /**
   * Refuse a tarball the packument places off the upstream's origin and proxy.tarballHosts:
   * 502, a blocked `integrity` row naming the host only, and the masked URL in the log.
   */
  private checkOrigin(info: RequestInfo, pkg: NpmPackage, entry: NpmVersion): void {
    const { npmUpstream, config } = this.runtime;
    if (tarballUrlAllowed(entry.upstreamUrl, npmUpstream, config.tarballHosts)) return;
    const reason = `the upstream places its tarball on ${hostOf(entry.upstreamUrl)}, which is neither the upstream's own origin nor in proxy.tarballHosts`;
    this.runtime.log.warn(
      { package: pkg.name, version: entry.version, url: redactUrls(entry.upstreamUrl) },
      reason,
    );
    recordDecision(this.runtime, info, entry.facts, {
      decision: 'blocked',
      verdicts: [{ rule: 'integrity', action: 'block', reason }],
    });
    throw new HttpError(502, `Bulwark refused ${pkg.name}@${entry.version}: ${reason}`);
  }

  /** The verified tarball from disk or the upstream; a digest mismatch is logged as a block. */
  private async download(
    info: RequestInfo,
    pkg: NpmPackage,
    entry: NpmVersion,
    digest: ExpectedDigest,
  ): Promise<Buffer> {
    let fetched;
    try {
      fetched = await this.runtime.files.get(entry.upstreamUrl, digest, (target) =>
        tarballUrlAllowed(target.href, this.runtime.npmUpstream, this.runtime.config.tarballHosts),
      );
    } catch (error) {
      if (!(error instanceof IntegrityError)) throw error;
      const verdict = {
        rule: 'integrity' as const,
        action: 'block' as const,
        reason: error.message,
      };
      recordDecision(this.runtime, info, entry.facts, {
        decision: 'blocked',
        verdicts: [verdict],
      });
      this.runtime.log.error(
        { package: pkg.name, version: entry.version, url: entry.upstreamUrl },
        error.message,
      );
      throw new HttpError(502, `Bulwark refused ${pkg.name}@${entry.version}: ${error.message}`);
    }
    this.runtime.metrics.cacheLookup('tarball', fetched.cached);
    return fetched.data;
  }

  /** Re-judge a version when its tarball declares install hooks its manifest did not. */
  private async applyTarballFacts(entry: NpmVersion, data: Buffer): Promise<void> {
    let found: string[];
    try {
      found = (await inspectTarball(data)).installScripts;
    } catch {
      this.runtime.log.warn(
        { package: entry.facts.name, version: entry.version },
        'tarball could not be read for install scripts',
      );
      return;
    }
    const extra = found.filter((hook) => !entry.facts.installScripts.includes(hook));
    if (extra.length === 0) return;
    this.runtime.contentFacts.remember('npm', entry.facts.name, entry.version, {
      installScripts: extra,
    });
    entry.facts = { ...entry.facts, installScripts: [...entry.facts.installScripts, ...extra] };
    entry.decision = evaluateVersion(
      entry.facts,
      this.runtime.policy.contextFor('npm', entry.facts.name),
    );
  }
}
