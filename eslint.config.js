import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'child_process', message: 'Use src/exec.ts (argv only, masked).' },
            { name: 'node:child_process', message: 'Use src/exec.ts (argv only, masked).' },
          ],
        },
      ],
    },
  },
  // exec.ts is the one module that starts processes; tests and benchmarks start fakes and the bundle.
  { files: ['src/exec.ts', '__tests__/**', 'bench/**', 'scripts/**'], rules: { 'no-restricted-imports': 'off' } },
);
