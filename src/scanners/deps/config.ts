import { z } from 'zod';

/** The `scanners.deps` section of bulwark.yaml. */
export const depsConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
  })
  .strict();

/** Parsed `scanners.deps` settings. */
export type DepsConfig = z.infer<typeof depsConfigSchema>;
