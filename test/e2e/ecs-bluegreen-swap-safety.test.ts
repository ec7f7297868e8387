/**
 * ecs-bluegreen-swap's refusals and its never-half-moved swap, end to end (B3, B5, S3, S10): a port mismatch fails
 * before any change; a ModifyListener failure on the second change puts the first back; a SIGTERM while the first
 * change is in flight leaves the two listeners as a consistent pair.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { BlueGreenE2e, fromDeploy, serviceDefinition, type BlueGreenWorld } from '../helpers/bluegreen-e2e.js';
import { mutatingCalls, taskDefinitionJson } from '../helpers/ecs-rolling-e2e.js';
import { makeWorkspace } from '../helpers/run-action.js';

let env: BlueGreenE2e;
beforeAll(async () => {
  env = await BlueGreenE2e.start();
});
afterAll(async () => env.stop());
beforeEach(async () => env.emu.control.reset());

/** shop__1 deployed behind the stage target group B (prod still → A); deploy's outputs. */
async function deployed(world: BlueGreenWorld): Promise<Record<string, string>> {
  const deploy = await env.deploy(world, 'shop:1');
  expect(deploy.exitCode).toBe(0);
  return deploy.outputs;
}

it('refuses a task definition whose containers do not map the stage target group port, with zero mutating calls (B3, S3)', async () => {
  const world = await env.world('application');
  const since = Date.now();
  const ws = makeWorkspace({ 'taskdef.json': taskDefinitionJson('shop:1').replace('8080', '9090'), 'service.json': serviceDefinition() });
  const run = await env.job(world, { mode: 'deploy', 'task-definition': 'taskdef.json', 'service-definition': 'service.json' }, ws);
  expect(run.exitCode).toBe(1);
  expect(run.stdout).toContain(`No container definition has port mapping that matches the target port: 8080 for target group: ${world.tgB}`);
  expect(await mutatingCalls(env.emu, since)).toEqual([]);
});

it('puts the first listener back when the second ModifyListener fails, and fails the step (B5)', async () => {
  const world = await env.world('application');
  const outputs = await deployed(world);
  await env.emu.control.addFault({ operation: 'ModifyListener', error: 'ValidationError', message: 'injected', after: 1, count: 1 });
  const swap = await env.job(world, { mode: 'swap', ...fromDeploy(outputs) });
  expect(swap.exitCode).toBe(1);
  expect(swap.stdout).toContain('The first change was put back');
  expect(swap.stdout).not.toContain('Swapping Successful.');
  expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgA]);
  expect(await env.forwardsTo(world.stageListener)).toEqual([world.tgB]);
  expect(await env.colour('shop__1')).toBe('GREEN');
});

it('finishes both listener changes when SIGTERM arrives during the first one, and skips the downsize (B5, S10)', async () => {
  const world = await env.world('application');
  expect((await env.job(world, { mode: 'swap', ...fromDeploy(await deployed(world)) })).exitCode).toBe(0);
  const deploy2 = await env.deploy(world, 'shop:2');
  expect(deploy2.exitCode).toBe(0);
  const outputs = deploy2.outputs;
  const since = Date.now();
  await env.emu.control.addFault({ operation: 'ModifyListener', error: 'delay', delayMs: 1500, count: 1 });
  const swap = await env.job(world, { mode: 'swap', ...fromDeploy(outputs) }, undefined, (child, out) => {
    const timer = setInterval(() => {
      if (!out.text().includes('Swap the prod and stage listeners')) return;
      clearInterval(timer);
      setTimeout(() => child.kill('SIGTERM'), 500);
    }, 20);
  });
  const calls = await mutatingCalls(env.emu, since);
  expect(calls.filter((c) => c.startsWith('elasticloadbalancing:'))).toEqual(['elasticloadbalancing:ModifyListener', 'elasticloadbalancing:ModifyListener']);
  expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgA]);
  expect(await env.forwardsTo(world.stageListener)).toEqual([world.tgB]);
  expect(swap.exitCode).toBe(1);
  expect(swap.stdout).toContain('cancelled after the swap');
  expect((await env.service('shop__1'))?.desiredCount).toBe(2);
});

it('swaps the first release from the load balancer inputs alone, the old target group being the one prod forwards to (B7)', async () => {
  const world = await env.world('network');
  await deployed(world);
  const swap = await env.job(world, { mode: 'swap', service: 'shop' });
  expect(swap.exitCode).toBe(0);
  expect(swap.outputs).toMatchObject({ targetGroupArn: world.tgB, prodTargetGroupArn: world.tgA, stageServiceName: 'shop__1', blueServiceName: '' });
  expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgB]);
  expect(await env.forwardsTo(world.stageListener)).toEqual([world.tgA]);
});

it('refuses to swap when prod no longer forwards to the target group deploy saw, with zero mutating calls (B5, B7)', async () => {
  const world = await env.world('application');
  const outputs = await deployed(world);
  const since = Date.now();
  const swap = await env.job(world, { mode: 'swap', ...fromDeploy({ ...outputs, prodTargetGroupArn: world.tgB.replace(/\/[0-9a-f]+$/, '/0123456789abcdef') }) });
  expect(swap.exitCode).toBe(1);
  expect(swap.stdout).toMatch(/::error::input 'prod-listener'.*the routes changed since mode deploy/);
  expect(await mutatingCalls(env.emu, since)).toEqual([]);
});
