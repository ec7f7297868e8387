/**
 * ecs-rolling end to end: with wait-for-steady-state false the deployment is only started, and the log, the job
 * summary and the outputs say so; no success and no rollback is claimed (issue 10, rough edge).
 */
import { describe, expect, it } from '@jest/globals';
import { deployInputs, runRolling, standardWorkspace, rollingE2eSuite } from '../helpers/ecs-rolling-e2e.js';

const env = rollingE2eSuite();

describe('wait-for-steady-state false', () => {
  it('reports the deployment as started, not succeeded', async () => {
    const workspace = standardWorkspace();
    const first = await runRolling(env().emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(first.exitCode).toBe(0);
    const run = await runRolling(env().emu, deployInputs('registry.example.com/web:2', { 'wait-for-steady-state': false }), { workspace });

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Deployment of ');
    expect(run.stdout).toMatch(/to service web started; ECS goes on with it \(not waited for\)\./);
    expect(run.stdout).not.toMatch(/to service web succeeded\./);
    expect(run.summary).toContain('⏳ deployment of web:2 to service web started (not waited for)');
    expect(run.summary).toContain('started, not waited for (wait-for-steady-state: false)');
    expect(run.summary).not.toContain('succeeded');
    expect(run.outputs).toMatchObject({ rolledBack: 'false', firstDeployment: 'false' });
  });
});
