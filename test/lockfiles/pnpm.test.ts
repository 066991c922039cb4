import { describe, expect, it } from 'vitest';
import { entriesNamed, parseText } from './parse-file.js';

const v54 = `lockfileVersion: 5.4

specifiers:
  '@types/node': ^18.0.0
  react: ^17.0.2
  react-dom: ^17.0.2

dependencies:
  react: 17.0.2
  react-dom: 17.0.2_react@17.0.2

devDependencies:
  '@types/node': 18.19.3

packages:

  /@types/node/18.19.3:
    resolution: {integrity: sha512-AAAA}
    dev: true

  /js-tokens/4.0.0:
    resolution: {integrity: sha512-BBBB}
    dev: false

  /loose-envify/1.4.0:
    resolution: {integrity: sha512-CCCC}
    hasBin: true
    dependencies:
      js-tokens: 4.0.0
    dev: false

  /react-dom/17.0.2_react@17.0.2:
    resolution: {integrity: sha512-DDDD}
    peerDependencies:
      react: 17.0.2
    dependencies:
      loose-envify: 1.4.0
      react: 17.0.2
    dev: false

  /react/17.0.2:
    resolution: {integrity: sha512-EEEE}
    dependencies:
      loose-envify: 1.4.0
    dev: false
`;

const v9Catalog = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

catalogs:
  default:
    react:
      specifier: ^18.2.0
      version: 18.3.1

importers:

  .:
    devDependencies:
      '@app/ui':
        specifier: workspace:*
        version: link:packages/ui

  packages/ui:
    dependencies:
      left-pad:
        specifier: file:../vendor/left-pad
        version: file:vendor/left-pad
      lodash-es:
        specifier: npm:lodash@^4.17.21
        version: lodash@4.17.21
      react:
        specifier: 'catalog:'
        version: 18.3.1

packages:

  js-tokens@4.0.0:
    resolution: {integrity: sha512-AAAA}

  left-pad@file:vendor/left-pad:
    resolution: {directory: vendor/left-pad, type: directory}

  lodash@4.17.21:
    resolution: {integrity: sha512-BBBB}

  loose-envify@1.4.0:
    resolution: {integrity: sha512-CCCC}
    hasBin: true

  react@18.3.1:
    resolution: {integrity: sha512-DDDD}
    engines: {node: '>=0.10.0'}

snapshots:

  js-tokens@4.0.0: {}

  left-pad@file:vendor/left-pad:
    dependencies:
      js-tokens: 4.0.0

  lodash@4.17.21: {}

  loose-envify@1.4.0:
    dependencies:
      js-tokens: 4.0.0

  react@18.3.1:
    dependencies:
      loose-envify: 1.4.0
`;

/** Newer pnpm writes the lock of its own tooling as a first YAML document. */
const multiDocument = `---
lockfileVersion: '9.0'

importers:

  .:
    configDependencies: {}
    packageManagerDependencies:
      pnpm:
        specifier: 10.15.0
        version: 10.15.0

packages:

  pnpm@10.15.0:
    resolution: {integrity: sha512-AAAA}
    engines: {node: '>=18.12'}
    hasBin: true

snapshots:

  pnpm@10.15.0: {}

---
lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      ms:
        specifier: ^2.1.3
        version: 2.1.3

packages:

  ms@2.1.3:
    resolution: {integrity: sha512-BBBB}

snapshots:

  ms@2.1.3: {}
`;

describe('pnpm-lock.yaml', () => {
  it('reads 5.4 keys (/name/version_peers) with their dev flags', () => {
    const result = parseText('pnpm-lock.yaml', v54);

    expect(result.format).toBe('pnpm-lock v5.4');
    expect(result.packages.map((p) => `${p.name}@${p.version}:${p.dev}`)).toEqual([
      '@types/node@18.19.3:true',
      'js-tokens@4.0.0:false',
      'loose-envify@1.4.0:false',
      'react-dom@17.0.2:false',
      'react@17.0.2:false',
    ]);
    expect(entriesNamed(result, 'js-tokens')).toEqual([
      {
        name: 'js-tokens',
        version: '4.0.0',
        direct: false,
        dev: false,
        line: 21,
        path: ['react@17.0.2', 'loose-envify@1.4.0', 'js-tokens@4.0.0'],
      },
    ]);
    expect(entriesNamed(result, 'react-dom')).toEqual([
      {
        name: 'react-dom',
        version: '17.0.2',
        direct: true,
        dev: false,
        line: 32,
        path: ['react-dom@17.0.2'],
      },
    ]);
  });

  it('resolves catalog specifiers and npm: aliases, and leaves out links and file: folders', () => {
    const result = parseText('pnpm-lock.yaml', v9Catalog);

    expect(result.format).toBe('pnpm-lock v9.0');
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      'js-tokens@4.0.0',
      'lodash@4.17.21',
      'loose-envify@1.4.0',
      'react@18.3.1',
    ]);
    expect(entriesNamed(result, 'react')).toEqual([
      {
        name: 'react',
        version: '18.3.1',
        direct: true,
        dev: false,
        line: 48,
        path: ['react@18.3.1'],
      },
    ]);
    expect(entriesNamed(result, 'lodash')).toEqual([
      {
        name: 'lodash',
        version: '4.17.21',
        direct: true,
        dev: false,
        line: 41,
        path: ['lodash@4.17.21'],
      },
    ]);
    // js-tokens is reached first through the file: folder, which stays on the path.
    expect(entriesNamed(result, 'js-tokens')[0].path).toEqual([
      'left-pad@file:vendor/left-pad',
      'js-tokens@4.0.0',
    ]);
  });

  it('reads every document of the multi-document form', () => {
    const result = parseText('pnpm-lock.yaml', multiDocument);

    expect(result.format).toBe('pnpm-lock v9.0 + 9.0');
    expect(result.packages.map((p) => `${p.name}@${p.version}`)).toEqual([
      'pnpm@10.15.0',
      'ms@2.1.3',
    ]);
    expect(entriesNamed(result, 'ms')).toEqual([
      { name: 'ms', version: '2.1.3', direct: true, dev: false, line: 41, path: ['ms@2.1.3'] },
    ]);
    expect(entriesNamed(result, 'pnpm')).toEqual([
      {
        name: 'pnpm',
        version: '10.15.0',
        direct: true,
        dev: true,
        line: 15,
        path: ['pnpm@10.15.0'],
      },
    ]);
  });
});
