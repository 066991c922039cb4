import { describe, expect, it } from 'vitest';

import {
  codeIdentifierReason,
  nonSecretHashReason,
  placeholderReason,
  wordLikeReason,
} from '../../../src/scanners/secrets/placeholders.js';

describe('placeholderReason', () => {
  it.each([
    ['AKIAIOSFODNN7EXAMPLE', 'a documentation placeholder'],
    ['ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'a documentation placeholder'],
    ['XXXX-XXXX-XXXX', 'a documentation placeholder'],
    ['<your-token>', 'a reference to a value held elsewhere'],
    ['${VAR}', 'a reference to a value held elsewhere'],
    ['${{ secrets.NPM_TOKEN }}', 'a reference to a value held elsewhere'],
    ['$DB_PASSWORD', 'a reference to a value held elsewhere'],
    ['{{ vault_token }}', 'a reference to a value held elsewhere'],
    ['%(password)s', 'a reference to a value held elsewhere'],
    ['%API_KEY%', 'a reference to a value held elsewhere'],
    ['process.env.API_TOKEN', 'a reference to a value held elsewhere'],
    ['os.environ["API_TOKEN"]', 'a reference to a value held elsewhere'],
    ['os.getenv("API_TOKEN")', 'a reference to a value held elsewhere'],
    ['import.meta.env.VITE_KEY', 'a reference to a value held elsewhere'],
    ['password', 'a placeholder word'],
    ['ChangeMe', 'a placeholder word'],
    ['your-api-key-here', 'a documentation placeholder'],
    ['sk_live_****************', 'a documentation placeholder'],
    ['REDACTED_9f8e7d6c', 'a documentation placeholder'],
    ['aaaaaaaaaaaaaaaaaaaa', 'repeated characters'],
    ['000000000000000000000000000000001', 'repeated characters'],
    ['abcdefghijklmnop', 'a sequential run of characters'],
    ['key-1234567890', 'a sequential run of characters'],
    ['zyxwvu98', 'a sequential run of characters'],
    [
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
      'a published sample',
    ],
  ])('%j is %s', (secret, reason) => {
    expect(placeholderReason(secret)).toBe(reason);
  });

  it.each([
    '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',
    'Zq81xLmR2w',
    'wTgQM5XSRwYmMRTRTC2NZcOx6kSd4ol7',
    's3cr3t-Pa55w0rd',
    'abc12',
  ])('%j may be real', (secret) => {
    expect(placeholderReason(secret)).toBeUndefined();
  });
});

describe('nonSecretHashReason', () => {
  it.each([
    [
      'sha512-Gk3bbA1fEqYEhk2Frd+O2t0DRwqtQbPZ7PdgnVTSLKdBg==',
      '"integrity": "',
      'an integrity hash',
    ],
    [
      'Gk3bbA1fEqYEhk2Frd+O2t0DRwqtQbPZ7PdgnVTSLKdBg==',
      '"integrity": "sha512-',
      'an integrity hash',
    ],
    ['oqVuc+GIFhN2QaBFRqzzuzaJKjrR5OqDdEDY', '<script integrity="', 'a subresource integrity hash'],
    ['oqVuc+GIFhN2QaBFRqzzuzaJKjrR5OqDdEDY', '  integrity: ', 'a lockfile integrity hash'],
    [
      '5c0f566bc3312bff32bea953a076cfbf89814645',
      '"resolved": "git+ssh://git@github.com/a/b.git#',
      'a git object id',
    ],
    [
      '5c0f566bc3312bff32bea953a076cfbf89814645',
      'https://github.com/a/b/commit/',
      'a git object id',
    ],
    ['5c0f566bc3312bff32bea953a076cfbf89814645', 'commit ', 'a git object id or hash'],
    ['5c0f566bc3312bff32bea953a076cfbf89814645', '  rev = "', 'a git object id or hash'],
    ['5c0f566bc3312bff32bea953a076cfbf89814645', '"shasum": "', 'a git object id or hash'],
  ])('%j after %j is %s', (secret, before, reason) => {
    expect(nonSecretHashReason(secret, before)).toBe(reason);
  });

  it.each([
    ['5c0f566bc3312bff32bea953a076cfbf89814645', 'api_key = "'],
    ['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', '"resolved": "https://'],
    ['s3cr3t', '"resolved": "https://user:'],
  ])('%j after %j may be a credential', (secret, before) => {
    expect(nonSecretHashReason(secret, before)).toBeUndefined();
  });
});

describe('wordLikeReason', () => {
  it.each([
    ['v1.2.3-release-candidate', 'words rather than random text'],
    ['my_token_value_2024', 'words rather than random text'],
    ['DEFAULT_TOKEN_TTL_3600', 'words rather than random text'],
    ['cU2y5saY0q9q2srsU7T0UVqz', undefined],
    ['django-insecure-9x2kq0v7w1m4z8r5t3y6u2p0o9i8', undefined],
  ])('%j: %s', (secret, reason) => {
    expect(wordLikeReason(secret)).toBe(reason);
  });
});

describe('codeIdentifierReason', () => {
  it.each([
    ['token2.isGlobstar', 'a code identifier, not a literal'],
    ['_parseAuthTokenHeader2.token', 'a code identifier, not a literal'],
    ['exports.TIME_EXPIRATION_1H', 'a code identifier, not a literal'],
    ['config.secrets.apiKey', 'a code identifier, not a literal'],
    ['readSecretFromVault2', 'a code identifier, not a literal'],
    ['pk.eyJ1IjoiZXhhbXBsZSIsImEiOiJja2', undefined],
    ['cU2y5saY0q9q2srsU7T0UVqz', undefined],
    ['a3f9c2e17b5d4e08', undefined],
    ['password123456', undefined],
  ])('%j: %s', (secret, reason) => {
    expect(codeIdentifierReason(secret)).toBe(reason);
  });
});
