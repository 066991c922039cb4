import { decodeSegment, HttpError, sendBytes, sendJson, type RequestInfo } from '../http.js';
import { MetadataCache } from '../metadata-cache.js';
import { durationMs } from '../policy/config.js';
import { DigestPins } from '../digest-pins.js';
import type { VersionDecision, VersionFacts } from '../policy/types.js';
import { normalizePypiName } from '../policy/typosquat.js';
import { recordDecision, refusal, type DecisionScope, type ProxyRuntime } from '../runtime.js';
import { IntegrityError } from '../verified-files.js';
import { validFileName, validPypiName } from './filenames.js';
import { PypiLicenses } from './licenses.js';
import { CONTENT_TYPE, negotiate, type PageFormat } from './negotiate.js';
import {
  buildProject,
  parseProjectPage,
  unverifiableDecision,
  type PypiProject,
} from './project.js';

/** The bare facts of a version, for logging a refusal that is not about its metadata. */
function pypiVersion(name: string, version: string): VersionFacts {
  return { ecosystem: 'PyPI', name, version, installScripts: [] };
}
import { renderHtml, renderJson } from './render.js';
import { pypiFileRedirectAllowed } from './file-hosts.js';

/** A version's facts and the decision on them. */
type Judged = { facts: VersionFacts; decision: VersionDecision };

/** The prefix the PyPI side is served under; `-` is not a valid npm package name. */
export const PYPI_PREFIX = '/-/pypi/';

/** Answers the PEP 503/691 simple index and file downloads from the policy-filtered cache. */
export class PypiHandler {
  private readonly projects: MetadataCache<PypiProject, DecisionScope>;
  private readonly pins: DigestPins;
  private readonly licenses: PypiLicenses;
  private readonly rendered = new WeakMap<
    PypiProject,
    Map<string, Partial<Record<PageFormat, Buffer>>>
  >();

  constructor(
    private readonly runtime: ProxyRuntime,
    private readonly upstream: string,
  ) {
    this.pins = new DigestPins(runtime);
    this.licenses = new PypiLicenses(runtime);
    this.projects = new MetadataCache<PypiProject, DecisionScope>({
      ecosystem: 'PyPI',
      store: runtime.store,
      upstream: runtime.upstream,
      ttlMs: durationMs(runtime.config.metadataTtl),
      retryMs: 30_000,
      accept: CONTENT_TYPE.json,
      urlFor: (name) => this.pageUrl(name),
      build: (name, body, asker) => {
        const project = buildProject(
          name,
          parseProjectPage(body, name),
          this.pageUrl(name),
          runtime.policy.contextFor('PyPI', name),
          (facts) => runtime.contentFacts.apply(facts),
        );
        if (asker !== undefined) {
          for (const { facts, decision } of project.decisions.values()) {
            if (decision.decision === 'blocked') recordDecision(runtime, asker, facts, decision);
          }
          for (const [filename, version] of project.unverifiable) {
            recordDecision(
              runtime,
              asker,
              pypiVersion(name, version),
              unverifiableDecision(filename),
            );
          }
        }
        return project;
      },
      sizeOf: (project) => project.size,
      maxBytes: 32 * 1024 * 1024,
      now: runtime.now,
      generation: () =>
        (runtime.policy.advisories.generation?.() ?? 0) + runtime.contentFacts.generation(),
      onBackgroundError: (name, error) =>
        runtime.log.warn({ package: name, err: String(error) }, 'background revalidation failed'),
    });
  }

  /** Answer a path under /-/pypi/. */
  async handle(info: RequestInfo): Promise<void> {
    const segments = info.path.slice(PYPI_PREFIX.length).split('/');
    if (segments[0] === 'simple' && segments.length === 3 && segments[2] === '') {
      return this.page(info, decodeSegment(segments[1]));
    }
    if (segments[0] === 'simple' && segments.length === 2 && validPypiName(segments[1])) {
      // As PyPI does, a project URL without its trailing slash redirects to the slash form.
      info.route = 'pypi-page';
      const name = normalizePypiName(segments[1]);
      info.res.writeHead(301, { location: `${info.base}${PYPI_PREFIX}simple/${name}/` });
      info.res.end();
      return;
    }
    if (segments[0] === 'files' && segments.length === 3) {
      return this.file(info, decodeSegment(segments[1]), decodeSegment(segments[2]));
    }
    info.route = 'pypi-not-found';
    throw new HttpError(
      404,
      'the PyPI side serves /-/pypi/simple/<project>/ and the files it links to',
    );
  }

  private pageUrl(name: string): string {
    return `${this.upstream}${encodeURIComponent(name)}/`;
  }

  private async lookup(info: RequestInfo, raw: string) {
    if (!validPypiName(raw))
      throw new HttpError(400, `invalid project name ${JSON.stringify(raw.slice(0, 100))}`);
    const lookup = await this.projects.get(normalizePypiName(raw), info);
    this.runtime.metrics.cacheLookup(
      'pypi-page',
      lookup?.source === 'memory' || lookup?.source === 'store',
    );
    if (!lookup) throw new HttpError(404, `project ${raw} not found upstream`);
    return lookup;
  }

  private async page(info: RequestInfo, raw: string): Promise<void> {
    info.route = 'pypi-page';
    const name = normalizePypiName(raw);
    if (raw !== name && validPypiName(raw)) {
      // PEP 503: a non-normalized name may be redirected to the normalized URL.
      info.res.writeHead(301, { location: `${info.base}${PYPI_PREFIX}simple/${name}/` });
      info.res.end();
      return;
    }
    const format = negotiate(info.req.headers.accept);
    if (!format)
      throw new HttpError(
        406,
        'supported types: application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html, text/html',
      );
    const { view, stale } = await this.lookup(info, raw);
    const headers: Record<string, string> = { vary: 'accept' };
    if (stale) headers['x-bulwark-stale'] = stale;
    if (view.allBlocked) {
      recordDecision(this.runtime, info, view.allBlocked.facts, view.allBlocked.decision);
      return sendJson(info, 403, refusal(view.allBlocked.facts, view.allBlocked.decision), headers);
    }
    if (view.files.size === 0 && view.unverifiable.size > 0) {
      // An empty page would read to pip as "no such version"; say why nothing is offered.
      const count = view.unverifiable.size;
      throw new HttpError(
        502,
        `Bulwark refused ${name}: the upstream lists ${count} file${count === 1 ? '' : 's'} for it, none with a sha256, so none can be verified and none is offered`,
      );
    }
    sendBytes(info, 200, CONTENT_TYPE[format], this.render(view, info.base, format), headers);
  }

  private render(project: PypiProject, base: string, format: PageFormat): Buffer {
    let byBase = this.rendered.get(project);
    if (!byBase) this.rendered.set(project, (byBase = new Map()));
    let forms = byBase.get(base);
    if (!forms) {
      forms = {};
      if (byBase.size < 4) byBase.set(base, forms);
    }
    let body = forms[format];
    if (!body) {
      body = format === 'json' ? renderJson(project, base) : renderHtml(project, base);
      forms[format] = body;
    }
    return body;
  }

  /** A file the upstream lists without a sha256 is refused with 502 and logged. */
  private refuseUnverifiable(info: RequestInfo, view: PypiProject, filename: string): void {
    const version = view.unverifiable.get(filename);
    if (version === undefined) return;
    const refused = unverifiableDecision(filename);
    recordDecision(this.runtime, info, pypiVersion(view.name, version), refused);
    throw new HttpError(502, `Bulwark refused ${refused.verdicts[0].reason}`);
  }

  /** The file's bytes checked against its sha256; a mismatch is logged and answered 502. */
  private async fetchVerified(
    info: RequestInfo,
    view: PypiProject,
    judged: Judged | undefined,
    filename: string,
    url: string,
    sha256: string,
  ) {
    try {
      return await this.runtime.files.get(url, { algorithm: 'sha256', hex: sha256 }, (target) =>
        pypiFileRedirectAllowed(target, this.runtime.pypiUpstream),
      );
    } catch (error) {
      if (!(error instanceof IntegrityError)) throw error;
      if (judged) {
        const verdicts = [
          { rule: 'integrity' as const, action: 'block' as const, reason: error.message },
        ];
        recordDecision(this.runtime, info, judged.facts, { decision: 'blocked', verdicts });
      }
      this.runtime.log.error({ package: view.name, file: filename, url }, error.message);
      throw new HttpError(502, `Bulwark refused ${filename}: ${error.message}`);
    }
  }

  private async file(info: RequestInfo, raw: string, filename: string): Promise<void> {
    info.route = 'pypi-file';
    if (!validFileName(filename))
      throw new HttpError(400, `invalid file name ${JSON.stringify(filename.slice(0, 100))}`);
    const { view, stale } = await this.lookup(info, raw);
    const isMetadata = filename.endsWith('.metadata');
    const file = view.files.get(isMetadata ? filename.slice(0, -'.metadata'.length) : filename);
    this.refuseUnverifiable(info, view, filename);
    if (!file || (isMetadata && !file.coreMetadata))
      throw new HttpError(404, `${filename} is not a file of ${view.name}`);
    const judged = view.decisions.get(file.version);
    const headers: Record<string, string> = stale ? { 'x-bulwark-stale': stale } : {};
    if (judged && judged.decision.decision === 'blocked') {
      recordDecision(this.runtime, info, judged.facts, judged.decision);
      return sendJson(info, 403, refusal(judged.facts, judged.decision), headers);
    }

    const url = isMetadata
      ? `${file.upstreamUrl.split('#')[0]}.metadata`
      : file.upstreamUrl.split('#')[0];
    const sha256 = isMetadata ? file.coreMetadata?.sha256 : file.sha256;
    if (!sha256)
      throw new HttpError(
        502,
        `the upstream gives no sha256 for ${filename}, so it cannot be verified`,
      );
    if (judged && !isMetadata) {
      await this.pins.check(info, judged.facts, filename, {
        algorithm: 'sha256',
        hex: sha256,
      });
      await this.licenses.learn(judged, file);
      if (judged.decision.decision === 'blocked') {
        recordDecision(this.runtime, info, judged.facts, judged.decision);
        return sendJson(info, 403, refusal(judged.facts, judged.decision), headers);
      }
    }
    const fetched = await this.fetchVerified(info, view, judged, filename, url, sha256);
    this.runtime.metrics.cacheLookup('pypi-file', fetched.cached);
    if (judged && !isMetadata) {
      await this.licenses.learn(judged, file, fetched.data);
      const outcome = judged.decision;
      recordDecision(this.runtime, info, judged.facts, outcome);
      if (outcome.decision === 'blocked') {
        return sendJson(info, 403, refusal(judged.facts, outcome), headers);
      }
    }
    const type = isMetadata ? 'text/plain; charset=utf-8' : 'application/octet-stream';
    sendBytes(info, 200, type, fetched.data, {
      ...headers,
      'cache-control': 'public, max-age=31536000, immutable',
    });
  }
}
