import { z } from 'zod';

import { proxyConfigSchema } from '../proxy/policy/config.js';
import { codeConfigSchema } from '../scanners/code/config.js';
import { depsConfigSchema } from '../scanners/deps/config.js';
import { iacConfigSchema } from '../scanners/iac/config.js';
import { secretsConfigSchema } from '../scanners/secrets/config.js';
import { SEVERITIES } from './severity.js';

const severity = z.enum(SEVERITIES);
const scannerId = z.enum(['secrets', 'deps', 'code', 'iac']);

/** A tier: which files, which scanners and which rule tags run in it. */
export const tierSchema = z
  .object({
    /** staged: the git index; changed: files changed since `since`; all: the whole tree. */
    files: z.enum(['staged', 'changed', 'all']),
    /** The ref that `changed` compares with. */
    since: z.string().optional(),
    /** Also scan every commit reachable from HEAD. */
    history: z.boolean().default(false),
    scanners: z.array(scannerId).optional(),
    /** Only rules carrying one of these tags run. */
    tags: z.array(z.string()).optional(),
  })
  .strict();

/** Byte sizes as a number or a string such as `2MB`, `512KB`. */
const byteSize = z.union([
  z.number().int().positive(),
  z
    .string()
    .regex(/^\d+(\.\d+)?\s*(B|KB|MB|GB|KiB|MiB|GiB)?$/i, 'a size such as 2MB, 512KB or 1048576'),
]);

/** The whole bulwark.yaml. */
export const configSchema = z
  .object({
    version: z.literal(1),
    /** Exit 1 when a finding is at or above this severity. */
    failOn: severity.default('high'),
    /** Files larger than this are skipped. */
    maxFileSize: byteSize.default('2MB'),
    /** Gitignore-style patterns of paths never scanned. */
    ignore: z.array(z.string()).default([]),
    /** Per-rule severity overrides: `secrets/generic-api-key: low`. */
    severity: z.record(z.string(), severity).default({}),
    scanners: z
      .object({
        secrets: secretsConfigSchema.prefault({}),
        deps: depsConfigSchema.prefault({}),
        code: codeConfigSchema.prefault({}),
        iac: iacConfigSchema.prefault({}),
      })
      .strict()
      .prefault({}),
    tiers: z
      .object({
        commit: tierSchema.optional(),
        'pull-request': tierSchema.optional(),
        scheduled: tierSchema.optional(),
      })
      .strict()
      .default({}),
    proxy: proxyConfigSchema.prefault({}),
    /** Governance policy, checked by `bulwark govern`. */
    govern: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** Parsed bulwark.yaml with every default filled in. */
export type Config = z.infer<typeof configSchema>;

/** A tier's settings. */
export type Tier = z.infer<typeof tierSchema>;

/** The configuration used when no bulwark.yaml exists. */
export function defaultConfig(): Config {
  return configSchema.parse({ version: 1 });
}
