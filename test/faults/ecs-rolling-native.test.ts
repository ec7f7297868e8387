/**
 * Fault matrix row for ecs-rolling on ECS's own BLUE_GREEN deployments (issue 16, N2–N4): the phase "while waiting"
 * (following the service deployment: DescribeServiceDeployments from its second call, signals at `Follow service
 * deployment`) × the six faults, each cell in an emulator of its own with the blue/green load balancer of
 * test/helpers/emulator/native-setup.ts. Invariant: either the step succeeded, the service runs v2 with production
 * traffic on it and the service deployment SUCCESSFUL; or the step failed naming the cancellation, and ECS rolled the
 * service back (ROLLBACK_SUCCESSFUL) to v1 with production traffic where it was. Notes go to the matrix reporter as
 * action `ecs-rolling-native`. Build first: `npm run build`.
 */
import { describe, it } from '@jest/globals';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { eventually, startTestEmulator } from '../helpers/emulator.js';
import { createNativeLoadBalancer, createNativeService, describeService, latestDeployment, registerWeb, ruleWeights } from '../helpers/emulator/native-setup.js';
import { taskDefinitionJson } from '../helpers/ecs-rolling-e2e.js';
import { describeCell, runCell, type CellRun } from './cell.js';
import { CANCELLED, FAULTS, isSignal, type Fault, type PhasePlan } from './matrix.js';
import { writeNote } from './notes.js';

const CELL_TIMEOUT_MS = 240_000;

const PLAN: PhasePlan = {
  target: { operation: 'DescribeServiceDeployments', after: 1 },
  marker: /::group::Follow service deployment/,
  expect: { outcome: 'success' },
  expectCancelled: { outcome: 'failure', cause: CANCELLED },
};

async function nativeCell(fault: Fault): Promise<void> {
  const slow = fault === 'SIGTERM 7.5 s after SIGINT';
  const emu = await startTestEmulator({ taskStartMs: 1000, speed: slow ? 1 : 10 });
  const ecs = new ECSClient(emu.clientConfig());
  const elb = new ElasticLoadBalancingV2Client(emu.clientConfig());
  let cell: CellRun | undefined;
  const problems: string[] = [];
  try {
    const setup = await createNativeLoadBalancer(elb);
    const v1 = await registerWeb(ecs, 'app:v1');
    await createNativeService(ecs, setup, v1, { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 });
    const before = await ruleWeights(elb, setup.productionRule);
    cell = await runCell({
      emu,
      action: 'ecs-rolling',
      inputs: { cluster: 'default', service: 'web', 'task-definition': 'taskdef.json', 'timeout-minutes': 3 },
      files: { 'taskdef.json': taskDefinitionJson('app:v2') },
      // SIGTERM must come while the rollback is under way: ECS is slow to take the stop (8 s) in that cell only.
      plan: slow ? { ...PLAN, trigger: [{ operation: 'StopServiceDeployment', error: 'delay', delayMs: 8000, count: 1 }] } : PLAN,
      fault,
      timeoutMs: CELL_TIMEOUT_MS - 60_000,
    });
    const expected = isSignal(fault) ? PLAN.expectCancelled : PLAN.expect;
    const ended = await eventually('the service deployment ended', async () => {
      const sd = await latestDeployment(ecs);
      return sd.status !== 'IN_PROGRESS' && sd.status !== 'PENDING' && sd.status !== 'ROLLBACK_IN_PROGRESS' && sd.status !== 'ROLLBACK_REQUESTED' ? sd : undefined;
    }, 120_000);
    const service = await describeService(ecs);
    const after = await ruleWeights(elb, setup.productionRule);
    if (expected.outcome === 'success') {
      if (cell.run.exitCode !== 0) problems.push(`the step failed: ${cell.errors.join(' | ')}`);
      if (ended.status !== 'SUCCESSFUL') problems.push(`the service deployment ended ${ended.status ?? '?'}, not SUCCESSFUL`);
      if (service.taskDefinition !== cell.run.outputs['taskDefinitionArn']) problems.push(`the service runs ${service.taskDefinition ?? '?'}, not the deployed revision`);
      if (cell.run.outputs['rolledBack'] !== 'false') problems.push(`rolledBack is ${cell.run.outputs['rolledBack'] ?? '(none)'}`);
      if (JSON.stringify(after) === JSON.stringify(before)) problems.push('production traffic never moved to the new revision');
    } else {
      if (cell.run.exitCode === 0) problems.push('the step succeeded though it was cancelled');
      if (expected.cause !== undefined && !cell.errors.some((e) => expected.cause?.test(e) === true)) problems.push(`no ::error:: names the cause: ${cell.errors.join(' | ')}`);
      if (ended.status !== 'ROLLBACK_SUCCESSFUL') problems.push(`the service deployment ended ${ended.status ?? '?'}, not ROLLBACK_SUCCESSFUL`);
      if (service.taskDefinition !== v1) problems.push(`the service runs ${service.taskDefinition ?? '?'}, not the previous revision ${v1}`);
      if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`production traffic is ${JSON.stringify(after)}, not back to ${JSON.stringify(before)}`);
    }
    if (isSignal(fault) && !cell.signals.markerSeen) problems.push(`the log never showed the phase (${String(PLAN.marker)}): no signal was sent`);
    if (!isSignal(fault) && cell.injected === 0) problems.push('the fault was never injected');
    if (problems.length > 0) throw new Error(`while waiting | ${fault}:\n  - ${problems.join('\n  - ')}\n${describeCell(cell)}`);
  } catch (e) {
    if (problems.length === 0) problems.push(e instanceof Error ? e.message.split('\n')[0] ?? e.name : String(e));
    throw e;
  } finally {
    writeNote('ecs-rolling-native', 'while waiting', fault, cell, problems);
    ecs.destroy();
    elb.destroy();
    await emu.stop();
  }
}

describe('fault matrix: ecs-rolling on a BLUE_GREEN service (N2–N4)', () => {
  describe('while waiting', () => {
    it.concurrent.each(FAULTS.map((f) => [f]))('%s', (fault) => nativeCell(fault), CELL_TIMEOUT_MS);
  });
});
