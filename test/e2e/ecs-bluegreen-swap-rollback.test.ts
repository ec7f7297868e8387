/**
 * ecs-bluegreen-swap mode rollback end to end (B6, B7), each job its own process: before a swap it changes no
 * listener and removes the stage service's tasks; after a swap it restores both listeners and the old service's
 * count; a second rollback changes nothing.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { BlueGreenE2e, fromDeploy, type BlueGreenWorld } from '../helpers/bluegreen-e2e.js';
import { mutatingCalls } from '../helpers/ecs-rolling-e2e.js';

let env: BlueGreenE2e;
beforeAll(async () => {
  env = await BlueGreenE2e.start();
});
afterAll(async () => env.stop());
beforeEach(async () => env.emu.control.reset());

/** Release 1 swapped in (shop__1 BLUE behind B), release 2 deployed (shop__2 GREEN behind A); deploy's outputs. */
async function twoReleases(world: BlueGreenWorld): Promise<Record<string, string>> {
  const first = await env.deploy(world, 'shop:1');
  expect((await env.job(world, { mode: 'swap', ...fromDeploy(first.outputs) })).exitCode).toBe(0);
  const second = await env.deploy(world, 'shop:2');
  expect(second.exitCode).toBe(0);
  return second.outputs;
}

it('before a swap changes no listener and scales the stage service to 0 (B6)', async () => {
  const world = await env.world('application');
  const outputs = await twoReleases(world);
  const since = Date.now();
  const rollback = await env.job(world, { mode: 'rollback', ...fromDeploy(outputs) });
  expect(rollback.exitCode).toBe(0);
  const calls = await mutatingCalls(env.emu, since);
  expect(calls.filter((c) => c.startsWith('elasticloadbalancing:'))).toEqual([]);
  expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgB]);
  expect(await env.forwardsTo(world.stageListener)).toEqual([world.tgA]);
  expect((await env.service('shop__2'))?.desiredCount).toBe(0);
  expect((await env.service('shop__1'))?.desiredCount).toBe(2);
  expect(await env.colour('shop__1')).toBe('BLUE');
});

it('after a swap restores both listeners and the old count, and a second rollback changes nothing (B6)', async () => {
  const world = await env.world('application');
  const outputs = await twoReleases(world);
  expect((await env.job(world, { mode: 'swap', ...fromDeploy(outputs) })).exitCode).toBe(0);
  expect((await env.service('shop__1'))?.desiredCount).toBe(0);

  const rollback = await env.job(world, { mode: 'rollback', ...fromDeploy(outputs) });
  expect(rollback.exitCode).toBe(0);
  expect(rollback.stdout).toContain('Rollback Successful.');
  expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgB]);
  expect(await env.forwardsTo(world.stageListener)).toEqual([world.tgA]);
  const old = await env.service('shop__1');
  expect(old?.desiredCount).toBe(2);
  expect(old?.runningCount).toBe(2);
  expect(await env.colour('shop__1')).toBe('BLUE');
  expect(await env.colour('shop__2')).toBe('GREEN');
  expect((await env.service('shop__2'))?.desiredCount).toBe(0);

  const since = Date.now();
  const again = await env.job(world, { mode: 'rollback', ...fromDeploy(outputs) });
  expect(again.exitCode).toBe(0);
  expect(await mutatingCalls(env.emu, since)).toEqual([]);
  expect(again.stdout).toContain('already rolled back');
});

it('replaces a stage service left ACTIVE by an earlier deploy, or updates it in place with update-green-service (B2)', async () => {
  const world = await env.world('application');
  const first = await env.deploy(world, 'shop:1');
  expect(first.exitCode).toBe(0);
  const arnBefore = (await env.service('shop__1'))?.createdAt;
  const again = await env.deploy(world, 'shop:2');
  expect(again.exitCode).toBe(0);
  expect(again.stdout).toContain('is ACTIVE from an earlier run: deleting it first');
  expect(again.outputs['stageServiceName']).toBe('shop__1');
  expect((await env.service('shop__1'))?.createdAt).not.toEqual(arnBefore);
  const updated = await env.deploy(world, 'shop:3', { 'update-green-service': 'true' });
  expect(updated.exitCode).toBe(0);
  expect(updated.stdout).toContain('updating it in place');
  const stage = await env.service('shop__1');
  expect(stage?.taskDefinition).toBe(updated.outputs['taskDefinitionArn']);
  expect(stage?.runningCount).toBe(2);
});

it('deletes the stage service it created when its tasks crash, and changes no listener (B4)', async () => {
  const world = await env.world('application');
  const deploy = await env.deploy(world, 'shop:crash');
  expect(deploy.exitCode).toBe(1);
  expect(deploy.stdout).toContain('Stage service shop__1 was deleted.');
  expect(['INACTIVE', 'DRAINING']).toContain((await env.service('shop__1'))?.status);
  expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgA]);
  expect(await env.forwardsTo(world.stageListener)).toEqual([world.tgB]);
});

it('dry-run says what deploy would do and changes nothing (S13)', async () => {
  const world = await env.world('application');
  const since = Date.now();
  const run = await env.deploy(world, 'shop:1', { 'dry-run': 'true' });
  expect(run.exitCode).toBe(0);
  expect(run.stdout).toContain('Service shop__1 would be created');
  expect(await mutatingCalls(env.emu, since)).toEqual([]);
});
