/**
 * ecs-rolling end to end: two first deployments of one service at once (issue 10, defect 6). The one whose
 * CreateService loses says that another deployment created the service meanwhile, changes nothing, and does not
 * claim a first deployment.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { deployInputs, describeWeb, runRolling, standardWorkspace, startRollingE2e, type RollingE2e } from '../helpers/ecs-rolling-e2e.js';

let e: RollingE2e;
beforeAll(async () => {
  e = await startRollingE2e();
});
afterAll(async () => e.stop());
beforeEach(async () => {
  await e.emu.control.clearFaults();
  await e.emu.control.reset();
});

describe('simultaneous first deployments', () => {
  it('the loser fails saying another deployment created the service, with firstDeployment false', async () => {
    // Both runs see no service before either creates one: registration is held back for a moment.
    await e.emu.control.addFault({ operation: 'RegisterTaskDefinition', error: 'delay', delayMs: 1500 });
    const workspace = standardWorkspace();
    const runs = await Promise.all([
      runRolling(e.emu, deployInputs('registry.example.com/web:a'), { workspace }),
      runRolling(e.emu, deployInputs('registry.example.com/web:b'), { workspace }),
    ]);
    await e.emu.control.clearFaults();

    const winner = runs.find((r) => r.exitCode === 0);
    const loser = runs.find((r) => r.exitCode !== 0);
    expect(winner?.outputs).toMatchObject({ firstDeployment: 'true' });
    expect(loser?.exitCode).toBe(1);
    const error = (loser?.stdout ?? '').split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error).toContain('another deployment created service web while this one was preparing its first deployment');
    expect(error).not.toContain('Rolling Back');
    expect(loser?.outputs).toMatchObject({ firstDeployment: 'false', rolledBack: 'false' });
    expect(loser?.stdout).not.toContain('Deleting service web');
    expect(await describeWeb(e.ecs)).toMatchObject({ status: 'ACTIVE', taskDefinition: winner?.outputs['taskDefinitionArn'], runningCount: 2 });
  });
});
