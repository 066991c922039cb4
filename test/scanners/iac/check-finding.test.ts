import { describe, expect, it } from 'vitest';

import { fillTemplate } from '../../../src/scanners/iac/check-finding.js';

describe('message and fix templates', () => {
  it.each([
    [
      'Container {container} of {resource} runs privileged.',
      'Container app of Pod/a runs privileged.',
    ],
    ['{value}', 'web:latest'],
    ['{value} and {value}', 'web:latest and web:latest'],
    ['Unknown {nothing} stays.', 'Unknown {nothing} stays.'],
    ['podSelector: {} and {privileged: false}', 'podSelector: {} and {privileged: false}'],
    ['no placeholders', 'no placeholders'],
  ])('%s', (template, expected) => {
    const vars = { container: 'app', resource: 'Pod/a', value: 'web:latest' };
    expect(fillTemplate(template, vars)).toBe(expected);
    expect(fillTemplate(template, vars)).toBe(expected);
  });
});
