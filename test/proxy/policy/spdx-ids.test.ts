import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { BulwarkError } from '../../../src/core/errors.js';
import { loadConfig } from '../../../src/core/config-load.js';
import { licenseEntryProblem } from '../../../src/proxy/policy/spdx-ids.js';
import { tempDir } from '../helpers/proxy.js';

describe('licence list entries', () => {
  const cases: Array<[string, string | undefined]> = [
    ['MIT', undefined],
    ['gpl-3.0-only', undefined],
    ['GPL-2.0+', undefined],
    ['GPL-3.0', undefined],
    ['GPL-2.0-only WITH Classpath-exception-2.0', undefined],
    ['LicenseRef-acme-internal', undefined],
    [
      'GPL3',
      '"GPL3" is not an SPDX licence id (see https://spdx.org/licenses/; for example MIT, Apache-2.0, GPL-3.0-only)',
    ],
    [
      'MIT OR Apache-2.0',
      '"MIT OR Apache-2.0" is not one SPDX licence id: list each licence of an expression on its own',
    ],
    [
      'GPL-2.0-only WITH No-Such-exception',
      '"No-Such-exception" is not an SPDX licence exception id (see https://spdx.org/licenses/exceptions-index.html)',
    ],
  ];
  it.each(cases)('%s: %s', (entry, problem) => {
    expect(licenseEntryProblem(entry)).toBe(problem);
  });

  it('makes an unknown id in bulwark.yaml a config error naming the file, line and column', () => {
    const dir = tempDir('spdx-config');
    const file = join(dir.path, 'bulwark.yaml');
    writeFileSync(
      file,
      'version: 1\nproxy:\n  rules:\n    licenses:\n      mode: block\n      deny:\n        - GPL-3.0-only\n        - GPL3\n',
    );

    let caught: unknown;
    try {
      loadConfig(dir.path);
    } catch (error) {
      caught = error;
    }
    dir.remove();

    expect(caught).toBeInstanceOf(BulwarkError);
    expect([
      (caught as BulwarkError).kind,
      (caught as BulwarkError).describe().split('\n')[0],
    ]).toEqual([
      'config',
      `${file}:8:11: proxy.rules.licenses.deny.1: "GPL3" is not an SPDX licence id (see https://spdx.org/licenses/; for example MIT, Apache-2.0, GPL-3.0-only)`,
    ]);
  });
});
