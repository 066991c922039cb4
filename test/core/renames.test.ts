import { describe, expect, it } from 'vitest';

import { parseRenames } from '../../src/core/renames.js';

const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
const ZERO = '0'.repeat(40);

describe('parseRenames', () => {
  it('maps each renamed file to the object id of its old version', () => {
    const raw = [
      `:100644 100644 ${OLD} ${OLD} R100`,
      'old.env',
      'new.env',
      `:100644 100644 ${OLD} ${NEW} M`,
      'kept.txt',
      `:100644 100644 ${NEW} ${ZERO} R087`,
      'a dir/x.ts',
      'b dir/y.ts',
      '',
    ].join('\0');

    expect([...parseRenames(raw)]).toEqual([
      ['new.env', OLD],
      ['b dir/y.ts', NEW],
    ]);
  });

  it('returns nothing for empty output', () => {
    expect(parseRenames('').size).toBe(0);
  });
});
