import { generateKeyPairSync } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

import {
  awsAccessKeyId,
  awsSecretAccessKey,
  githubFineGrainedToken,
  githubToken,
  jwt,
  npmToken,
  randomFrom,
} from '../test/scanners/secrets/sample-secrets.js';

/** A secret planted in the corpus, and where it is. */
export interface PlantedSecret {
  kind: string;
  path: string;
  line: number;
}

/** Text files taken from node_modules for the corpus. */
const TEXT_EXTENSION = /\.(?:[cm]?js|[cm]?ts|jsx|tsx|json|md|markdown|ya?ml|txt|html?|css|sh|py)$/i;

/** Files larger than this are left out (Bulwark's default limit is 2 MB). */
const MAX_FILE = 1 << 20;

/**
 * Copy text files from `nodeModules` into `corpus` in path order until `targetBytes`, with
 * `node_modules` segments renamed so that no tool skips them by name. Returns bytes copied.
 */
export function buildCorpus(nodeModules: string, corpus: string, targetBytes: number): number {
  rmSync(corpus, { recursive: true, force: true });
  mkdirSync(corpus, { recursive: true });
  let total = 0;
  const walk = (dir: string, rel: string): boolean => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    );
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const abs = join(dir, entry.name);
      const name = entry.name === 'node_modules' ? 'nm' : entry.name;
      if (entry.isDirectory()) {
        if (walk(abs, `${rel}/${name}`)) return true;
      } else if (entry.isFile() && TEXT_EXTENSION.test(name)) {
        const size = statSync(abs).size;
        if (size === 0 || size > MAX_FILE) continue;
        const target = join(corpus, rel, name);
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(abs, target);
        total += size;
        if (total >= targetBytes) return true;
      }
    }
    return false;
  };
  walk(nodeModules, 'nm');
  return total;
}

/** A password-like random value with letters and digits. */
function password(): string {
  return `${randomFrom('ABCDEFGHJKLMNPQRSTUVWXYZ', 2)}${randomFrom('abcdefghijkmnopqrstuvwxyz23456789', 12)}${randomFrom('23456789', 2)}`;
}

/** A new RSA private key in PKCS#1 PEM. */
function rsaPrivateKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString().trim();
}

/** A new P-256 private key in PKCS#8 PEM. */
function ecPrivateKey(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().trim();
}

/** Write planted files and inject secrets into two third-party files; returns where they are. */
export function plantSecrets(corpus: string, files: readonly string[]): PlantedSecret[] {
  const planted: PlantedSecret[] = [];
  const write = (path: string, lines: string[], secrets: Array<[string, number]>): void => {
    mkdirSync(dirname(join(corpus, path)), { recursive: true });
    writeFileSync(join(corpus, path), `${lines.join('\n')}\n`);
    for (const [kind, line] of secrets) planted.push({ kind, path, line });
  };

  write(
    'planted/app.env',
    ['# service', 'PORT=8080', `GITHUB_TOKEN=${githubToken('ghp_')}`],
    [['GitHub classic PAT', 3]],
  );
  write(
    'planted/release.js',
    [
      'import { Octokit } from "octokit";',
      `const client = new Octokit({ auth: "${githubFineGrainedToken()}" });`,
    ],
    [['GitHub fine-grained PAT', 2]],
  );
  write(
    'planted/oauth.json',
    ['{', `  "access_token": "${githubToken('gho_')}",`, '  "scope": "repo"', '}'],
    [['GitHub OAuth token', 2]],
  );
  write('planted/npmrc', [`//registry.npmjs.org/:_authToken=${npmToken()}`], [['npm token', 1]]);
  write(
    'planted/aws-credentials.ini',
    [
      '[default]',
      `aws_access_key_id = ${awsAccessKeyId()}`,
      `aws_secret_access_key = ${awsSecretAccessKey()}`,
    ],
    [
      ['AWS access key id', 2],
      ['AWS secret access key', 3],
    ],
  );
  // Fresh key pairs made for this run only: real key structure, never used anywhere.
  write('planted/server-key.pem', [rsaPrivateKey()], [['RSA private key (PKCS#1)', 1]]);
  write('planted/signing-key.pem', [ecPrivateKey()], [['EC private key (PKCS#8)', 1]]);
  write(
    'planted/docker-compose.yml',
    [
      'services:',
      '  api:',
      '    environment:',
      `      DATABASE_URL: postgres://app:${password()}@db:5432/app`,
    ],
    [['PostgreSQL URI password', 4]],
  );
  write(
    'planted/db.config.js',
    [`module.exports = { url: "mongodb+srv://api:${password()}@cluster0.example.net/prod" };`],
    [['MongoDB URI password', 1]],
  );
  write('planted/session.test.ts', ['// fixture', `const session = "${jwt()}";`], [['JWT', 2]]);
  write(
    'planted/main.tf',
    [
      'provider "azuread" {',
      `  client_secret = "${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 32)}"`,
      '}',
    ],
    [['generic client secret (Terraform)', 2]],
  );

  planted.push(injectMiddle(corpus, files, `const GITHUB_TOKEN = "${githubToken('ghp_')}";`));
  planted.push(injectMinified(corpus, files, `;var npmToken="${npmToken()}";`));
  return planted;
}

/** Insert a line in the middle of the first sizeable plain JavaScript file. */
function injectMiddle(corpus: string, files: readonly string[], line: string): PlantedSecret {
  const path = files.find(
    (f) => f.endsWith('.js') && !f.endsWith('.min.js') && statSync(join(corpus, f)).size > 20_000,
  );
  if (!path) throw new Error('no JavaScript file to plant a secret in');
  const lines = readFileSync(join(corpus, path), 'utf8').split('\n');
  const at = Math.floor(lines.length / 2);
  lines.splice(at, 0, line);
  writeFileSync(join(corpus, path), lines.join('\n'));
  return { kind: 'GitHub PAT inside third-party code', path, line: at + 1 };
}

/** Append a statement to the last line of the first sizeable minified file. */
function injectMinified(corpus: string, files: readonly string[], code: string): PlantedSecret {
  const path = files.find((f) => f.endsWith('.min.js') && statSync(join(corpus, f)).size > 20_000);
  if (!path) throw new Error('no minified file to plant a secret in');
  const text = readFileSync(join(corpus, path), 'utf8').replace(/\n+$/, '');
  writeFileSync(join(corpus, path), `${text}${code}\n`);
  return { kind: 'npm token at the end of a minified file', path, line: text.split('\n').length };
}
