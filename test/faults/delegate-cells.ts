/**
 * register-delegate in the fault matrix (issue 14): an upgrade of an installed EC2 delegate (2 replicas, host port
 * 8080, one per container instance) from image v1 to v2. A few fast cells only: three phases × the four quick faults
 * (throttling, InternalFailure, a dropped connection, SIGINT). The invariant: the step succeeded and the service runs
 * v2 with 2 delegates running, or it failed naming its cause and the service runs v1 with its 2 delegates.
 */
import { CreateClusterCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { TestEmulator } from '../helpers/emulator.js';
import { makeWorkspace, runAction } from '../helpers/run-action.js';
import type { CellRun } from './cell.js';
import { CANCELLED, type Expectation, type Fault, type Phase, type PhasePlan } from './matrix.js';

export const DELEGATE_CLUSTER = 'tools';
export const IMAGE_V1 = 'harness/delegate:24.01.82108';
export const IMAGE_V2 = 'harness/delegate:24.02.82203';

/** The phases and faults this action's row runs (the slow ones — 10 s latency, SIGTERM, the rollback — are left out). */
export const DELEGATE_PHASES = ['before the first mutation', 'between mutations', 'while waiting'] as const satisfies readonly Phase[];
export const DELEGATE_FAULTS = ['ThrottlingException on 50% of calls', 'InternalFailure once', 'dropped connection once', 'SIGINT'] as const satisfies readonly Fault[];

export const delegateInputs = (image: string): Record<string, string> => ({
  cluster: DELEGATE_CLUSTER,
  'account-id': 'acct-1234',
  'delegate-token-secret-arn': 'arn:aws:secretsmanager:us-east-1:123456789012:secret:harness/token-AbCdEf',
  'execution-role-arn': 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  'manager-host-and-port': 'https://app.harness.io',
  image,
  replicas: '2',
  'timeout-minutes': '2',
});

/** Calls in order: DescribeServices (compare), DescribeTaskDefinition, …, RegisterTaskDefinition, UpdateService, DescribeServices (polls). */
export const DELEGATE_PLANS: Record<(typeof DELEGATE_PHASES)[number], PhasePlan> = {
  'before the first mutation': {
    target: { operation: 'RegisterTaskDefinition', after: 0 },
    marker: /::group::Task definition/,
    stretch: { operation: 'RegisterTaskDefinition', error: 'delay', delayMs: 1500, count: 1 },
    expect: { outcome: 'success' },
    expectCancelled: { outcome: 'failure', cause: CANCELLED },
  },
  'between mutations': {
    target: { operation: 'UpdateService', after: 0 },
    marker: /::group::Update service/,
    stretch: { operation: 'UpdateService', error: 'delay', delayMs: 1500, count: 1 },
    expect: { outcome: 'success' },
    expectCancelled: { outcome: 'failure', cause: CANCELLED },
  },
  'while waiting': {
    target: { operation: 'DescribeServices', after: 1 },
    marker: /::group::Wait for deployment/,
    expect: { outcome: 'success' },
    expectCancelled: { outcome: 'failure', cause: CANCELLED },
  },
};

/** The cluster with two container instances and the v1 delegate installed by the action itself. */
export async function installV1(emu: TestEmulator): Promise<ECSClient> {
  const ecs = new ECSClient(emu.clientConfig({ maxAttempts: 10 }));
  await ecs.send(new CreateClusterCommand({ clusterName: DELEGATE_CLUSTER }));
  await emu.control.registerContainerInstances({ cluster: DELEGATE_CLUSTER, count: 2, cpu: 4096, memory: 16384 });
  const install = await runAction('register-delegate', { inputs: delegateInputs(IMAGE_V1), env: emu.env(), workspace: makeWorkspace({}), timeoutMs: 60_000 });
  if (install.exitCode !== 0) throw new Error(`installing v1 failed:\n${install.stdout}`);
  return ecs;
}

/** Every violation of the invariant and of the cell's expectation; call it right after the action exited. */
export async function delegateViolations(ecs: ECSClient, cell: CellRun, expected: Expectation): Promise<string[]> {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const { run } = cell;
  const svc = (await ecs.send(new DescribeServicesCommand({ cluster: DELEGATE_CLUSTER, services: ['harness-delegate'] }))).services?.[0];
  check(svc?.status === 'ACTIVE', `the service is ${svc?.status ?? 'missing'}`);
  const td = svc?.taskDefinition === undefined ? undefined : (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: svc.taskDefinition }))).taskDefinition;
  const image = td?.containerDefinitions?.[0]?.image;
  if (run.exitCode === 0) {
    check(image === IMAGE_V2, `step succeeded but the service runs ${image ?? '?'}`);
    check(svc?.runningCount === 2 && svc.desiredCount === 2, `step succeeded with running ${svc?.runningCount} / desired ${svc?.desiredCount}`);
    check(svc?.deployments?.length === 1 && svc.deployments[0]?.rolloutState === 'COMPLETED', 'step succeeded but the deployment is not COMPLETED alone');
    check(run.outputs['changed'] === 'true' && run.outputs['taskDefinitionArn'] === svc?.taskDefinition, `outputs ${JSON.stringify(run.outputs)}`);
    check(cell.errors.length === 0, `step succeeded with errors: ${cell.errors.join(' | ')}`);
  } else {
    check(run.exitCode === 1, `exit code ${run.exitCode} (signal ${run.signal})`);
    check(cell.errors.length > 0, 'step failed without an ::error:: naming the cause');
    check(image === IMAGE_V1, `step failed but the service runs ${image ?? '?'}, not v1`);
    check(svc?.desiredCount === 2, `step failed and the desired count is ${svc?.desiredCount}, not 2`);
  }
  check(
    (run.exitCode === 0) === (expected.outcome === 'success'),
    `expected ${expected.outcome}, the step ${run.exitCode === 0 ? 'succeeded' : 'failed'}: ${cell.errors.join(' | ')}`,
  );
  if (expected.cause !== undefined && run.exitCode !== 0) {
    check(expected.cause.test(cell.errors.join('\n')), `the error does not name the cause ${String(expected.cause)}: ${cell.errors.join(' | ')}`);
  }
  return problems;
}
