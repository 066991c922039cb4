import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { defaultConfig } from '../../src/core/config-defaults.js';
import { loadConfigOnDemand } from '../../src/core/config-file.js';
import { loadConfig } from '../../src/core/config-load.js';
import { configSchema } from '../../src/core/config-schema.js';

describe('defaultConfig', () => {
  it('equals what the schema fills in for `version: 1`, key for key and in order', () => {
    const fromSchema = configSchema.parse({ version: 1 });
    expect(defaultConfig()).toStrictEqual(fromSchema);
    expect(JSON.stringify(defaultConfig())).toBe(JSON.stringify(fromSchema));
  });

  it('returns a new object each time, so a run may change its copy', () => {
    const first = defaultConfig();
    first.failOn = 'low';
    first.scanners.secrets.allowlist.paths.push('vendor/');
    expect([defaultConfig().failOn, defaultConfig().scanners.secrets.allowlist.paths]).toEqual([
      'high',
      [],
    ]);
  });
});

describe('loadConfigOnDemand', () => {
  it('gives the defaults without a file and the same result as loadConfig with one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-config-'));
    try {
      const none = await loadConfigOnDemand(dir);
      expect(none).toStrictEqual({ config: configSchema.parse({ version: 1 }) });

      const file = join(dir, 'bulwark.yaml');
      writeFileSync(file, 'version: 1\nfailOn: medium\nignore: [vendor/]\n');
      const loaded = await loadConfigOnDemand(dir);
      expect(loaded).toStrictEqual(loadConfig(dir));
      expect([loaded.file, loaded.config.failOn, loaded.config.ignore]).toEqual([
        file,
        'medium',
        ['vendor/'],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a missing explicit file as loadConfig does', async () => {
    const missing = join(tmpdir(), 'bulwark-no-such-config.yaml');
    await expect(loadConfigOnDemand(tmpdir(), missing)).rejects.toThrow(
      'configuration file not found',
    );
    expect(() => loadConfig(tmpdir(), missing)).toThrow('configuration file not found');
  });
});
