// The walls between the parts (../shared/docs/architecture.md):
// - shared/ is pure: nothing outside itself, nothing from Node, the DOM or Electron;
// - renderer/ never imports electron/ nor Node;
// - only electron/main.ts, electron/preload.ts, electron/ipc/ and electron/shell/ may import `electron`
//   (so that every service and test runs under plain Node);
// - no import cycles among the project's own modules (value imports; `import type` is free);
// - the main process's layers point one way (docs/architecture.md, "Main process layout"):
//   backend.ts → app/ → services/ → session/, data/, db/ — never back.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronImport = { name: 'electron', message: 'Only electron/main.ts, electron/preload.ts, electron/ipc/ and electron/shell/ may import electron.' };
const upward = (from, group, why) => ({
  files: [`electron/${from}/**`],
  rules: { 'no-restricted-imports': ['error', { paths: [electronImport], patterns: [{ group, message: why }] }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.native/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronImport] }],
    },
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  upward('services', ['**/app', '**/app/**', '**/backend'], 'services/ is the domain layer: it takes ports (session/, data/) and never imports app/ or backend.ts.'),
  upward('session', ['**/services/**', '**/app', '**/app/**', '**/backend'], 'session/ sits below the services: it imports no service, nor app/ or backend.ts.'),
  upward('data', ['**/services/**', '**/app', '**/app/**', '**/backend'], 'data/ sits below the services: it imports no service, nor app/ or backend.ts.'),
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, ...nodeModules.map((name) => ({ name, message: 'shared/ is pure TypeScript: no Node.' }))],
          patterns: [
            { group: ['../../*', '**/electron/**', '**/renderer/**', '**/test/**'], message: 'shared/ imports nothing outside itself.' },
            { group: ['react', 'react-dom', 'react/*', '@mantine/*'], message: 'shared/ has no DOM or UI code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [electronImport, ...nodeModules.map((name) => ({ name, message: 'The renderer is sandboxed: no Node.' }))],
          patterns: [{ group: ['**/electron/**', '../electron/*'], message: 'renderer/ talks to the main process only through renderer/api.ts.' }],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc/**', 'electron/shell/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
