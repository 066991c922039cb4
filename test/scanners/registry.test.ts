import { describe, expect, it } from 'vitest';

import { findScanner, SCANNERS } from '../../src/scanners/registry.js';

describe('the scanner registry', () => {
  it('lists the scanners in report order', () => {
    expect(SCANNERS.map((entry) => entry.id)).toEqual(['secrets', 'deps', 'code', 'iac']);
  });

  it.each(SCANNERS.map((entry) => [entry.id, entry] as const))(
    'describes %s as its module does',
    async (id, entry) => {
      const scanner = await entry.load();
      expect(scanner.id).toBe(id);
      expect(entry.fast).toBe(scanner.fast);
      expect(entry.history).toBe(scanner.scanHistory !== undefined);
    },
  );

  it('finds a scanner by id and nothing for an unknown id', async () => {
    expect((await findScanner('deps'))?.id).toBe('deps');
    expect(await findScanner('nope')).toBeUndefined();
  });
});
