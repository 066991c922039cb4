import { z } from 'zod';

/** The `scanners.code` section of bulwark.yaml. */
export const codeConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Also scan minified, bundled and generated files (skipped by default). */
    includeGenerated: z.boolean().default(false),
    /** Rule ids that never run, such as `code/js/weak-hash`. */
    disable: z.array(z.string()).default([]),
    /** Folder of the team's own rules, relative to the scan root. */
    rulesDir: z.string().default('.bulwark/rules'),
  })
  .strict();

/** Parsed `scanners.code` settings. */
export type CodeConfig = z.infer<typeof codeConfigSchema>;
