import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'web/dist/', 'bench/work/', 'tests/artifacts/'] },
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
  // Data flows one way: index/ builds, retrieval/ answers from what it built, server/ serves the answers.
  {
    files: ['index/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: floors('index/ builds the index', ['retrieval', 'server', 'web']) }] },
  },
  {
    files: ['retrieval/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: floors('retrieval/ answers below the HTTP surface', ['server', 'web']) }] },
  },
);

/** Import patterns that reach into the named top-level folders from a lower layer. */
function floors(layer, folders) {
  return folders.map((folder) => ({
    group: [`**/${folder}/**`],
    message: `${layer}: it must not import from ${folder}/, which sits above it.`,
  }));
}
