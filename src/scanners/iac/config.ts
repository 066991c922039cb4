import { z } from 'zod';

/** The `scanners.iac` section of bulwark.yaml. */
export const iacConfigSchema = z
  .object({
    enabled: z.boolean().default(true),
  })
  .strict();

/** Parsed `scanners.iac` settings. */
export type IacConfig = z.infer<typeof iacConfigSchema>;
