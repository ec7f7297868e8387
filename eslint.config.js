// Lint: typescript-eslint plus the house's dependency rules (docs/architecture.md, "Who may import what") as import rules.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';

const actions = readdirSync(new URL('./src/actions', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

export default tseslint.config(
  { ignores: ['dist/**', '.build/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']", message: 'No process.exit outside entry points: set process.exitCode.' },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/core', from: './src/actions', message: 'src/core never imports src/actions.' },
            { target: './src/core', from: './src/emulator', message: 'src/core never imports src/emulator.' },
            { target: './src/emulator', from: './src/core', message: 'The emulator is independent of product code.' },
            { target: './src/emulator', from: './src/actions', message: 'The emulator is independent of product code.' },
            { target: './src', from: './test', message: 'Test helpers live under test/, never imported by src/.' },
            ...actions.map((a) => ({
              target: `./src/actions/${a}`,
              from: './src/actions',
              except: [`./${a}`],
              message: 'An action never imports another action: share through src/core.',
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['src/actions/**/*.ts', 'src/emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@actions/core', message: 'Only src/core/io touches @actions/core.' }],
          patterns: [{ group: ['@aws-sdk/client-*'], importNames: ['*Client'], message: 'Only src/core/aws constructs SDK clients.' }],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Entry points may end the process.
    files: ['src/emulator/cli.ts', 'src/actions/*/index.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
