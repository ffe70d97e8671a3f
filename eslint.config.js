// The walls between the parts (../shared/docs/architecture.md):
// - shared/ is pure: nothing outside itself, nothing from Node, the DOM or Electron;
// - renderer/ never imports electron/ nor Node;
// - only electron/main.ts, electron/preload.ts, electron/ipc/ and electron/shell/ may import `electron`
//   (so that every service and test runs under plain Node).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronImport = { name: 'electron', message: 'Only electron/main.ts, electron/preload.ts, electron/ipc/ and electron/shell/ may import electron.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', '.native/**'] },
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
