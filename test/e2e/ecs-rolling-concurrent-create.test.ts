/**
 * ecs-rolling end to end: two first deployments of one service at once (issue 10, defect 6). The one whose
 * CreateService loses says that another deployment created the service meanwhile, changes nothing, and does not
 * claim a first deployment.
 */
import { describe, expect, it } from '@jest/globals';
import { deployInputs, describeWeb, runRolling, standardWorkspace, rollingE2eSuite } from '../helpers/ecs-rolling-e2e.js';

const env = rollingE2eSuite();

describe('simultaneous first deployments', () => {
  it('the loser fails saying another deployment created the service, with firstDeployment false', async () => {
    // Both runs see no service before either creates one: registration is held back for a moment.
    await env().emu.control.addFault({ operation: 'RegisterTaskDefinition', error: 'delay', delayMs: 1500 });
    const workspace = standardWorkspace();
    const runs = await Promise.all([
      runRolling(env().emu, deployInputs('registry.example.com/web:a'), { workspace }),
      runRolling(env().emu, deployInputs('registry.example.com/web:b'), { workspace }),
    ]);
    await env().emu.control.clearFaults();

    const winner = runs.find((r) => r.exitCode === 0);
    const loser = runs.find((r) => r.exitCode !== 0);
    expect(winner?.outputs).toMatchObject({ firstDeployment: 'true' });
    expect(loser?.exitCode).toBe(1);
    const error = (loser?.stdout ?? '').split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error).toContain('another deployment created service web while this one was preparing its first deployment');
    expect(error).not.toContain('Rolling Back');
    expect(loser?.outputs).toMatchObject({ firstDeployment: 'false', rolledBack: 'false' });
    expect(loser?.stdout).not.toContain('Deleting service web');
    expect(await describeWeb(env().ecs)).toMatchObject({ status: 'ACTIVE', taskDefinition: winner?.outputs['taskDefinitionArn'], runningCount: 2 });
  });
});
