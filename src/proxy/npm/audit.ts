import { gunzipSync } from 'node:zlib';

import semver from 'semver';

import type { Advisory, AffectedPackage, RangeEvent } from '../../advisories/model.js';
import { scoreAdvisory } from '../../advisories/severity/score.js';
import { HttpError, readBody, sendJson, type RequestInfo } from '../http.js';
import type { AdvisorySource } from '../policy/types.js';
import type { ProxyRuntime } from '../runtime.js';
import { validNpmName } from './routes.js';

/** One advisory in the bulk audit answer, in the shape npm's audit report reads. */
export interface BulkAdvisory {
  id: string;
  url: string;
  title: string;
  severity: 'critical' | 'high' | 'moderate' | 'low' | 'info';
  vulnerable_versions: string;
  cwe: string[];
  cvss: { score: number; vectorString: string | null };
}

/**
 * Largest audit body accepted, as sent and once unzipped. `npm audit` for a project of 5,000
 * packages sends about 200 KiB of JSON; a bigger body would hold the event loop while parsed.
 */
export const AUDIT_MAX_BYTES = 2 * 1024 * 1024;

/** Packages looked up between two yields to the event loop, so other requests keep flowing. */
const CHUNK = 200;

/**
 * `POST /-/npm/v1/security/advisories/bulk`: the body (gzip or plain JSON) maps package names
 * to installed versions; the answer lists, per name, the advisories affecting any of them,
 * from Bulwark's advisory database, with no upstream request.
 */
export async function bulkAudit(info: RequestInfo, runtime: ProxyRuntime): Promise<void> {
  info.route = 'npm-audit';
  const declared = Number(info.req.headers['content-length'] ?? 0);
  if (declared > AUDIT_MAX_BYTES) throw tooLarge();
  const request = parseBulk(
    await readBody(info.req, AUDIT_MAX_BYTES),
    info.req.headers['content-encoding'],
  );
  sendJson(info, 200, await auditAnswer(request, runtime.policy.advisories));
}

/**
 * The advisories affecting each package of an audit request, looked up in chunks of CHUNK
 * packages with a yield to the event loop between chunks.
 */
export async function auditAnswer(
  request: Record<string, string[]>,
  source: AdvisorySource,
): Promise<Record<string, BulkAdvisory[]>> {
  const answer: Record<string, BulkAdvisory[]> = {};
  let done = 0;
  for (const [name, versions] of Object.entries(request)) {
    if (done > 0 && done % CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
    done++;
    const affecting = new Set(
      versions.flatMap((v) => source.match('npm', name, v).flatMap((m) => m.records)),
    );
    if (affecting.size === 0) continue;
    answer[name] = source
      .records('npm', name)
      .filter((record) => affecting.has(record.id))
      .map((record) => toBulk(record, name));
  }
  return answer;
}

function tooLarge(): HttpError {
  return new HttpError(
    413,
    `npm audit request body over ${AUDIT_MAX_BYTES} bytes (also once unzipped); audit the project in parts`,
  );
}

function parseBulk(
  body: Buffer,
  encoding: string | string[] | undefined,
): Record<string, string[]> {
  let text: string;
  try {
    text = (
      encoding === 'gzip' ? gunzipSync(body, { maxOutputLength: AUDIT_MAX_BYTES }) : body
    ).toString('utf8');
  } catch (error) {
    if (error instanceof RangeError) throw tooLarge();
    throw new HttpError(400, 'audit body is not valid gzip');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'audit body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, 'audit body must map package names to lists of versions');
  }
  const out: Record<string, string[]> = {};
  for (const [name, versions] of Object.entries(parsed)) {
    if (
      !validNpmName(name) ||
      !Array.isArray(versions) ||
      !versions.every((v) => typeof v === 'string')
    ) {
      throw new HttpError(
        400,
        `audit entry ${JSON.stringify(name.slice(0, 100))} must be a package name with a list of versions`,
      );
    }
    out[name] = versions as string[];
  }
  return out;
}

function toBulk(record: Advisory, name: string): BulkAdvisory {
  const score = scoreAdvisory(record);
  const level = score.level ?? 'medium';
  const entries = record.affected.filter(
    (a) => a.ecosystem === 'npm' && a.name.toLowerCase() === name.toLowerCase(),
  );
  return {
    id: record.id,
    url: record.id.startsWith('GHSA-')
      ? `https://github.com/advisories/${record.id}`
      : (record.references[0] ?? ''),
    title: record.summary,
    severity: level === 'medium' ? 'moderate' : level,
    vulnerable_versions:
      entries
        .map(npmRange)
        .filter((r) => r.length > 0)
        .join(' || ') || '*',
    cwe: record.cwe,
    cvss: { score: score.score ?? 0, vectorString: score.vector ?? null },
  };
}

/** An affected entry as an npm semver range: one `>=a <b` interval per introduced event. */
export function npmRange(entry: AffectedPackage): string {
  const parts: string[] = [...entry.versions];
  for (const range of entry.ranges) {
    if (range.type === 'NPM_RANGE') {
      parts.push(range.expression);
      continue;
    }
    parts.push(...intervals(range.events));
  }
  // Ranges npm cannot read (a quirk such as two fixes in one event) are left out.
  return parts.filter((part) => semver.validRange(part) !== null).join(' || ');
}

function intervals(events: RangeEvent[]): string[] {
  const out: string[] = [];
  let open: string | undefined;
  for (const event of events) {
    if (event.introduced !== undefined) {
      open = event.introduced === '0' ? '>=0.0.0-0' : `>=${event.introduced}`;
    } else if (open !== undefined && event.fixed !== undefined) {
      out.push(`${open} <${event.fixed}`);
      open = undefined;
    } else if (open !== undefined && event.last_affected !== undefined) {
      out.push(`${open} <=${event.last_affected}`);
      open = undefined;
    }
  }
  if (open !== undefined) out.push(open);
  return out;
}
