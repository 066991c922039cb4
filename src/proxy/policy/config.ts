import { z } from 'zod';

/** The `proxy` section of bulwark.yaml: the package firewall's policy. */
export const proxyConfigSchema = z.object({}).passthrough();

/** Parsed `proxy` settings. */
export type ProxyConfig = z.infer<typeof proxyConfigSchema>;
