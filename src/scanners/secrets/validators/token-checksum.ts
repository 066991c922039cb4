import { encodeBase62 } from './base62.js';
import { crc32 } from './crc32.js';

/** Width of the base62 checksum that ends GitHub and npm tokens. */
const CHECKSUM_WIDTH = 6;

/**
 * True when `token` is `<prefix><random><checksum>` where the checksum is the CRC-32 of the
 * random part written as six base62 digits. GitHub documents this layout for its `ghp_`,
 * `gho_`, `ghu_`, `ghs_` and `ghr_` tokens and npm uses the same one for `npm_` tokens
 * (github.blog, "Behind GitHub's new authentication token formats", 2021-04-05).
 */
export function hasCrc32Base62Checksum(token: string, prefixLength: number): boolean {
  if (token.length <= prefixLength + CHECKSUM_WIDTH) return false;
  const random = token.slice(prefixLength, token.length - CHECKSUM_WIDTH);
  const checksum = token.slice(token.length - CHECKSUM_WIDTH);
  return encodeBase62(crc32(random), CHECKSUM_WIDTH) === checksum;
}

/** Append the CRC-32 base62 checksum to `prefix + random`; used to build test tokens. */
export function withCrc32Base62Checksum(prefix: string, random: string): string {
  return `${prefix}${random}${encodeBase62(crc32(random), CHECKSUM_WIDTH)}`;
}
