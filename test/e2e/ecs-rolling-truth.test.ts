/**
 * ecs-rolling end to end, telling the truth in the corners (issue 11): the rollback target is the last deployment
 * that completed, not a PRIMARY an earlier run left unfinished.
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

const env = rollingE2eSuite();

/** Circuit breaker that fails a deployment but leaves the rollback to the action. */
const breakerWithoutRollback = serviceDefinitionJson({
  deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: false } },
});

describe('the rollback target (issue 11 item 2)', () => {
  it('is the last deployment that completed, not the unfinished PRIMARY an earlier run left', async () => {
    const workspace = standardWorkspace({ 'service.json': breakerWithoutRollback });
    const v1 = await runRolling(env().emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(v1.exitCode).toBe(0);
    // An earlier run started a crashing revision and did not wait: its deployment never completes.
    const v2 = await runRolling(env().emu, deployInputs('registry.example.com/web:crash', { 'wait-for-steady-state': false }), { workspace });
    expect(v2.exitCode).toBe(0);

    const v3 = await runRolling(env().emu, deployInputs('registry.example.com/web:crash'), { workspace });
    expect(v3.exitCode).toBe(1);
    expect(v3.stdout).toMatch(/is (IN_PROGRESS|FAILED), not COMPLETED: a rollback goes back to web:1, the last deployment that completed/);
    expect(v3.stdout).toContain('Rollback Successful.');
    expect(v3.outputs).toMatchObject({ previousTaskDefinitionArn: v1.outputs['taskDefinitionArn'], rolledBack: 'true' });
    expect(await describeWeb(env().ecs)).toMatchObject({ taskDefinition: v1.outputs['taskDefinitionArn'], runningCount: 2 });
  });
});
