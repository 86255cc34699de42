// Lint, and above all the process boundaries (architecture.md §3.2):
// - only the Electron shell (electron/main/app) and the preload import 'electron';
// - renderer/ and shared/ import no Node built-in, no better-sqlite3 and nothing from electron/;
// - shared/ imports no React or zustand either (it runs in both processes and the CLI);
// - the sandboxed preload imports 'electron' and the channel list, nothing else.
// Type-checking each folder with its own environment (tsconfig per folder) backs this up.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noNodeInBrowserCode = {
  paths: [
    { name: 'electron', message: 'Only electron/main/app and the preload may import electron.' },
    { name: 'better-sqlite3', message: 'The database lives in the main process; go through window.api.' },
    ...nodeBuiltins.map((name) => ({ name, message: 'Node built-ins do not exist in the renderer; shared/ must run everywhere.' })),
  ],
  patterns: [{ regex: '^(\\.\\./)+electron/', message: 'renderer/ and shared/ may not import from electron/.' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.test-reports/**', '.dev-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'No focused tests.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', noNodeInBrowserCode],
      // Electron security #3: no Node in the page, not even by accident.
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noNodeInBrowserCode,
          paths: [...noNodeInBrowserCode.paths, { name: 'react', message: 'shared/ is UI-free.' }, { name: 'zustand', message: 'shared/ is UI-free.' }],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/cli/**/*.ts'],
    ignores: ['electron/main/app/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Handlers, guards and the data layer stay Electron-free so they run in Node tests; put Electron calls in electron/main/app.', allowTypeImports: true }],
          patterns: [{ group: ['**/renderer/**'], message: 'The main process does not import the UI.' }],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: 'shared/(?!ipc/channels$)', message: 'The sandboxed preload bundles only the channel list.' },
            { group: ['zod', 'better-sqlite3', 'node:*', '**/renderer/**', '**/main/**'], message: 'The sandboxed preload may import only electron and shared/ipc/channels.' },
          ],
        },
      ],
    },
  },
  {
    // Electron security #15: only safeOpenExternal may open anything outside the app.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/security/openExternal.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'shell', property: 'openExternal', message: 'Use the checked safeOpenExternal.' }],
    },
  },
);
