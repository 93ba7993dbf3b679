// @ts-check
/**
 * Lint: typescript-eslint's recommended rules (no type information, so it stays fast) and the
 * import boundaries between the domain, the client and the server (see each folder's tsconfig.json).
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Forbids the files of a block to import what resolves into `from` (except `except`, relative to
 * `from`). Paths are from the repository's root, wherever ESLint runs from.
 * @param {...{ from: string | string[], except?: string[], message: string }} zones
 */
const forbid = (...zones) => ({
  'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: zones.map((zone) => ({ target: '.', ...zone })) }],
});

const TOOLS = { from: ['e2e', 'bench'], message: 'e2e/ and bench/ are tools: the product never imports them.' };
// Tests that run the client's data layer as a device against the real server (checked with DOM
// types in the root tsconfig.json for the same reason).
const SERVER_TESTS_DRIVING_THE_CLIENT = ['server/testing/offline-device.ts', 'server/sync/offline-convergence.itest.ts'];

export default defineConfig(
  globalIgnores(['dist/', 'dist-server/', 'bench/results/', 'test-results/', 'playwright-report/', 'e2e/screenshots/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      // tsc's noUnusedLocals already reports unused locals; this one also flags `_` omissions and
      // the `typeof typed` schema idiom (a value used only for its type).
      '@typescript-eslint/no-unused-vars': 'off',
      // One import line per module (a type-only line beside a value line is allowed).
      'import-x/no-duplicates': 'error',
    },
  },
  {
    // Solid assigns the variables of `ref={element}` itself, in the compiled JSX.
    files: ['**/*.tsx'],
    rules: { 'no-unassigned-vars': 'off' },
  },
  {
    // Tests read raw JSON answers and stored documents, and feed deliberately ill-typed input.
    files: ['**/*.test.ts', '**/*.itest.ts', 'server/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/domain/**'],
    rules: forbid(
      { from: 'src', except: ['./domain'], message: 'The domain never imports the client: move the shared code into src/domain.' },
      { from: 'server', message: 'The domain never imports the server: move the shared code into src/domain.' },
      TOOLS,
    ),
  },
  {
    files: ['src/**'],
    ignores: ['src/domain/**'],
    rules: forbid({ from: 'server', message: 'The client never imports the server: shared code lives in src/domain.' }, TOOLS),
  },
  {
    files: ['server/**'],
    ignores: SERVER_TESTS_DRIVING_THE_CLIENT,
    rules: forbid({ from: 'src', except: ['./domain'], message: 'The server imports the client only through src/domain.' }, TOOLS),
  },
  { files: SERVER_TESTS_DRIVING_THE_CLIENT, rules: forbid(TOOLS) },
  // One logger per side: the client's errors go through src/log.ts, which reaches the server.
  { files: ['src/**'], ignores: ['src/log.ts', '**/*.test.ts'], rules: { 'no-console': 'error' } },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly', setInterval: 'readonly' } },
  },
);
