/**
 * ecs-rolling end to end, telling the truth in the corners (issue 11): the rollback target is the last deployment
 * that completed, not a PRIMARY an earlier run left unfinished.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  deployInputs,
  describeWeb,
  runRolling,
  serviceDefinitionJson,
  standardWorkspace,
  startRollingE2e,
  type RollingE2e,
} from '../helpers/ecs-rolling-e2e.js';

let e: RollingE2e;
beforeAll(async () => {
  e = await startRollingE2e();
});
afterAll(async () => e.stop());
beforeEach(async () => e.emu.control.reset());

/** Circuit breaker that fails a deployment but leaves the rollback to the action. */
const breakerWithoutRollback = serviceDefinitionJson({
  deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: false } },
});

describe('the rollback target (issue 11 item 2)', () => {
  it('is the last deployment that completed, not the unfinished PRIMARY an earlier run left', async () => {
    const workspace = standardWorkspace({ 'service.json': breakerWithoutRollback });
    const v1 = await runRolling(e.emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(v1.exitCode).toBe(0);
    // An earlier run started a crashing revision and did not wait: its deployment never completes.
    const v2 = await runRolling(e.emu, deployInputs('registry.example.com/web:crash', { 'wait-for-steady-state': false }), { workspace });
    expect(v2.exitCode).toBe(0);

    const v3 = await runRolling(e.emu, deployInputs('registry.example.com/web:crash'), { workspace });
    expect(v3.exitCode).toBe(1);
    expect(v3.stdout).toMatch(/is (IN_PROGRESS|FAILED), not COMPLETED: a rollback goes back to web:1, the last deployment that completed/);
    expect(v3.stdout).toContain('Rollback Successful.');
    expect(v3.outputs).toMatchObject({ previousTaskDefinitionArn: v1.outputs['taskDefinitionArn'], rolledBack: 'true' });
    expect(await describeWeb(e.ecs)).toMatchObject({ taskDefinition: v1.outputs['taskDefinitionArn'], runningCount: 2 });
  });
});

describe("ECS's own rollback, seen while it is still in progress (issue 11 items 1 and 4)", () => {
  // Tasks take 4 s to start at real speed: ECS's rollback is still rolling out when the action notices the failure.
  let slow: RollingE2e;
  beforeAll(async () => {
    slow = await startRollingE2e({ taskStartMs: 4000, speed: 1 });
  });
  afterAll(async () => slow.stop());
  beforeEach(async () => slow.emu.control.reset());

  it('is followed to its end instead of being raced by an UpdateService of our own', async () => {
    const workspace = standardWorkspace();
    const v1 = await runRolling(slow.emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(v1.exitCode).toBe(0);
    const since = Date.now();
    const run = await runRolling(slow.emu, deployInputs('registry.example.com/web:crash'), { workspace });

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/ECS is already rolling service web back to web:1 \(deployment ecs-svc\/\d+, IN_PROGRESS\): following it instead/);
    expect(run.stdout).toContain('Rollback Successful.');
    const updates = (await slow.emu.control.calls(since)).filter((c) => c.operation === 'UpdateService');
    expect(updates.map((u) => u.parameters['taskDefinition'] !== undefined)).toEqual([true]);
    expect(run.outputs).toMatchObject({ rolledBack: 'true' });
    expect(await describeWeb(slow.ecs)).toMatchObject({ taskDefinition: v1.outputs['taskDefinitionArn'], runningCount: 2 });
  }, 120_000);

  it('with rollback-on-failure false, rolledBack is false and the summary says ECS is rolling back', async () => {
    const workspace = standardWorkspace();
    const v1 = await runRolling(slow.emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(v1.exitCode).toBe(0);
    const run = await runRolling(slow.emu, deployInputs('registry.example.com/web:crash', { 'rollback-on-failure': false }), { workspace });

    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ rolledBack: 'false' });
    const rolling = `ECS is rolling the service back to ${v1.outputs['taskDefinitionArn'] ?? ''} (deployment ecs-svc/`;
    expect(run.stdout).toContain(rolling);
    expect(run.summary).toContain(rolling);
  }, 120_000);
});
