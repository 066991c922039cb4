import { isStructuredJwt } from './jwt-structure.js';
import { hasCrc32Base62Checksum } from './token-checksum.js';

/** A validator: given a matched secret, true when it is well formed for its provider. */
export type Validator = (secret: string) => boolean;

/** Every validator a rule may name in its `validator` field. */
export const VALIDATORS = {
  /** GitHub `gh?_` tokens: CRC-32 of the 30 random characters as the last six base62 digits. */
  'github-crc32': (secret: string) => hasCrc32Base62Checksum(secret, 4),
  /** npm `npm_` tokens: the same CRC-32 base62 layout as GitHub's. */
  'npm-crc32': (secret: string) => hasCrc32Base62Checksum(secret, 4),
  /** JSON Web Tokens: a header with `alg` and a payload, both JSON objects. */
  'jwt-structure': isStructuredJwt,
} satisfies Record<string, Validator>;

/** The name of a validator, as written in a rule file. */
export type ValidatorName = keyof typeof VALIDATORS;

/** Validator names, for the rule schema. */
export const VALIDATOR_NAMES = Object.keys(VALIDATORS) as [ValidatorName, ...ValidatorName[]];
