/**
 * The entry points the cold-start benchmark starts (bench/cold-start.ts): each action's entry (dist/<name>/index.js),
 * the root action's (dist/index.js) running each command, and, when given by path, a reference bundle (the official
 * aws-actions/amazon-ecs-deploy-task-definition dist/index.js). For each, the inputs of a short run whose first AWS
 * request is measured, and the inputs of a run that fails on a bad input (no AWS request at all).
 */
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { entryPath, makeWorkspace, ROOT_ACTION } from '../../test/helpers/run-action.js';
import type { BenchEmulator } from './emulator.js';
import { CLUSTER, createServiceDirectly, ensureCluster, IMAGE_REPO, rollingInputs, serviceWorkspace, taskDefinitionYaml } from './fixtures.js';

export interface Prepared {
  inputs: Record<string, string>;
  workspace: string;
}

export interface ColdStartEntry {
  /** Row name, e.g. `ecs-rolling` or `root → ecs-run-task`. */
  name: string;
  /** The script node starts. */
  script: string;
  /** Sets up AWS for a run and returns its inputs (the run goes on past its first request; only that is measured). */
  prepare(emu: BenchEmulator): Promise<Prepared>;
  /** A bad input: the run must fail before any AWS request. */
  badInput: { what: string; inputs(prepared: Prepared): Record<string, string> };
}

async function rolling(emu: BenchEmulator): Promise<Prepared> {
  const ws = serviceWorkspace(['cold'], 1);
  await createServiceDirectly(emu, 'cold', 1, `${IMAGE_REPO}:1.0`);
  const files = ws.files.get('cold');
  if (!files) throw new Error('no files');
  return { inputs: rollingInputs(files, `${IMAGE_REPO}:2.0`, { 'wait-for-steady-state': 'false' }), workspace: ws.dir };
}

async function runTask(emu: BenchEmulator): Promise<Prepared> {
  await ensureCluster(emu);
  const workspace = makeWorkspace({
    'job-task.yaml': taskDefinitionYaml('job'),
    'job-request.yaml': 'launchType: FARGATE\nnetworkConfiguration:\n  awsvpcConfiguration:\n    subnets: [subnet-0a1b2c3d]\n',
  });
  return {
    inputs: { cluster: CLUSTER, 'task-definition': 'job-task.yaml', 'run-task-request': 'job-request.yaml', image: `${IMAGE_REPO}:exit-0`, wait: 'none' },
    workspace,
  };
}

const withCommand = (command: string, p: Prepared): Prepared => ({ ...p, inputs: { command, ...p.inputs } });

/** The actions' own entries and the root action running each of them. */
export function suiteEntries(): ColdStartEntry[] {
  const badMode = { what: "ecs-rolling's mode: sideways", inputs: (p: Prepared) => ({ ...p.inputs, mode: 'sideways' }) };
  const badCount = { what: "ecs-run-task's count: 0", inputs: (p: Prepared) => ({ ...p.inputs, count: '0' }) };
  return [
    { name: 'ecs-rolling', script: entryPath('ecs-rolling'), prepare: rolling, badInput: badMode },
    { name: 'ecs-run-task', script: entryPath('ecs-run-task'), prepare: runTask, badInput: badCount },
    {
      name: `${ROOT_ACTION} → ecs-rolling`,
      script: entryPath(ROOT_ACTION),
      prepare: async (emu) => withCommand('ecs-rolling', await rolling(emu)),
      // Caught by the root's own check, before the action's code is loaded.
      badInput: { what: "ecs-run-task's count given to ecs-rolling (the root's check)", inputs: (p) => ({ ...p.inputs, count: '2' }) },
    },
    {
      name: `${ROOT_ACTION} → ecs-run-task`,
      script: entryPath(ROOT_ACTION),
      prepare: async (emu) => withCommand('ecs-run-task', await runTask(emu)),
      badInput: badCount,
    },
  ];
}

/**
 * The official aws-actions/amazon-ecs-deploy-task-definition bundle at `path` (its dist/index.js): registers the
 * task definition (its first request) and updates the service, without waiting; the bad input is a missing
 * task-definition (its required input).
 */
export function referenceEntry(path: string): ColdStartEntry {
  return {
    name: 'reference: aws-actions/amazon-ecs-deploy-task-definition',
    script: resolve(path),
    prepare: async (emu) => {
      await createServiceDirectly(emu, 'cold', 1, `${IMAGE_REPO}:1.0`);
      const td = parse(taskDefinitionYaml('cold').replace('<+artifact.image>', `${IMAGE_REPO}:2.0`)) as unknown;
      return {
        inputs: { 'task-definition': 'task-definition.json', service: 'cold', cluster: CLUSTER, 'wait-for-service-stability': 'false' },
        workspace: makeWorkspace({ 'task-definition.json': JSON.stringify(td, null, 2) }),
      };
    },
    badInput: { what: 'no task-definition (required)', inputs: (p) => ({ service: p.inputs['service'] ?? '', cluster: CLUSTER }) },
  };
}
