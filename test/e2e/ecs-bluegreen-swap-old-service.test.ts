/**
 * The old service around a swap, end to end (B4, B5, B6): same-as-running sizes the stage service from the blue
 * one; the swap suspends the old service's auto scaling and sets it to 0; a rollback resumes it at the saved count,
 * and re-creates the old service when it was deleted meanwhile.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient, DescribeScalableTargetsCommand, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { DeleteServiceCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { BlueGreenE2e, fromDeploy, type BlueGreenWorld } from '../helpers/bluegreen-e2e.js';

let env: BlueGreenE2e;
let aas: ApplicationAutoScalingClient;
beforeAll(async () => {
  env = await BlueGreenE2e.start();
  aas = new ApplicationAutoScalingClient(env.emu.clientConfig());
});
afterAll(async () => {
  aas.destroy();
  await env.stop();
});
beforeEach(async () => env.emu.control.reset());

/** shop__1 swapped in and scaled to 3 by hand; returns deploy 2's outputs (shop__2, same-as-running). */
async function secondRelease(world: BlueGreenWorld): Promise<Record<string, string>> {
  const first = await env.deploy(world, 'shop:1');
  expect((await env.job(world, { mode: 'swap', ...fromDeploy(first.outputs) })).exitCode).toBe(0);
  await env.ecs.send(new UpdateServiceCommand({ service: 'shop__1', desiredCount: 3 }));
  await new Promise((r) => setTimeout(r, 500)); // a few simulated seconds: the third task runs
  const second = await env.deploy(world, 'shop:2', { 'same-as-running': 'true' });
  expect(second.exitCode).toBe(0);
  return second.outputs;
}

async function suspended(service: string): Promise<boolean | undefined> {
  const out = await aas.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [`service/default/${service}`] }));
  return out.ScalableTargets?.[0]?.SuspendedState?.DynamicScalingInSuspended;
}

it('sizes the stage service like the blue one, suspends the old auto scaling on the swap and resumes it on rollback (B4–B6)', async () => {
  const world = await env.world('application');
  const outputs = await secondRelease(world);
  expect((await env.service('shop__2'))?.desiredCount).toBe(3);
  await aas.send(
    new RegisterScalableTargetCommand({ ServiceNamespace: 'ecs', ResourceId: 'service/default/shop__1', ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 1, MaxCapacity: 6 }),
  );
  expect((await env.job(world, { mode: 'swap', ...fromDeploy(outputs) })).exitCode).toBe(0);
  expect((await env.service('shop__1'))?.desiredCount).toBe(0);
  expect(await suspended('shop__1')).toBe(true);

  expect((await env.job(world, { mode: 'rollback', ...fromDeploy(outputs) })).exitCode).toBe(0);
  expect((await env.service('shop__1'))?.desiredCount).toBe(3);
  expect(await suspended('shop__1')).toBe(false);
  expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgB]);
});

it('re-creates the old service from its last description when it was deleted after the swap (B6)', async () => {
  const world = await env.world('application');
  const outputs = await secondRelease(world);
  expect((await env.job(world, { mode: 'swap', ...fromDeploy(outputs) })).exitCode).toBe(0);
  await env.ecs.send(new DeleteServiceCommand({ service: 'shop__1', force: true }));
  const rollback = await env.job(world, { mode: 'rollback', ...fromDeploy(outputs) });
  expect(rollback.stdout).not.toContain('::error::');
  expect(rollback.exitCode).toBe(0);
  expect(rollback.stdout).toContain('Re-created old service shop__1');
  const old = await env.service('shop__1');
  expect(old?.status).toBe('ACTIVE');
  expect(old?.desiredCount).toBe(3);
  expect(old?.loadBalancers?.[0]?.targetGroupArn).toBe(world.tgB);
  expect(await env.colour('shop__1')).toBe('BLUE');
  expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgB]);
});
