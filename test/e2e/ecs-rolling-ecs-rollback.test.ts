/**
 * ecs-rolling end to end, ECS's own rollback seen while it is still rolling out (issue 11 items 1 and 4): the action
 * follows it instead of racing it, and says it is still in progress when it does not roll back itself.
 */
import { describe, expect, it } from '@jest/globals';
import { deployInputs, describeWeb, rollingE2eSuite, runRolling, standardWorkspace } from '../helpers/ecs-rolling-e2e.js';

// Tasks take 4 s to start at real speed: ECS's rollback is still rolling out when the action notices the failure.
const slow = rollingE2eSuite({ taskStartMs: 4000, speed: 1 });

describe("ECS's own rollback, seen while it is still in progress (issue 11 items 1 and 4)", () => {
  it('is followed to its end instead of being raced by an UpdateService of our own', async () => {
    const workspace = standardWorkspace();
    const v1 = await runRolling(slow().emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(v1.exitCode).toBe(0);
    const since = Date.now();
    const run = await runRolling(slow().emu, deployInputs('registry.example.com/web:crash'), { workspace });

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/ECS is already rolling service web back to web:1 \(deployment ecs-svc\/\d+, IN_PROGRESS\): following it instead/);
    expect(run.stdout).toContain('Rollback Successful.');
    const updates = (await slow().emu.control.calls(since)).filter((c) => c.operation === 'UpdateService');
    expect(updates.map((u) => u.parameters['taskDefinition'] !== undefined)).toEqual([true]);
    expect(run.outputs).toMatchObject({ rolledBack: 'true' });
    expect(await describeWeb(slow().ecs)).toMatchObject({ taskDefinition: v1.outputs['taskDefinitionArn'], runningCount: 2 });
  }, 120_000);

  it('with rollback-on-failure false, rolledBack is false and the summary says ECS is rolling back', async () => {
    const workspace = standardWorkspace();
    const v1 = await runRolling(slow().emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(v1.exitCode).toBe(0);
    const run = await runRolling(slow().emu, deployInputs('registry.example.com/web:crash', { 'rollback-on-failure': false }), { workspace });

    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ rolledBack: 'false' });
    const rolling = `ECS is rolling the service back to ${v1.outputs['taskDefinitionArn'] ?? ''} (deployment ecs-svc/`;
    expect(run.stdout).toContain(rolling);
    expect(run.summary).toContain(rolling);
  }, 120_000);
});
