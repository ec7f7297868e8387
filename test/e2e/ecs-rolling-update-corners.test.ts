/**
 * ecs-rolling end to end, corners of an update (issue 11): a capacity provider strategy that changes is deployed with
 * a forced new deployment, as ECS requires.
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

async function lastUpdate(since: number): Promise<Record<string, unknown> | undefined> {
  return (await e.emu.control.calls(since)).filter((c) => c.operation === 'UpdateService').at(-1)?.parameters;
}

describe('capacity provider strategy (issue 11 item 6)', () => {
  it('moving from a launch type to a capacity provider strategy forces a new deployment, and says why', async () => {
    const workspace = standardWorkspace({
      'spot.json': serviceDefinitionJson({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] }),
    });
    const first = await runRolling(e.emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(first.exitCode).toBe(0);
    const since = Date.now();
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:1', { 'service-definition': 'spot.json' }), { workspace });

    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Forcing a new deployment: the service moves from a launch type to a capacity provider strategy');
    expect(await lastUpdate(since)).toMatchObject({
      forceNewDeployment: true,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
    });
    expect((await describeWeb(e.ecs))?.capacityProviderStrategy).toMatchObject([{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]);
  });
});
