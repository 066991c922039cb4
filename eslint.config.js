// Lint configuration: typescript-eslint's recommended rules on source, tests and benchmarks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // Rule samples, examples and benchmark corpora are deliberately vulnerable code, not ours to lint.
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'rules/**', 'examples/**', 'bench/corpus/**', 'test/**/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
);
