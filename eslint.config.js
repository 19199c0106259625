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
  // `plan` loads no SDK: what it reaches (the registry, each provider's index and plan modules, the shared
  // layers it renders with) imports no SDK and no SDK-bound module, except as types; the providers load
  // apply.ts and cloud.ts (and with them the SDK clients) with a dynamic import when a command needs them.
  // And a run loads only its own provider: these files import nothing from a provider's folder (src/inputs.ts
  // its region tables, light data); the registry imports it when asked (__tests__/lazy-providers.test.ts).
  {
    files: [
      'src/main.ts',
      'src/commands/*.ts',
      'src/providers/*.ts',
      'src/providers/*/index.ts',
      'src/providers/*/plan.ts',
      'src/providers/*/upgrade.ts',
      'src/providers/*/network.ts',
      'src/providers/*/differences.ts',
      'src/desired.ts',
      'src/record.ts',
      'src/verify/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'child_process', message: 'Use src/exec.ts (argv only, masked).' },
            { name: 'node:child_process', message: 'Use src/exec.ts (argv only, masked).' },
          ],
          patterns: [
            {
              group: ['@google-cloud/*', '@aws-sdk/*', '@kubernetes/*', 'google-auth-library', '@smithy/*'],
              message: 'plan loads no SDK: import it in a provider client, loaded on demand.',
              allowTypeImports: true,
            },
            {
              // The registry (src/providers/index.ts) imports a provider's module when that provider is asked for.
              group: ['**/providers/aws/**', '**/providers/gcp/**', './aws/**', './gcp/**'],
              message:
                'a run loads only its own provider: ask the Provider (providerOf / loadProvider in src/providers/index.ts).',
              allowTypeImports: true,
            },
            {
              group: [
                '**/apply.js',
                '**/cloud.js',
                '**/gke.js',
                '**/rest.js',
                '**/eks.js',
                '**/eks-token.js',
                '**/clients/kube.js',
              ],
              message: 'plan loads no SDK-bound module: import it with await import() where a command needs it.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
