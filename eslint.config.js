// ESLint for the whole workspace (`pnpm lint`): typescript-eslint's recommended rules for api and
// web, eslint-plugin-svelte's for the Svelte components. Formatting is Prettier's (`pnpm format`).
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/build/**', '**/.svelte-kit/**', '**/dist/**', '**/.scratch/**', 'web/src/lib/gql/**', 'supabase/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks what is deliberately unused (a destructured field left out, a callback's first argument)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // `any` is allowed where a library's types fall short (faker internals, postgres.js rows); each use stays local
      '@typescript-eslint/no-explicit-any': 'off',
      // resolve() is for apps served under a base path; tdg's routes are served from the root
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
);
