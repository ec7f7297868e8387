/**
 * ecs-bluegreen-swap `traffic-steps` end to end (B5): on an ALB prod traffic walks the weights by weighted forward,
 * each step baked, then ends swapped; an alarm in ALARM mid-way returns prod to 100 % old and fails the step; on an
 * NLB the weighted forward is refused with ELBv2's reason before the swap, and nothing changes.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals';
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { BlueGreenE2e, fromDeploy, type BlueGreenWorld } from '../helpers/bluegreen-e2e.js';
import { mutatingCalls } from '../helpers/ecs-rolling-e2e.js';

let env: BlueGreenE2e;
let cloudwatch: CloudWatchClient;
beforeAll(async () => {
  env = await BlueGreenE2e.start();
  cloudwatch = new CloudWatchClient(env.emu.clientConfig());
});
afterAll(async () => {
  cloudwatch.destroy();
  await env.stop();
});
beforeEach(async () => env.emu.control.reset());

async function deployed(world: BlueGreenWorld): Promise<Record<string, string | undefined>> {
  const deploy = await env.deploy(world, 'shop:1');
  expect(deploy.exitCode).toBe(0);
  return fromDeploy(deploy.outputs);
}

interface SentAction {
  TargetGroupArn?: string;
  ForwardConfig?: { TargetGroups?: Array<{ TargetGroupArn?: string; Weight?: string }> };
}

/** The weights each ModifyListener on the prod listener sent, in order: `A:90,B:10`, or `B` for one group. */
async function prodWeights(world: BlueGreenWorld, since: number): Promise<string[]> {
  const name = (arn: string | undefined): string => (arn === world.tgA ? 'A' : arn === world.tgB ? 'B' : '?');
  const calls = (await env.emu.control.calls(since)).filter((c) => c.operation === 'ModifyListener' && c.status === 200);
  return calls
    .filter((c) => c.parameters['ListenerArn'] === world.prodListener)
    .map((c) => {
      const [action] = c.parameters['DefaultActions'] as SentAction[];
      const groups = action?.ForwardConfig?.TargetGroups ?? [];
      return groups.length > 0 ? groups.map((g) => `${name(g.TargetGroupArn)}:${g.Weight ?? '1'}`).join(',') : name(action?.TargetGroupArn);
    });
}

it('walks the weights step by step, then ends swapped (B5)', async () => {
  const world = await env.world('application');
  const record = await deployed(world);
  const since = Date.now();
  const swap = await env.job(world, { mode: 'swap', ...record, 'traffic-steps': '10,50,100', 'step-bake-seconds': '1' });
  expect(swap.stdout).not.toContain('::error::');
  expect(swap.exitCode).toBe(0);
  expect(await prodWeights(world, since)).toEqual(['A:90,B:10', 'A:50,B:50', 'B']);
  expect(swap.stdout).toContain('Bake of step 2 of 3 (50 %) passed: 1s without a problem');
  expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgB]);
  expect(await env.forwardsTo(world.stageListener)).toEqual([world.tgA]);
  expect(await env.colour('shop__1')).toBe('BLUE');
});

it('returns prod to 100 % old when an alarm goes to ALARM during a step (B5)', async () => {
  const world = await env.world('application');
  const record = await deployed(world);
  await cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: 'shop-5xx',
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );
  const swap = await env.job(world, { mode: 'swap', ...record, 'traffic-steps': '10,50,100', 'step-bake-seconds': '6', alarms: 'shop-5xx' }, undefined, (_c, out) => {
    const timer = setInterval(() => {
      if (!out.text().includes('Bake step 2 of 3')) return;
      clearInterval(timer);
      void cloudwatch.send(new SetAlarmStateCommand({ AlarmName: 'shop-5xx', StateValue: 'ALARM', StateReason: 'Threshold Crossed: 9 errors' }));
    }, 20);
  });
  expect(swap.exitCode).toBe(1);
  expect(swap.stdout).toMatch(/::error::.*shop-5xx is in ALARM \(Threshold Crossed: 9 errors\)/);
  expect(swap.stdout).toContain('Prod traffic is back on');
  expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgA]);
  expect(await env.forwardsTo(world.stageListener)).toEqual([world.tgB]);
  expect(await env.colour('shop__1')).toBe('GREEN');
});

it('fails before the swap on a network load balancer, with the reason ELBv2 gives, and changes nothing (B5)', async () => {
  const world = await env.world('network');
  const record = await deployed(world);
  const since = Date.now();
  const swap = await env.job(world, { mode: 'swap', ...record, 'traffic-steps': '10,100' });
  expect(swap.exitCode).toBe(1);
  expect(swap.stdout).toMatch(/::error::.*refused the weighted forward.*multiple target groups in a single action with a load balancer of type 'network'.*Nothing was changed/);
  expect(await mutatingCalls(env.emu, since)).toEqual(['elasticloadbalancing:ModifyListener']); // the refused call only
  expect(await env.forwardsTo(world.prodListener)).toEqual([world.tgA]);
  expect(await env.forwardsTo(world.stageListener)).toEqual([world.tgB]);
  expect(await env.colour('shop__1')).toBe('GREEN');
});
