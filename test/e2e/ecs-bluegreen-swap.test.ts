/**
 * ecs-bluegreen-swap end to end (B1–B7): each job of the workflow is its own process running the committed bundle,
 * later jobs getting the earlier ones' outputs as inputs, against the emulator's ALB and NLB.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { BlueGreenE2e, fromDeploy, type LbType } from '../helpers/bluegreen-e2e.js';
import { mutatingCalls } from '../helpers/ecs-rolling-e2e.js';

let env: BlueGreenE2e;
beforeAll(async () => {
  env = await BlueGreenE2e.start();
});
afterAll(async () => env.stop());
beforeEach(async () => env.emu.control.reset());

describe.each<LbType>(['application', 'network'])('on an %s load balancer', (type) => {
  it('deploys the stage service, swaps, and alternates names and target groups on the next release (B1–B5, B7)', async () => {
    const world = await env.world(type);
    const deploy1 = await env.deploy(world, 'shop:1');
    expect(deploy1.stdout).not.toContain('::error::');
    expect(deploy1.exitCode).toBe(0);
    expect(deploy1.outputs).toMatchObject({ stageServiceName: 'shop__1', blueServiceName: '', targetGroupArn: world.tgB, prodTargetGroupArn: world.tgA });
    expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgA]); // deploy changes no listener (B4)
    expect(await env.colour('shop__1')).toBe('GREEN');

    const swap1 = await env.job(world, { mode: 'swap', ...fromDeploy(deploy1.outputs) });
    expect(swap1.exitCode).toBe(0);
    expect(swap1.stdout).toContain('Swapping Successful.');
    expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgB]);
    expect(await env.forwardsTo(world.stageListener)).toEqual([world.tgA]);
    expect(await env.colour('shop__1')).toBe('BLUE');

    const deploy2 = await env.deploy(world, 'shop:2');
    expect(deploy2.exitCode).toBe(0);
    expect(deploy2.outputs).toMatchObject({ stageServiceName: 'shop__2', blueServiceName: 'shop__1', targetGroupArn: world.tgA, prodTargetGroupArn: world.tgB });
    const swap2 = await env.job(world, { mode: 'swap', ...fromDeploy(deploy2.outputs) });
    expect(swap2.exitCode).toBe(0);
    expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgA]);
    expect(await env.forwardsTo(world.stageListener)).toEqual([world.tgB]);
    const old = await env.service('shop__1');
    expect(old?.status).toBe('ACTIVE');
    expect(old?.desiredCount).toBe(0);
    expect(await env.colour('shop__1')).toBe('GREEN');
    expect(await env.colour('shop__2')).toBe('BLUE');
  });
});

describe('on an application load balancer', () => {
  it('keeps the old service running with downsize-old-service: false (B5)', async () => {
    const world = await env.world('application');
    await releaseOne(world);
    const deploy = await env.deploy(world, 'shop:2');
    const swap = await env.job(world, { mode: 'swap', ...fromDeploy(deploy.outputs), 'downsize-old-service': 'false' });
    expect(swap.exitCode).toBe(0);
    const old = await env.service('shop__1');
    expect(old?.desiredCount).toBe(2);
    expect(await env.colour('shop__1')).toBe('GREEN');
    expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgA]);
  });

  it('swaps non-default listener rules with ModifyRule and leaves the default rules alone (B5)', async () => {
    const world = await env.world('application', { rules: true });
    const deploy = await env.deploy(world, 'shop:1');
    expect(deploy.exitCode).toBe(0);
    expect(deploy.outputs['prodListenerRuleArn']).toBe(world.prodRule);
    const since = Date.now();
    const swap = await env.job(world, { mode: 'swap', ...fromDeploy(deploy.outputs) });
    expect(swap.exitCode).toBe(0);
    const calls = await mutatingCalls(env.emu, since);
    expect(calls.filter((c) => c.startsWith('elasticloadbalancing:'))).toEqual(['elasticloadbalancing:ModifyRule', 'elasticloadbalancing:ModifyRule']);
    expect(await env.forwardsTo(world.prodListener, world.prodRule)).toEqual([world.tgB]);
    expect(await env.forwardsTo(world.stageListener, world.stageRule)).toEqual([world.tgA]);
    expect(await env.forwardsTo(world.prodListener)).toEqual([]); // the fixed-response default rule is untouched
  });

  it('swaps and rolls back from the load balancer inputs alone, reading the BG_VERSION tags (B7)', async () => {
    const world = await env.world('application');
    await releaseOne(world);
    expect((await env.deploy(world, 'shop:2')).exitCode).toBe(0);
    const swap = await env.job(world, { mode: 'swap', service: 'shop' });
    expect(swap.exitCode).toBe(0);
    expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgA]);
    expect(await env.colour('shop__2')).toBe('BLUE');
    const since = Date.now();
    const again = await env.job(world, { mode: 'swap', service: 'shop' }); // a re-run job finds it swapped
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('Already swapped');
    expect(await mutatingCalls(env.emu, since)).toEqual([]);
    const rollback = await env.job(world, { mode: 'rollback', service: 'shop' });
    expect(rollback.exitCode).toBe(0);
    expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgB]);
    expect(await env.forwardsTo(world.stageListener)).toEqual([world.tgA]);
    expect(await env.colour('shop__1')).toBe('BLUE');
    expect((await env.service('shop__1'))?.desiredCount).toBe(2);
    expect((await env.service('shop__2'))?.desiredCount).toBe(0);
  });
});

/** The first release: shop__1 deployed and swapped in (prod → B, stage → A). */
async function releaseOne(world: Awaited<ReturnType<BlueGreenE2e['world']>>): Promise<void> {
  const deploy = await env.deploy(world, 'shop:1');
  expect(deploy.exitCode).toBe(0);
  expect((await env.job(world, { mode: 'swap', ...fromDeploy(deploy.outputs) })).exitCode).toBe(0);
}
