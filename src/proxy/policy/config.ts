import { z } from 'zod';

import { SEVERITIES } from '../../core/severity.js';
import { licenseEntryProblem } from './spdx-ids.js';

/**
 * What a rule does when it matches: block removes the version, warn lets it through with a
 * logged warning, monitor logs what would have been blocked and blocks nothing, off skips it.
 */
export const ruleModeSchema = z.enum(['block', 'warn', 'monitor', 'off']);

/** A rule's mode. */
export type RuleMode = z.infer<typeof ruleModeSchema>;

/** A duration such as `3d`, `12h`, `30m`, `45s`, or a number of seconds. */
const duration = z.union([
  z.number().int().nonnegative(),
  z.string().regex(/^\d+\s*(s|m|h|d|w)$/, 'a duration such as 3d, 12h, 30m or 45s'),
]);

/**
 * A time limit: a duration of at least one second. A limit of 0 would not mean "no waiting"
 * but an upstream request that fails at once, or one that never times out.
 */
const timeLimit = duration.refine((value) => durationMs(value) >= 1000, {
  message: 'must be at least 1s (a duration such as 30s or 5m); a limit of 0 is not allowed',
});

/** A package name, optionally pinned to one version (`name@1.2.3`, `@scope/name@1.2.3`). */
const packageRef = z.string().min(1).max(214);

/** An exception to the vulnerability rule: one advisory, with a reason and an expiry. */
const vulnerabilityException = z
  .object({
    /** Advisory id or alias (GHSA-…, CVE-…, PYSEC-…). */
    id: z.string().min(1),
    /** Why this advisory is accepted; shown in the decision log. */
    reason: z.string().min(1),
    /** The day the exception stops applying (YYYY-MM-DD). */
    expires: z.iso.date(),
    /** Limit the exception to one package name. */
    package: z.string().optional(),
  })
  .strict();

/** One exception to the vulnerability rule. */
export type VulnerabilityException = z.infer<typeof vulnerabilityException>;

const malicious = z
  .object({
    /** Malicious packages are always blocked; monitor is only for trying the proxy out. */
    mode: z.enum(['block', 'monitor']).default('block'),
  })
  .strict();

const vulnerabilities = z
  .object({
    mode: ruleModeSchema.default('block'),
    /** Versions with a known vulnerability at or above this severity match. */
    severity: z.enum(SEVERITIES).default('high'),
    /**
     * The severity assumed for an advisory that carries none: no CVSS vector in its `severity`
     * field and no `database_specific.severity` rating (most PYSEC records). A severity given
     * per affected package (`affected[].severity`) is not read.
     */
    unrated: z.enum(SEVERITIES).default('medium'),
    exceptions: z.array(vulnerabilityException).default([]),
  })
  .strict();

const minimumAge = z
  .object({
    mode: ruleModeSchema.default('block'),
    /** Versions published more recently than this match. */
    age: duration.default('3d'),
    /** Packages (or `name@version`) let through however new, for urgent fixes. */
    allow: z.array(packageRef).default([]),
  })
  .strict();

const installScripts = z
  .object({
    mode: ruleModeSchema.default('warn'),
    /** Packages (or `name@version`) whose install scripts are expected. */
    allow: z.array(packageRef).default([]),
  })
  .strict();

const typosquats = z
  .object({
    mode: ruleModeSchema.default('block'),
    /** Largest edit distance from a popular name that counts as a look-alike. */
    maxDistance: z.number().int().min(1).max(3).default(1),
    /** Names that resemble a popular package but are genuine. */
    allow: z.array(z.string().min(1)).default([]),
  })
  .strict();

const deprecated = z
  .object({
    mode: ruleModeSchema.default('warn'),
  })
  .strict();

/** One SPDX licence id (`MIT`, `GPL-2.0+`, `X WITH exception`), checked against the SPDX lists. */
const spdxEntry = z
  .string()
  .min(1)
  .superRefine((entry, ctx) => {
    const problem = licenseEntryProblem(entry);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const licenses = z
  .object({
    mode: ruleModeSchema.default('off'),
    /** SPDX ids accepted; when non-empty, anything else matches. */
    allow: z.array(spdxEntry).default([]),
    /** SPDX ids refused. */
    deny: z.array(spdxEntry).default([]),
    /** Also match versions with no licence or one that is not an SPDX expression. */
    unknown: z.boolean().default(false),
  })
  .strict();

const rules = z
  .object({
    malicious: malicious.default(malicious.parse({})),
    vulnerabilities: vulnerabilities.default(vulnerabilities.parse({})),
    minimumAge: minimumAge.default(minimumAge.parse({})),
    installScripts: installScripts.default(installScripts.parse({})),
    typosquats: typosquats.default(typosquats.parse({})),
    deprecated: deprecated.default(deprecated.parse({})),
    licenses: licenses.default(licenses.parse({})),
  })
  .strict();

const httpUrl = z.url({ protocol: /^https?$/ });

/** A host name or address, with a port when not the scheme's default: `cdn.example.com:8443`. */
const tarballHost = z
  .string()
  .regex(
    /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i,
    'give a host name with an optional port, such as cdn.example.com or cdn.example.com:8443, not a URL or a path',
  )
  .refine(
    (host) => {
      const port = /\]?:(\d+)$/.exec(host)?.[1];
      return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
    },
    { message: 'the port after the host must be from 1 to 65535' },
  )
  .transform((host) => host.toLowerCase());

/** The `proxy` section of bulwark.yaml: the package firewall's settings and policy. */
export const proxyConfigSchema = z
  .object({
    port: z.number().int().min(0).max(65535).default(4873),
    host: z.string().default('127.0.0.1'),
    /** npm registry to fetch from; by default the one the machine's npm client uses. */
    upstream: httpUrl.optional(),
    /** PyPI simple index to fetch from; by default the one pip is configured with. */
    pypiUpstream: httpUrl.optional(),
    /** The URL clients reach the proxy at, when it sits behind a reverse proxy or a prefix. */
    publicUrl: httpUrl.optional(),
    /** Directory for the cache database and blobs; by default the user's cache directory. */
    storage: z.string().optional(),
    /** Path of the advisory database built by `bulwark db import`. */
    advisoryDb: z.string().optional(),
    /**
     * How long a cached packument or project page is used before revalidating; 0 revalidates
     * on every request.
     */
    metadataTtl: duration.default('5m'),
    /** How long to wait for the upstream before answering 502 or serving stale data; 1s or more. */
    upstreamTimeout: timeLimit.default('30s'),
    /** How long reading one whole upstream body (a tarball, a packument) may take; 1s or more. */
    upstreamBodyTimeout: timeLimit.default('5m'),
    /**
     * Hosts besides the npm upstream's own origin that tarballs may be fetched from; a tarball
     * a packument places anywhere else is refused.
     */
    tarballHosts: z.array(tarballHost).default([]),
    /** Log what would be blocked and block nothing, whatever each rule's mode. */
    dryRun: z.boolean().default(false),
    rules: rules.default(rules.parse({})),
  })
  .strict();

/** Parsed `proxy` settings. */
export type ProxyConfig = z.infer<typeof proxyConfigSchema>;

/** Parsed `proxy.rules`. */
export type ProxyRules = ProxyConfig['rules'];

/** The proxy settings when bulwark.yaml says nothing. */
export function defaultProxyConfig(): ProxyConfig {
  return proxyConfigSchema.parse({});
}

/** A duration from the config in milliseconds. */
export function durationMs(value: number | string): number {
  if (typeof value === 'number') return value * 1000;
  const match = /^(\d+)\s*(s|m|h|d|w)$/.exec(value);
  if (!match) return 0;
  const unit = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 }[match[2] as 's'];
  return Number(match[1]) * unit * 1000;
}
