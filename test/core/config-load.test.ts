import { describe, expect, it } from 'vitest';

import { parseConfig } from '../../src/core/config-load.js';
import { BulwarkError } from '../../src/core/errors.js';

function errorOf(text: string): string {
  try {
    parseConfig(text, 'bulwark.yaml');
  } catch (error) {
    if (error instanceof BulwarkError) return error.describe();
    throw error;
  }
  throw new Error('expected an error');
}

describe('parseConfig', () => {
  it('fills every default from a minimal file', () => {
    const config = parseConfig('version: 1\n', 'bulwark.yaml');
    expect(config.failOn).toBe('high');
    expect(config.maxFileSize).toBe('2MB');
    expect(config.ignore).toEqual([]);
    expect(config.scanners.secrets.enabled).toBe(true);
    expect(config.scanners.secrets.allowlist).toEqual({ paths: [], regexes: [], stopwords: [] });
  });

  it('keeps explicit settings', () => {
    const config = parseConfig(
      'version: 1\nfailOn: medium\nmaxFileSize: 512KB\nignore: [vendor/]\nseverity:\n  secrets/jwt: low\n',
      'bulwark.yaml',
    );
    expect(config.failOn).toBe('medium');
    expect(config.maxFileSize).toBe('512KB');
    expect(config.ignore).toEqual(['vendor/']);
    expect(config.severity).toEqual({ 'secrets/jwt': 'low' });
  });

  it.each([
    [
      'an unknown severity',
      'version: 1\nfailOn: hgh\n',
      'bulwark.yaml:2:1: failOn: Invalid option: expected one of "critical"|"high"|"medium"|"low"|"info"\n  hint: expected one of: critical, high, medium, low, info',
    ],
    [
      'an unknown nested key',
      'version: 1\nscanners:\n  secrets:\n    enabld: true\n',
      'bulwark.yaml:4:5: scanners.secrets: Unrecognized key: "enabld"\n  hint: remove enabld; see docs/configuration.md for the allowed keys',
    ],
    [
      'a YAML syntax error',
      'version: 1\nignore: [a\n',
      'bulwark.yaml:3:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n  hint: fix the YAML syntax at that position',
    ],
    [
      'a missing version',
      'failOn: high\n',
      'bulwark.yaml:1:1: version: Invalid input: expected 1\n  hint: expected one of: 1',
    ],
    ['an empty file', '', 'bulwark.yaml:1: the file is empty\n  hint: start it with `version: 1`'],
    [
      'a wrong type',
      'version: 1\nignore: vendor\n',
      'bulwark.yaml:2:1: ignore: Invalid input: expected array, received string\n  hint: expected array',
    ],
  ])('reports %s with file, line and column', (_name, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });
});
