/**
 * ecs-rolling end to end: a rollback puts back the desired count the failed run changed (R6, issue 10 defect 3),
 * and keeps a count that someone else changed meanwhile.
 */
import { describe, expect, it } from '@jest/globals';
import {
  deployInputs,
  describeWeb,
  runRolling,
  serviceDefinitionJson,
  standardWorkspace,
  rollingE2eSuite,
} from '../helpers/ecs-rolling-e2e.js';
import { waitForOutput } from '../helpers/run-action.js';

const env = rollingE2eSuite();

const noBreaker = serviceDefinitionJson({ deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 } });

describe('the desired count after a rollback (R6)', () => {
  it('a crashing deploy that raised the count from 2 to 6 is rolled back to 2, and the log says why', async () => {
    const workspace = standardWorkspace();
    const good = await runRolling(env().emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(good.exitCode).toBe(0);
    expect((await describeWeb(env().ecs))?.desiredCount).toBe(2);

    const run = await runRolling(env().emu, deployInputs('registry.example.com/web:crash', { 'desired-count': 6 }), { workspace });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Rollback Successful.');
    expect(run.stdout).toContain('desired count 2 restored (this deployment had set it to 6)');
    expect(await describeWeb(env().ecs)).toMatchObject({ taskDefinition: good.outputs['taskDefinitionArn'], desiredCount: 2 });
    expect(run.outputs).toMatchObject({ rolledBack: 'true' });
  });

  it('a good deploy to 5 cancelled while it rolls out goes back to 2', async () => {
    const workspace = standardWorkspace({ 'service.json': noBreaker });
    const good = await runRolling(env().emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(good.exitCode).toBe(0);
    const run = await runRolling(env().emu, deployInputs('registry.example.com/web:2', { 'desired-count': 5 }), {
      workspace,
      onStart: (child, output) => {
        void waitForOutput(output, (text) => text.includes('::group::Wait for deployment')).then(() => child.kill('SIGINT'));
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Rollback Successful.');
    expect(await describeWeb(env().ecs)).toMatchObject({ taskDefinition: good.outputs['taskDefinitionArn'], desiredCount: 2, runningCount: 2 });
  });
});
