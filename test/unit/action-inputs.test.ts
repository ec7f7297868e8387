/**
 * Every action's declared inputs (actions/<name>/action.yml) equal its INPUT_NAMES (src/actions/<name>/inputs.ts),
 * every declared input is read somewhere in src/actions/<name>/, and every input name the sources pass to an
 * Inputs reader is declared. (At run time, Inputs also refuses to read an undeclared name.)
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const actionsDir = join(root, 'actions');

function actionFolders(): string[] {
  if (!existsSync(actionsDir)) return [];
  return readdirSync(actionsDir)
    .filter((name) => statSync(join(actionsDir, name)).isDirectory())
    .sort();
}

function declaredInputs(name: string): string[] {
  const doc = parse(readFileSync(join(actionsDir, name, 'action.yml'), 'utf8')) as { inputs?: Record<string, unknown> | null };
  return Object.keys(doc.inputs ?? {});
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => f.endsWith('.ts') && statSync(f).isFile())
    .sort();
}

/** The sources' text without the INPUT_NAMES list itself (a name listed there is declared, not read). */
function sourcesWithoutInputList(dir: string): { file: string; text: string }[] {
  return sourceFiles(dir).map((file) => ({
    file: relative(root, file),
    text: stripInputList(readFileSync(file, 'utf8')),
  }));
}

function stripInputList(text: string): string {
  return text.replace(/\bINPUT_NAMES\b\s*(?::[^=]*)?=\s*\[[\s\S]*?\]/g, 'INPUT_NAMES = []');
}

function isQuoted(text: string, name: string): boolean {
  return ["'", '"', '`'].some((q) => text.includes(`${q}${name}${q}`));
}

/** Input names passed as string literals to Inputs readers, e.g. `inputs.integer('count', ...)`. */
function namesPassedToReaders(text: string): string[] {
  const readers = 'raw|has|required|optional|boolean|integer|number|enumValue|json|yamlOrJson|list|exclusive';
  const names: string[] = [];
  const call = new RegExp(`\\.(?:${readers})\\(\\s*(['"])([a-z0-9-]+)\\1(?:\\s*,\\s*(['"])([a-z0-9-]+)\\3)?`, 'g');
  for (const m of text.matchAll(call)) {
    if (m[2] !== undefined) names.push(m[2]);
    if (m[4] !== undefined) names.push(m[4]);
  }
  return names;
}

const folders = actionFolders();
const withActionYml = folders.filter((name) => existsSync(join(actionsDir, name, 'action.yml')));

describe('action inputs', () => {
  it('finds the action folders under actions/, each with an action.yml', () => {
    expect(withActionYml).toEqual(folders);
    for (const name of withActionYml) expect(declaredInputs(name).length).toBeGreaterThan(0);
  });

  it('reader-call detection finds names in the shapes actions use', () => {
    const sample = "x.required('cluster'); y.integer(\n 'count', {min: 1}); z.exclusive('task-definition', \"task-definition-arn\");";
    expect(namesPassedToReaders(sample)).toEqual(['cluster', 'count', 'task-definition', 'task-definition-arn']);
  });

  it('does not count the INPUT_NAMES list itself as reading an input', () => {
    const text = "export const INPUT_NAMES = [\n  'cluster',\n  'wait',\n] as const;\nconst w = inputs.enumValue('wait', ['a'], 'a');";
    const stripped = stripInputList(text);
    expect(isQuoted(stripped, 'cluster')).toBe(false);
    expect(isQuoted(stripped, 'wait')).toBe(true);
  });

  for (const name of withActionYml) {
    describe(name, () => {
      const srcDir = join(root, 'src', 'actions', name);

      it(`INPUT_NAMES in src/actions/${name}/inputs.ts equals the inputs of actions/${name}/action.yml`, async () => {
        expect(existsSync(join(srcDir, 'inputs.ts'))).toBe(true);
        const mod = (await import(`../../src/actions/${name}/inputs.js`)) as { INPUT_NAMES?: readonly string[] };
        expect(Array.isArray(mod.INPUT_NAMES)).toBe(true);
        const listed = [...(mod.INPUT_NAMES ?? [])];
        expect(new Set(listed).size).toBe(listed.length);
        expect([...listed].sort()).toEqual([...declaredInputs(name)].sort());
      });

      it('reads every declared input somewhere in its sources', () => {
        const sources = sourcesWithoutInputList(srcDir);
        const unread = declaredInputs(name).filter((input) => !sources.some((s) => isQuoted(s.text, input)));
        expect(unread).toEqual([]);
      });

      it('passes only declared input names to the Inputs readers', () => {
        const declared = new Set(declaredInputs(name));
        const undeclared = sourcesWithoutInputList(srcDir).flatMap((s) =>
          namesPassedToReaders(s.text)
            .filter((input) => !declared.has(input))
            .map((input) => `${s.file}: ${input}`),
        );
        expect(undeclared).toEqual([]);
      });
    });
  }
});
