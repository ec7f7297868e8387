/**
 * The root action.yml cannot drift from the actions: it lists exactly `command` plus the union of the inputs of
 * actions/*\/action.yml, and exactly the union of their outputs, each with every action's own description (and
 * default) word for word, and declares no default (src/suite/root-command.ts explains why). It is also byte for
 * byte what scripts/root-action.mjs generates, so `npm run build` is the only way it changes.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Spec {
  description?: string;
  default?: string | number | boolean;
  required?: boolean;
}
interface ActionYml {
  inputs?: Record<string, Spec>;
  outputs?: Record<string, Spec>;
  runs?: { using?: string; main?: string };
}

const root = join(import.meta.dirname, '..', '..');
const read = (file: string): ActionYml => parse(readFileSync(file, 'utf8')) as ActionYml;
const actions = readdirSync(join(root, 'actions'))
  .filter((name) => statSync(join(root, 'actions', name)).isDirectory())
  .sort()
  .map((name) => ({ name, yml: read(join(root, 'actions', name, 'action.yml')) }));
const rootYml = read(join(root, 'action.yml'));

const union = (key: 'inputs' | 'outputs'): string[] => [...new Set(actions.flatMap((a) => Object.keys(a.yml[key] ?? {})))].sort();

/** The line of a root description that carries `command`'s description: `a, b: <description>[ (default: 'v')]`. */
function lineFor(rootDescription: string, command: string): string | undefined {
  for (const line of rootDescription.split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0 && line.slice(0, at).split(', ').includes(command)) return line.slice(at + 2);
  }
  return undefined;
}

describe('root action.yml', () => {
  it('finds the actions it is made from', () => {
    expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(['ecs-rolling', 'ecs-run-task']));
  });

  it('has exactly command plus the union of the actions\' inputs, and the union of their outputs', () => {
    expect(Object.keys(rootYml.inputs ?? {}).sort()).toEqual(['command', ...union('inputs')].sort());
    expect(Object.keys(rootYml.outputs ?? {}).sort()).toEqual(union('outputs'));
  });

  it('declares no default, so a non-empty INPUT_<NAME> was given in the step (mode included)', () => {
    const withDefault = Object.entries(rootYml.inputs ?? {}).filter(([, spec]) => spec.default !== undefined);
    expect(withDefault.map(([name]) => name)).toEqual([]);
    expect(rootYml.inputs?.['mode']).toBeDefined();
  });

  for (const key of ['inputs', 'outputs'] as const) {
    it(`gives every action's ${key} description (and default) word for word`, () => {
      const missing: string[] = [];
      for (const { name, yml } of actions) {
        for (const [id, spec] of Object.entries(yml[key] ?? {})) {
          const expected = spec.default === undefined ? spec.description : `${spec.description} (default: '${String(spec.default)}')`;
          const line = lineFor(rootYml[key]?.[id]?.description ?? '', name);
          if (line !== expected) missing.push(`${key}.${id} of ${name}: root says ${JSON.stringify(line)}`);
        }
      }
      expect(missing).toEqual([]);
    });
  }

  it('names every command in the command input and runs the root entry on node24', () => {
    const description = rootYml.inputs?.['command']?.description ?? '';
    for (const { name } of actions) expect(description).toContain(name);
    expect(rootYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('is exactly what scripts/root-action.mjs generates (npm run build writes it)', () => {
    const generated = execFileSync(process.execPath, [join(root, 'scripts', 'root-action.mjs'), '--print'], { cwd: root, encoding: 'utf8' });
    expect(readFileSync(join(root, 'action.yml'), 'utf8')).toBe(generated);
  });
});
