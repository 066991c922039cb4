import { z } from 'zod';

/** The `scanners.code` section of bulwark.yaml. */
export const codeConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
  })
  .strict();

/** Parsed `scanners.code` settings. */
export type CodeConfig = z.infer<typeof codeConfigSchema>;
