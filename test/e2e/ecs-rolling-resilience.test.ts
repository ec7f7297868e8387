/**
 * ecs-rolling end to end under a hostile world: ECS throttling 30% of calls (S7), and the workflow being cancelled
 * while the action waits (S10: SIGINT, then SIGTERM about 7.5 s later on a real runner).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  autoScalingOf,
  deployInputs,
  describeWeb,
  revisionOf,
  runRolling,
  serviceDefinitionJson,
  rollingE2eSuite,
  standardWorkspace,
  startRollingE2e,
  type RollingE2e,
} from '../helpers/ecs-rolling-e2e.js';
import { waitForOutput } from '../helpers/run-action.js';

let e: RollingE2e;
beforeAll(async () => {
  e = await startRollingE2e();
});
afterAll(async () => e.stop());
beforeEach(async () => {
  await e.emu.control.clearFaults();
  await e.emu.control.reset();
});

const withAutoScaling = { 'scalable-targets': 'scalable-target.yaml', 'scaling-policies': 'scaling-policy.yaml' };

/** Without a circuit breaker ECS keeps replacing crashing tasks: the deployment never ends by itself. */
const noBreaker = serviceDefinitionJson({ deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 } });

describe('throttling (S7)', () => {
  it('updates a service (auto scaling removed and put back) while 30% of all AWS calls are throttled', async () => {
    const workspace = standardWorkspace();
    const first = await runRolling(e.emu, deployInputs('registry.example.com/web:1', withAutoScaling), { workspace });
    expect(first.exitCode).toBe(0);
    const since = Date.now();
    const fault = await e.emu.control.addFault({ operation: '*', error: 'ThrottlingException', rate: 0.3 });
    expect(fault).toMatchObject({ error: 'ThrottlingException', rate: 0.3 });
    const second = await runRolling(e.emu, deployInputs('registry.example.com/web:2', withAutoScaling), { workspace });
    expect(second.exitCode).toBe(0);
    await e.emu.control.clearFaults();

    const throttled = (await e.emu.control.calls(since)).filter((c) => c.error === 'ThrottlingException');
    expect(throttled.length).toBeGreaterThan(3);
    expect(revisionOf(second.outputs['taskDefinitionArn'])).toBe('web:2');
    expect(await describeWeb(e.ecs)).toMatchObject({ taskDefinition: second.outputs['taskDefinitionArn'], runningCount: 2 });
    expect(await autoScalingOf(e.autoscaling)).toEqual({ targets: [{ min: 2, max: 6 }], policies: ['cpu60'] });
  });
});

describe('cancellation (S10)', () => {
  it('SIGINT during the wait rolls back to the previous revision and exits non-zero', async () => {
    const workspace = standardWorkspace({ 'service.json': noBreaker });
    const good = await runRolling(e.emu, deployInputs('registry.example.com/web:1', withAutoScaling), { workspace });
    expect(good.exitCode).toBe(0);
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:crash', withAutoScaling), {
      workspace,
      onStart: (child, output) => {
        void waitForOutput(output, (text) => text.includes('Task ') && text.includes(' stopped: ')).then(() => child.kill('SIGINT'));
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('SIGINT received, cancelling');
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error).toMatch(/^::error::cancelled after \d+s while waiting for deployment ecs-svc\/\d+ of service web/);
    expect(error).toContain('Rollback succeeded');
    expect(run.stdout).toContain('Rollback Successful.');
    expect(run.outputs).toMatchObject({ rolledBack: 'true', previousTaskDefinitionArn: good.outputs['taskDefinitionArn'] });
    const service = await describeWeb(e.ecs);
    expect(service).toMatchObject({ taskDefinition: good.outputs['taskDefinitionArn'], desiredCount: 2, runningCount: 2 });
    expect(service?.deployments).toHaveLength(1);
    expect(await autoScalingOf(e.autoscaling)).toEqual({ targets: [{ min: 2, max: 6 }], policies: ['cpu60'] });
  });
});

describe('cancellation with a slow rollback (S10)', () => {
  // Tasks take 4 s to start at real speed, so the rollback is still rolling out when the second signal comes.
  const slow = rollingE2eSuite({ taskStartMs: 4000, speed: 1 });

  it('a second signal abandons the rollback wait, says what was left behind and exits non-zero', async () => {
    const workspace = standardWorkspace({ 'service.json': noBreaker });
    const good = await runRolling(slow().emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(good.exitCode).toBe(0);
    const run = await runRolling(slow().emu, deployInputs('registry.example.com/web:crash'), {
      workspace,
      onStart: (child, output) => {
        void (async () => {
          await waitForOutput(output, (text) => text.includes('::group::Wait for deployment'));
          child.kill('SIGINT');
          await waitForOutput(output, (text) => text.includes('Waiting for rollback deployment'));
          child.kill('SIGTERM');
        })();
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('SIGTERM received while cancelling: stopping now');
    expect(run.stdout).toMatch(/Rollback abandoned: stopped waiting for the rollback deployment ecs-svc\/\d+ of service web/);
    expect(run.outputs).toMatchObject({ rolledBack: 'false' });
    // The rollback deployment was started: ECS goes on with it.
    const service = await describeWeb(slow().ecs);
    expect(service?.deployments?.find((d) => d.status === 'PRIMARY')?.taskDefinition).toBe(good.outputs['taskDefinitionArn']);
  }, 120_000);
});
