import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'web/dist/', 'bench/work/', 'tests/artifacts/', '.build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['web/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // Data flows one way: index/ builds, retrieval/ answers from what it built, server/ and web/ serve the answers;
  // contract/ holds the API types they share.
  {
    files: ['index/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: floors('index/ builds the index', ['retrieval', 'server', 'web']) }] },
  },
  {
    files: ['retrieval/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: floors('retrieval/ answers below the HTTP surface', ['server', 'web']) }] },
  },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: floors('server/ serves the page as files', ['web']) }] },
  },
  // The page runs in the browser: of the project it may take only the API's shared contract.
  {
    files: ['web/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: floors('web/ is the browser page', ['index', 'retrieval', 'server', 'bench'], 'which runs in Node') }] },
  },
  // The contract is what every layer agrees on, so it depends on none of them.
  {
    files: ['contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: floors('contract/ holds the API types every layer shares', ['index', 'retrieval', 'server', 'web'], 'which builds on it') }] },
  },
);

/** Import patterns that reach from one layer into the named top-level folders, which it must not use. */
function floors(layer, folders, why = 'which sits above it') {
  return folders.map((folder) => ({
    group: [`**/${folder}/**`],
    message: `${layer}: it must not import from ${folder}/, ${why}.`,
  }));
}
