import { z } from 'zod';

/** The `scanners.secrets` section of bulwark.yaml. */
export const secretsConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Values, paths and patterns that are never reported as secrets. */
    allowlist: z
      .object({
        /** Gitignore-style path patterns whose secrets are not reported. */
        paths: z.array(z.string()).default([]),
        /** Regular expressions; a matched secret that also matches one is dropped. */
        regexes: z.array(z.string()).default([]),
        /** Words; a matched secret containing one (case-insensitive) is dropped. */
        stopwords: z.array(z.string()).default([]),
      })
      .strict()
      .default({ paths: [], regexes: [], stopwords: [] }),
    /** Rule ids (without the `secrets/` prefix) to turn off. */
    disabledRules: z.array(z.string()).default([]),
  })
  .strict();

/** Parsed `scanners.secrets` settings. */
export type SecretsConfig = z.infer<typeof secretsConfigSchema>;
