import { randomBytes, randomInt } from 'node:crypto';

import { BASE62_ALPHABET } from '../../../src/scanners/secrets/validators/base62.js';
import { withCrc32Base62Checksum } from '../../../src/scanners/secrets/validators/token-checksum.js';

/**
 * Random, never-issued credentials in each provider's format, for rule examples, tests and
 * the benchmarks' planted secrets. Checksummed formats get a valid checksum.
 */

/** `length` random characters from `alphabet`. */
export function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A GitHub token with the given prefix (`ghp_`, `gho_`...) and a valid CRC-32 checksum. */
export function githubToken(prefix: string): string {
  return withCrc32Base62Checksum(prefix, randomFrom(BASE62_ALPHABET, 30));
}

/** An npm access token with a valid CRC-32 checksum. */
export function npmToken(): string {
  return withCrc32Base62Checksum('npm_', randomFrom(BASE62_ALPHABET, 30));
}

/** A fine-grained GitHub personal access token. */
export function githubFineGrainedToken(): string {
  return `github_pat_${randomFrom(BASE62_ALPHABET, 22)}_${randomFrom(BASE62_ALPHABET, 59)}`;
}

/** An AWS access key id with the given prefix (`AKIA`, `ASIA`). */
export function awsAccessKeyId(prefix = 'AKIA'): string {
  return `${prefix}${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
}

/** An AWS secret access key: 40 base64 characters. */
export function awsSecretAccessKey(): string {
  return randomFrom(`${BASE62_ALPHABET}+/`, 40);
}

/** A signed-looking JWT with a JSON header and payload and a random signature. */
export function jwt(): string {
  const enc = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = enc({ alg: 'HS256', typ: 'JWT' });
  const payload = enc({ sub: randomFrom(BASE62_ALPHABET, 12), iat: 1700000000 + randomInt(1e6) });
  return `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
}

/** A PEM block of the given label around random base64 (not a usable key). */
export function pemBlock(label: string, bodyBytes = 900): string {
  const body =
    randomBytes(bodyBytes)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`].join('\n');
}
