// Lint: typescript-eslint plus the house's dependency rules (docs/architecture.md, "Who may import what") as import rules.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';

const actions = readdirSync(new URL('./src/actions', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** The AWS layer: the only code that sends SDK commands. */
const AWS_LAYER = ['src/core/ecs/**/*.ts', 'src/core/elb/**/*.ts', 'src/core/autoscaling/**/*.ts', 'src/core/logs/**/*.ts', 'src/core/cloudwatch/**/*.ts'];

/** One no-restricted-imports config per room (a later config for the same file would replace the rule, not add). */
function importRooms(rooms) {
  return rooms.map(({ files, ignores, actionsCore, clients, commands }) => {
    const patterns = [];
    if (!clients) {
      patterns.push({ group: ['@aws-sdk/client-*'], importNamePattern: 'Client$', allowTypeImports: true, message: 'Only src/core/aws constructs SDK clients.' });
    }
    if (!commands) {
      patterns.push({
        group: ['@aws-sdk/client-*'],
        importNamePattern: 'Command$',
        allowTypeImports: true,
        message: 'Only the AWS layer (src/core/ecs, elb, autoscaling, logs, cloudwatch) sends SDK commands: call its functions.',
      });
    }
    const paths = actionsCore ? [] : [{ name: '@actions/core', message: 'Only src/core/io touches @actions/core.' }];
    return { files, ...(ignores ? { ignores } : {}), rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] } };
  });
}

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
            { target: './src/core', from: './src/suite', message: 'src/core never imports src/suite (the bundle entry).' },
            { target: './src/actions', from: './src/suite', message: 'An action never imports src/suite (the bundle entry).' },
            { target: './src/suite', from: './src/emulator', message: 'The bundle entry holds product code only.' },
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
  // Who may import what from outside (docs/architecture.md): only src/core/io touches @actions/core; only
  // src/core/aws constructs SDK clients; only the AWS layer (src/core/ecs, elb, autoscaling, logs) sends commands.
  ...importRooms([
    { files: ['src/core/aws/**/*.ts'], actionsCore: false, clients: true, commands: false },
    { files: AWS_LAYER, actionsCore: false, clients: false, commands: true },
    { files: ['src/core/io/**/*.ts'], actionsCore: true, clients: false, commands: false },
    { files: ['src/core/**/*.ts', 'src/actions/**/*.ts', 'src/suite/**/*.ts'], ignores: [...AWS_LAYER, 'src/core/aws/**/*.ts', 'src/core/io/**/*.ts'], actionsCore: false, clients: false, commands: false },
    { files: ['src/emulator/**/*.ts'], actionsCore: false, clients: false, commands: false },
  ]),
  {
    // Rooms stay small: a file holds one thing, a function fits on a screen (the emulator keeps its own limits).
    files: ['src/core/**/*.ts', 'src/actions/**/*.ts', 'src/suite/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 250 }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
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
