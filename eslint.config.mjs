// ESLint for the TypeScript sources (type-aware: promises and `any`) and the browser code in
// webchat/ and console/ (plain ES modules, type-checked by tsconfig.browser.json).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['node_modules/', 'generated/', 'dist/', 'data/', 'coverage/', 'test-artifacts/', 'appPackage/build/'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['prisma.config.ts', 'types/*.d.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The package's index loads the prompts' text recognizers (a second and 37 MB of RSS) that no dialog here uses.
    files: ['bot/**/*.ts', 'dialogs/**/*.ts', 'cards/**/*.ts'],
    ignores: ['dialogs/sdk.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'botbuilder-dialogs', message: "Import from dialogs/sdk.ts (the index loads every prompt's recognizers)." }] },
      ],
    },
  },
  {
    // Sanitisers match control characters and ZWJ/ZWNJ on purpose.
    files: ['**/*.ts'],
    rules: { 'no-control-regex': 'off', 'no-misleading-character-class': 'off' },
  },
  {
    // jest's asymmetric matchers (expect.any, expect.objectContaining, …) are typed `any`, and tests parse
    // JSON bodies to assert on them; the promise rules and no-explicit-any still hold in tests.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['webchat/**/*.js', 'console/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser } },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }] },
  },
  {
    files: ['console/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { microsoftTeams: 'readonly', Chart: 'readonly' } },
  },
  {
    files: ['webchat/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { WebChat: 'readonly' } },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.mjs', 'jest.config.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
);
