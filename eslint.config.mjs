// npm run lint: typescript-eslint over the TS and JS sources. Promises left floating are errors
// where a user's code is shown (tests, examples, the porting guide's snippets): an un-awaited wait
// there is the bug a porter would copy.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'eslint.config.mjs',
      'test/types/compiles*',
      'jest.config.js',
      'dist/',
      'build/',
      'build-asan/',
      'prebuilds/',
      'node_modules/',
      'test/types/rejects*.ts',
      '**/*.tmp.*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.lint.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Arity is PyQt6's: methods count what they were given (`arguments`), an explicit undefined included.
      'prefer-rest-params': 'off',
      // PyQt6's enums have aliases (QNetworkInterface.InterfaceType.Wifi == Ieee80211).
      '@typescript-eslint/no-duplicate-enum-values': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        __filename: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        AbortController: 'readonly',
        queueMicrotask: 'readonly',
        AbortSignal: 'readonly',
        global: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**', 'examples/**', '.lint/docs/**'],
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
);
