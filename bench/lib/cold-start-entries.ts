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
import { CLUSTER, createLoadBalancer, createServiceDirectly, ensureCluster, IMAGE_REPO, rollingInputs, serviceDefinitionYaml, serviceWorkspace, taskDefinitionYaml } from './fixtures.js';

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

/** ecs-canary of service `cold` (dry run: its reads, then the plan; the first request is the base service's read). */
async function canary(emu: BenchEmulator): Promise<Prepared> {
  await createServiceDirectly(emu, 'cold', 1, `${IMAGE_REPO}:1.0`);
  const workspace = makeWorkspace({ 'cold-task.yaml': taskDefinitionYaml('cold') });
  return { inputs: { cluster: CLUSTER, service: 'cold', 'task-definition': 'cold-task.yaml', image: `${IMAGE_REPO}:2.0`, 'dry-run': 'true' }, workspace };
}

/** ecs-bluegreen-swap deploy of `cold` behind load balancer `cold` (prod 80, stage 8080), as a dry run. */
async function blueGreen(emu: BenchEmulator): Promise<Prepared> {
  await ensureCluster(emu);
  await createLoadBalancer(emu, 'cold', [80, 8080]);
  const service = serviceDefinitionYaml('cold', 1).replace(/^serviceName: .*$/m, 'serviceName: cold') +
    'loadBalancers:\n  - targetGroupArn: <+targetGroupArn>\n    containerName: web\n    containerPort: 8080\n';
  const workspace = makeWorkspace({ 'cold-task.yaml': taskDefinitionYaml('cold'), 'cold-service.yaml': service });
  return {
    inputs: {
      cluster: CLUSTER,
      'load-balancer': 'cold',
      'prod-listener': '80',
      'stage-listener': '8080',
      'task-definition': 'cold-task.yaml',
      'service-definition': 'cold-service.yaml',
      image: `${IMAGE_REPO}:2.0`,
      'dry-run': 'true',
    },
    workspace,
  };
}

/** register-delegate, Fargate preset, token from Secrets Manager, as a dry run (reads the live service, changes nothing). */
async function delegate(emu: BenchEmulator): Promise<Prepared> {
  await ensureCluster(emu);
  return {
    inputs: {
      cluster: CLUSTER,
      preset: 'fargate',
      'account-id': 'px7xd_BFRCi-pfWPYXVjvw',
      'delegate-token-secret-arn': 'arn:aws:secretsmanager:us-east-1:123456789012:secret:harness/delegate-token-AbCdEf',
      'manager-host-and-port': 'https://app.harness.io',
      'execution-role-arn': 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      subnets: 'subnet-0a1b2c3d',
      'security-groups': 'sg-0a1b2c3d',
      'dry-run': 'true',
    },
    workspace: makeWorkspace({}),
  };
}

const withCommand = (command: string, p: Prepared): Prepared => ({ ...p, inputs: { command, ...p.inputs } });

type Bad = ColdStartEntry['badInput'];

/** An action's own entry and the root action running it, with the same run and the same bad input. */
function both(name: string, prepare: (emu: BenchEmulator) => Promise<Prepared>, badInput: Bad): ColdStartEntry[] {
  return [
    { name, script: entryPath(name), prepare, badInput },
    { name: `${ROOT_ACTION} → ${name}`, script: entryPath(ROOT_ACTION), prepare: async (emu) => withCommand(name, await prepare(emu)), badInput },
  ];
}

/** The three actions after the first two, each directly and through the root action. */
function laterEntries(): ColdStartEntry[] {
  return [
    ...both('ecs-canary', canary, { what: 'canary-count and canary-percent both given', inputs: (p) => ({ ...p.inputs, 'canary-count': '1', 'canary-percent': '10' }) }),
    ...both('ecs-bluegreen-swap', blueGreen, { what: 'traffic-steps that fall (50,10)', inputs: (p) => ({ ...p.inputs, mode: 'swap', 'traffic-steps': '50,10' }) }),
    ...both('register-delegate', delegate, { what: 'a manager URL that is not https', inputs: (p) => ({ ...p.inputs, 'manager-host-and-port': 'http://app.harness.io' }) }),
  ];
}

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
    ...laterEntries(),
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
