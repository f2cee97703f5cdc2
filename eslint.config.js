import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import formatjs from 'eslint-plugin-formatjs';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'playwright-report', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Messages (core/i18n/README.md): literal English in the declaration, a stable dotted id,
    // valid ICU, no hand-made whitespace layout. App rules (no-literal-string-in-jsx) come with
    // the app's conversion.
    files: ['core/**/*.ts', 'app/**/*.{ts,tsx}'],
    plugins: { formatjs },
    rules: {
      'formatjs/enforce-default-message': ['error', 'literal'],
      'formatjs/enforce-id': [
        'error',
        {
          idInterpolationPattern: '[sha512:contenthash:base64:6]',
          idWhitelist: ['^[a-z][a-zA-Z0-9]*(\\.[a-zA-Z0-9_-]+)+$'],
        },
      ],
      'formatjs/no-invalid-icu': 'error',
      'formatjs/no-multiple-whitespaces': 'error',
      'formatjs/no-offset': 'error',
      'formatjs/enforce-plural-rules': ['error', { one: true, other: true }],
      'formatjs/no-emoji': 'error',
    },
  },
  {
    // The core is the truth and stays framework-free (see DESIGN.md): no React, no store,
    // no DOM-owning d3, nothing from the app.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'core/ is framework-free: no React.' },
            { name: 'react-dom', message: 'core/ is framework-free: no React.' },
            { name: 'zustand', message: 'core/ holds no UI state.' },
            { name: 'd3-selection', message: 'core/ does not own the DOM.' },
            { name: 'd3-transition', message: 'core/ does not own the DOM.' },
            { name: 'd3-zoom', message: 'core/ does not own the DOM.' },
            { name: 'd3-brush', message: 'core/ does not own the DOM.' },
            { name: 'd3-axis', message: 'core/ does not own the DOM.' },
            { name: 'd3', message: 'Import the d3 module you need; core/ never owns the DOM.' },
          ],
          patterns: [
            { group: ['react/*', 'react-dom/*', 'zustand/*'], message: 'core/ is framework-free.' },
            {
              group: ['**/app/**', '../app', '../../app', '../../../app'],
              message: 'core/ never imports app/.',
            },
          ],
        },
      ],
    },
  },
);
