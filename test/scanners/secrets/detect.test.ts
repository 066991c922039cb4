import { describe, expect, it } from 'vitest';

import { detectSecrets } from '../../../src/scanners/secrets/detect.js';
import { loadSecretRules } from '../../../src/scanners/secrets/rule-loader.js';
import { compileRuleSet, type RuleSetOptions } from '../../../src/scanners/secrets/ruleset.js';

const rules = loadSecretRules();
const all = compileRuleSet(rules);

const PAT = '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';
const NPM = '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';

/** The matches as [ruleId, secret, line, column, endLine, endColumn]. */
function found(
  text: string,
  options?: RuleSetOptions,
): Array<[string, string, number, number, number, number]> {
  const ruleSet = options ? compileRuleSet(rules, options) : all;
  return detectSecrets(text, ruleSet).map((m) => [
    m.ruleId,
    m.secret,
    m.line,
    m.column,
    m.endLine,
    m.endColumn,
  ]);
}

describe('detectSecrets', () => {
  it.each([
    [
      'a token on the second line',
      `# config\n  TOKEN=${PAT}\n`,
      [['github-pat', PAT, 2, 9, 2, 49]],
    ],
    [
      'two tokens on one line',
      `x=${PAT} y=${NPM}`,
      [
        ['github-pat', PAT, 1, 3, 1, 43],
        ['npm-access-token', NPM, 1, 46, 1, 86],
      ],
    ],
    ['a token with a bad checksum', `TOKEN=${PAT.slice(0, -1)}K`, []],
    ['a token glued to a word', `xghp_${PAT.slice(4)}`, []],
    [
      'a generic name holding a provider token: the specific rule wins',
      `api_secret = "${PAT}"`,
      [['github-pat', PAT, 1, 15, 1, 55]],
    ],
    [
      'an npm token inside a lockfile resolved URL',
      `"resolved": "https://u:${NPM}@registry.example.com/a/-/a-1.0.0.tgz",`,
      [['npm-access-token', NPM, 1, 24, 1, 64]],
    ],
    [
      'a lockfile integrity hash and a git resolved id',
      '"integrity": "sha512-Gk3bbA1fEqYEhk2Frd+O2t0DRwqtQbPZ7PdgnVTSLKdBgFrEGF7cQpqGl7P3N5uJyPJ47l7o9RN7bXJzIzH7Nw==",\n' +
        '"resolved": "git+ssh://git@github.com/acme/secret-token.git#5c0f566bc3312bff32bea953a076cfbf89814645"',
      [],
    ],
    [
      'an SRI attribute',
      '<script src="x.js" integrity="sha384-oqVuc+GIFhN2QaBFRqzzuzaJKjrR5OqDdEDYsecret1token2Z" crossorigin></script>',
      [],
    ],
    ['a placeholder password in a URI', 'postgres://app:${DB_PASSWORD}@db/app', []],
    [
      'a password in a URI',
      'url=postgres://app:Zq81xLmR2w@db:5432/app',
      [['postgres-uri-password', 'Zq81xLmR2w', 1, 20, 1, 30]],
    ],
    [
      'a multi-line private key, located from its first to its last line',
      'key: |\n  -----BEGIN EC PRIVATE KEY-----\n  MHcCAQEEIBGk3bbA1fEqYEhk2Frd+O2t0DRwqtQbPZ7PdgnVTSLKdBgoAoGCCqGSM49\n  AwEHoUQDQgAEq8r1vVJtY4xXb2pQ9mZ7nE3kL0sW6uH5fG2dC1aB8yT4zR7wV0iN\n  -----END EC PRIVATE KEY-----\n',
      [
        [
          'private-key-ec',
          '-----BEGIN EC PRIVATE KEY-----\n  MHcCAQEEIBGk3bbA1fEqYEhk2Frd+O2t0DRwqtQbPZ7PdgnVTSLKdBgoAoGCCqGSM49\n  AwEHoUQDQgAEq8r1vVJtY4xXb2pQ9mZ7nE3kL0sW6uH5fG2dC1aB8yT4zR7wV0iN\n  -----END EC PRIVATE KEY-----',
          2,
          3,
          5,
          31,
        ],
      ],
    ],
  ] as const)('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('drops secrets the allowlist names, by stopword or by regex', () => {
    const text = `a=${PAT}\nb=${NPM}`;
    expect(found(text, { allowlist: { stopwords: ['KEKQ'] } }).map((m) => m[0])).toEqual([
      'npm-access-token',
    ]);
    expect(found(text, { allowlist: { regexes: ['^npm_'] } }).map((m) => m[0])).toEqual([
      'github-pat',
    ]);
  });

  it('leaves out disabled rules and rules without a wanted tag', () => {
    const text = `a=${PAT}\napi_secret: "wTgQM5XSRwYmMRTRTC2NZcOx6kSd4ol7"`;
    expect(found(text).map((m) => m[0])).toEqual(['github-pat', 'generic-secret-assignment']);
    expect(found(text, { disabledRules: ['github-pat'] }).map((m) => m[0])).toEqual([
      'generic-secret-assignment',
    ]);
    expect(found(text, { tags: ['generic'] }).map((m) => m[0])).toEqual([
      'generic-secret-assignment',
    ]);
  });
});
