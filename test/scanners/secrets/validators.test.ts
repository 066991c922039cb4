import { describe, expect, it } from 'vitest';

import { encodeBase62 } from '../../../src/scanners/secrets/validators/base62.js';
import { crc32 } from '../../../src/scanners/secrets/validators/crc32.js';
import { VALIDATORS } from '../../../src/scanners/secrets/validators/index.js';
import { withCrc32Base62Checksum } from '../../../src/scanners/secrets/validators/token-checksum.js';

describe('crc32', () => {
  it.each([
    ['', 0],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('crc32(%j) is %i', (text, expected) => {
    expect(crc32(text)).toBe(expected);
  });
});

describe('encodeBase62', () => {
  it.each([
    [0, 6, '000000'],
    [61, 6, '00000z'],
    [62, 6, '000010'],
    [0xcbf43926, 6, '3jZRME'],
    [0xffffffff, 6, '4gfFC3'],
  ])('encodes %i in %i digits as %s', (value, width, expected) => {
    expect(encodeBase62(value, width)).toBe(expected);
  });
});

describe('token checksum validators', () => {
  it.each([
    ['github-crc32', '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', true],
    ['github-crc32', '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', true],
    ['github-crc32', 'ghp_8OLDB5cWt0pVdH5zQTqamWHWCz1YZ81oo5sE', false],
    ['github-crc32', 'ghp_9OLDB5cWt0pVdH5zQTqamWHWCz1YZ81oo5sD', false],
    ['github-crc32', 'gho_16C7e42F292c6912E7710c838347Ae178B4a', false],
    ['github-crc32', 'ghp_', false],
    ['npm-crc32', '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', true],
    ['npm-crc32', 'npm_FcJ9BAumRQRYTNF7DpY2Okq2i62eyL3MlS0U', false],
  ] as const)('%s says %s is %s', (name, token, expected) => {
    expect(VALIDATORS[name](token)).toBe(expected);
  });

  it('appends the checksum of the random part', () => {
    expect(withCrc32Base62Checksum('ghp_', '123456789')).toBe('ghp_1234567893jZRME');
    expect(VALIDATORS['github-crc32']('ghp_1234567893jZRME')).toBe(true);
  });
});

describe('jwt-structure', () => {
  const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    [`${b64({ alg: 'HS256' })}.${b64({ sub: 'a' })}.c2ln`, true],
    [`${b64({ alg: 'none' })}.${b64({})}.`, true],
    [`${b64({ typ: 'JWT' })}.${b64({ sub: 'a' })}.c2ln`, false],
    [`${b64({ alg: 'HS256' })}.${b64([1, 2])}.c2ln`, false],
    [`${b64({ alg: 'HS256' })}.bm90IGpzb24.c2ln`, false],
    [`${b64({ alg: 'HS256' })}.${b64({ sub: 'a' })}`, false],
  ])('%s is %s', (token, expected) => {
    expect(VALIDATORS['jwt-structure'](token)).toBe(expected);
  });
});
