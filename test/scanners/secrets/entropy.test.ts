import { describe, expect, it } from 'vitest';

import { shannonEntropy } from '../../../src/scanners/secrets/entropy.js';

describe('shannonEntropy', () => {
  it.each([
    ['', 0],
    ['aaaa', 0],
    ['ab', 1],
    ['abcd', 2],
    ['aabb', 1],
    ['0123456789abcdef', 4],
    ['aaab', 0.8113],
  ])('%j has %d bits per character', (text, expected) => {
    expect(shannonEntropy(text)).toBeCloseTo(expected, 4);
  });
});
