import { describe, expect, it } from 'vitest';

import { redactUrls } from '../../src/proxy/url-redact.js';

describe('redactUrls', () => {
  it.each([
    ['http://user:hunter2@127.0.0.1:9/express', 'http://user:***@127.0.0.1:9/express'],
    [
      'upstream unreachable for https://ci:s3cret@registry.example.com/a/-/a-1.0.0.tgz?token=T0P&x=1: connect',
      'upstream unreachable for https://ci:***@registry.example.com/a/-/a-1.0.0.tgz?token=***&x=***: connect',
    ],
    ['https://npm_T0ken@registry.example.com/', 'https://***@registry.example.com/'],
    ['https://registry.npmjs.org/lodash', 'https://registry.npmjs.org/lodash'],
    ['see docs/proxy.md?x=1 for more', 'see docs/proxy.md?x=1 for more'],
    ['{"npmUpstream":"http://u:p@h/"}', '{"npmUpstream":"http://u:***@h/"}'],
  ])('%s', (text, expected) => {
    expect(redactUrls(text)).toBe(expected);
  });
});
