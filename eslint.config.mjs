import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through the config module.' },
      ],
    },
  },
  {
    files: ['**/config.ts', '**/run-command.ts', '**/run-subgraph.ts', '**/start.ts', '**/migrate.ts', '**/seed.ts', '**/simulate.ts', '**/token.ts', '**/fuzz.ts', '**/documents-publish.ts', '**/index.ts', 'test/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
