import { describe, expect, it } from 'vitest';

import { defaultConfig } from '../../src/core/config-schema.js';
import { parseConfig } from '../../src/core/config-load.js';
import { planScan } from '../../src/core/tiers.js';

describe('planScan', () => {
  const config = defaultConfig();

  it.each([
    [
      'no flags: the whole tree, every scanner',
      {},
      {
        files: 'all',
        since: undefined,
        history: undefined,
        scanners: undefined,
        tags: undefined,
        fastOnly: false,
      },
    ],
    [
      '--staged',
      { staged: true },
      {
        files: 'staged',
        since: undefined,
        history: undefined,
        scanners: undefined,
        tags: undefined,
        fastOnly: false,
      },
    ],
    [
      '--since main',
      { since: 'main' },
      {
        files: 'changed',
        since: 'main',
        history: undefined,
        scanners: undefined,
        tags: undefined,
        fastOnly: false,
      },
    ],
    [
      '--history alone reads commits only',
      { history: true },
      {
        files: 'none',
        since: undefined,
        history: 'HEAD',
        scanners: undefined,
        tags: undefined,
        fastOnly: false,
      },
    ],
    [
      '--history with a range',
      { history: 'v1..HEAD' },
      {
        files: 'none',
        since: undefined,
        history: 'v1..HEAD',
        scanners: undefined,
        tags: undefined,
        fastOnly: false,
      },
    ],
    [
      'the commit tier',
      { tier: 'commit' as const },
      {
        files: 'staged',
        since: undefined,
        history: undefined,
        scanners: undefined,
        tags: ['fast'],
        fastOnly: true,
      },
    ],
    [
      'the pull-request tier',
      { tier: 'pull-request' as const },
      {
        files: 'changed',
        since: 'origin/main',
        history: undefined,
        scanners: undefined,
        tags: undefined,
        fastOnly: false,
      },
    ],
    [
      'the pull-request tier with --since',
      { tier: 'pull-request' as const, since: 'develop' },
      {
        files: 'changed',
        since: 'develop',
        history: undefined,
        scanners: undefined,
        tags: undefined,
        fastOnly: false,
      },
    ],
    [
      'the scheduled tier',
      { tier: 'scheduled' as const },
      {
        files: 'all',
        since: undefined,
        history: 'HEAD',
        scanners: undefined,
        tags: undefined,
        fastOnly: false,
      },
    ],
  ])('%s', (_name, flags, expected) => {
    expect(planScan(config, flags)).toEqual(expected);
  });

  it('takes a tier from bulwark.yaml over the default', () => {
    const custom = parseConfig(
      'version: 1\ntiers:\n  commit:\n    files: staged\n    scanners: [secrets, iac]\n    tags: [fast]\n',
      'bulwark.yaml',
    );
    expect(planScan(custom, { tier: 'commit' })).toEqual({
      files: 'staged',
      since: undefined,
      history: undefined,
      scanners: ['secrets', 'iac'],
      tags: ['fast'],
      fastOnly: false,
    });
  });
});
