/**
 * ecs-rolling end to end, corners of an update (issue 11): a capacity provider strategy that changes is deployed with
 * a forced new deployment, as ECS requires; the rollback of a deployment that never settles fits inside
 * timeout-minutes.
 */
import { describe, expect, it } from '@jest/globals';
import { PutClusterCapacityProvidersCommand } from '@aws-sdk/client-ecs';
import {
  deployInputs,
  describeWeb,
  lastUpdateService,
  runRolling,
  serviceDefinitionJson,
  standardWorkspace,
  rollingE2eSuite,
} from '../helpers/ecs-rolling-e2e.js';

const env = rollingE2eSuite();


describe('capacity provider strategy (issue 11 item 6)', () => {
  it('moving from a launch type to a capacity provider strategy forces a new deployment, and says why', async () => {
    const workspace = standardWorkspace({
      'spot.json': serviceDefinitionJson({ launchType: undefined, capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] }),
    });
    // As on AWS, a cluster uses only the capacity providers associated with it.
    await env().ecs.send(
      new PutClusterCapacityProvidersCommand({ cluster: 'default', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [] }),
    );
    const first = await runRolling(env().emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(first.exitCode).toBe(0);
    const since = Date.now();
    const run = await runRolling(env().emu, deployInputs('registry.example.com/web:1', { 'service-definition': 'spot.json' }), { workspace });

    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Forcing a new deployment: the service moves from a launch type to a capacity provider strategy');
    expect(await lastUpdateService(env().emu, since)).toMatchObject({
      forceNewDeployment: true,
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
    });
    expect((await describeWeb(env().ecs))?.capacityProviderStrategy).toMatchObject([{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]);
  });
});

describe('the rollback fits inside timeout-minutes (issue 11 item 7)', () => {
  it('a deployment that never settles is given up after two thirds of the time, leaving the rest to the rollback', async () => {
    const noBreaker = serviceDefinitionJson({ deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 } });
    const workspace = standardWorkspace({ 'service.json': noBreaker });
    const good = await runRolling(env().emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(good.exitCode).toBe(0);
    const run = await runRolling(env().emu, deployInputs('registry.example.com/web:crash', { 'timeout-minutes': 1 }), { workspace });

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Waiting at most 40s; 20s of timeout-minutes is kept for a rollback.');
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    const waited = Number(/timed out after waiting (\d+)s/.exec(error)?.[1] ?? 'NaN');
    expect(waited).toBeGreaterThanOrEqual(39);
    expect(waited).toBeLessThanOrEqual(41);
    expect(error).toContain('Rollback succeeded');
    expect(await describeWeb(env().ecs)).toMatchObject({ taskDefinition: good.outputs['taskDefinitionArn'], runningCount: 2 });
  }, 120_000);
});
