import type { Config } from './config-schema.js';

/**
 * The configuration used when no bulwark.yaml exists: what the schema fills in for
 * `version: 1`, written out so that a run without a configuration file loads neither the
 * YAML parser nor the schema. A test checks that it equals the schema's defaults; a new
 * default in the schema must be added here too. Each call returns a new object.
 */
export function defaultConfig(): Config {
  return {
    version: 1,
    failOn: 'high',
    maxFileSize: '2MB',
    ignore: [],
    severity: {},
    scanners: {
      secrets: {
        enabled: true,
        allowlist: { paths: [], regexes: [], stopwords: [] },
        disabledRules: [],
      },
      deps: {
        enabled: true,
        includeDev: true,
        maxAgeDays: 7,
        unknownSeverity: 'medium',
        ignore: [],
      },
      code: {
        enabled: true,
        includeGenerated: false,
        disable: [],
        rulesDir: '.bulwark/rules',
      },
      iac: { enabled: true },
    },
    tiers: {},
    proxy: {
      port: 4873,
      host: '127.0.0.1',
      metadataTtl: '5m',
      upstreamTimeout: '30s',
      upstreamBodyTimeout: '5m',
      tarballHosts: [],
      dryRun: false,
      rules: {
        malicious: { mode: 'block' },
        vulnerabilities: {
          mode: 'block',
          severity: 'high',
          unrated: 'medium',
          exceptions: [],
        },
        minimumAge: { mode: 'block', age: '3d', allow: [] },
        installScripts: { mode: 'warn', allow: [] },
        typosquats: { mode: 'block', maxDistance: 1, allow: [] },
        deprecated: { mode: 'warn' },
        licenses: { mode: 'off', allow: [], deny: [], unknown: false },
      },
    },
  };
}
