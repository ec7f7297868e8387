/**
 * Example workflow 2 (canary → approval → rolling, with a rollback job) run end to end by the workflow harness
 * against the emulator: every step of ours a process of its committed bundle (build first: `npm run build`), the
 * final state of the services, the listener's target group and auto scaling read through the SDK.
 *
 * The `production` environment's approval is treated as granted by the harness (it logs it). The bake is shortened
 * through the repository variable the example reads (CANARY_BAKE_SECONDS). The smoke test image decides its fate in
 * the emulator (`exit-0` passes, `crash` fails), and so does the web image's tag (the commit: `crash…` crashes).
 */
import { RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { describe, expect, it, jest } from '@jest/globals';
import { eventually } from '../helpers/emulator.js';
import { canaryStatus, NETWORK } from '../helpers/ecs-canary-e2e.js';
import { taskDefinitionJson } from '../helpers/ecs-rolling-e2e.js';
import { exampleCheckout, jobResults, runExample, webAutoScaling, webState, workflowE2eSuite, type WorkflowE2e } from '../helpers/workflow-e2e.js';

jest.setTimeout(240_000);
const w = workflowE2eSuite(['prod']);
const REPO = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web';
const VARS = { CANARY_BAKE_SECONDS: '3' };

interface Live {
  elb: ElasticLoadBalancingV2Client;
  targetGroupArn: string;
  listenerArn: string;
  v1: string;
}

/** What the example expects to find: web (2 tasks of v1) in cluster prod behind a load balancer, its auto scaling, the two alarms. */
async function liveWeb(world: WorkflowE2e): Promise<Live> {
  const config = world.e.emu.clientConfig();
  const elb = new ElasticLoadBalancingV2Client(config);
  const tg = await elb.send(
    new CreateTargetGroupCommand({ Name: 'web', Protocol: 'HTTP', Port: 8080, VpcId: 'vpc-1', TargetType: 'ip', HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2 }),
  );
  const targetGroupArn = tg.TargetGroups?.[0]?.TargetGroupArn ?? '';
  const lb = await elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: ['subnet-0a1b2c3d', 'subnet-1a2b3c4d'] }));
  const listener = await elb.send(
    new CreateListenerCommand({ LoadBalancerArn: lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '', Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }] }),
  );
  const td = await world.e.ecs.send(new RegisterTaskDefinitionCommand(JSON.parse(taskDefinitionJson(`${REPO}:0000000`)) as never));
  const v1 = td.taskDefinition?.taskDefinitionArn ?? '';
  await world.e.ecs.send(
    new CreateServiceCommand({
      cluster: 'prod',
      serviceName: 'web',
      taskDefinition: v1,
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: NETWORK,
      loadBalancers: [{ targetGroupArn, containerName: 'web', containerPort: 8080 }],
    }),
  );
  await world.e.autoscaling.send(
    new RegisterScalableTargetCommand({ ServiceNamespace: 'ecs', ResourceId: 'service/prod/web', ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 2, MaxCapacity: 6 }),
  );
  const cloudwatch = new CloudWatchClient(config);
  for (const name of ['web-5xx', 'web-p99-latency']) {
    await cloudwatch.send(
      new PutMetricAlarmCommand({ AlarmName: name, MetricName: 'HTTPCode_Target_5XX_Count', Namespace: 'AWS/ApplicationELB', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 5, ComparisonOperator: 'GreaterThanThreshold' }),
    );
  }
  cloudwatch.destroy();
  await eventually('web to be steady with 2 healthy targets', async () => ((await healthyTargets(elb, targetGroupArn)) === 2 && (await webState(world.e.ecs, 'prod')).running === 2 ? true : undefined));
  return { elb, targetGroupArn, listenerArn: listener.Listeners?.[0]?.ListenerArn ?? '', v1 };
}

async function healthyTargets(elb: ElasticLoadBalancingV2Client, targetGroupArn: string): Promise<number> {
  const health = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
  return (health.TargetHealthDescriptions ?? []).filter((t) => t.TargetHealth?.State === 'healthy').length;
}

/** What a user checks afterwards: the listener still forwards to web's target group alone, and how many targets are healthy. */
async function traffic(live: Live): Promise<{ forwardsTo: string[]; healthy: number }> {
  const listener = (await live.elb.send(new DescribeListenersCommand({ ListenerArns: [live.listenerArn] }))).Listeners?.[0];
  const forwardsTo = (listener?.DefaultActions ?? []).map((a) => a.TargetGroupArn ?? a.ForwardConfig?.TargetGroups?.map((t) => t.TargetGroupArn).join(',') ?? '');
  return { forwardsTo, healthy: await healthyTargets(live.elb, live.targetGroupArn) };
}

/** The end of every failing variant: no canary left, web on v1 with its two healthy targets, its auto scaling as it was. */
async function expectNoCanaryAndWebUntouched(live: Live): Promise<void> {
  expect(await canaryStatus(w().e.ecs)).toMatch(/^(INACTIVE|MISSING)$/);
  expect(await webState(w().e.ecs, 'prod')).toEqual({ taskDefinition: live.v1, image: `${REPO}:0000000`, running: 2, desired: 2 });
  expect(await traffic(live)).toEqual({ forwardsTo: [live.targetGroupArn], healthy: 2 });
  expect(await webAutoScaling(w(), 'prod')).toEqual({ targets: ['2-6'], policies: [] });
}

describe('example 2: canary.yml', () => {
  it('canary, verify, approval, canary deleted and web rolled to the canary revision; the rollback job stays skipped', async () => {
    const live = await liveWeb(w());
    try {
      const run = await runExample(w(), 'canary.yml', { sha: '2222222', workspace: exampleCheckout(), vars: VARS });
      expect(jobResults(run)).toEqual({ canary: 'success', verify: 'success', rollout: 'success', 'verify-rollout': 'success', rollback: 'skipped' });
      expect(run.log).toContain('rollout: environment production: its protection rules (required reviewers, wait timer) treated as approved (the harness has no approvals)');
      const canary = run.jobs['canary']?.cells[0]?.steps.at(-1);
      expect(canary?.inputs).toMatchObject({ 'bake-seconds': '3', 'canary-percent': '10', alarms: 'web-5xx\nweb-p99-latency\n' });
      expect(canary?.run?.outputs).toMatchObject({ canaryServiceName: 'webCanary', canaryTaskCount: '1' });
      const released = run.jobs['canary']?.outputs['taskDefinitionArn'];
      expect(run.jobs['rollout']?.cells[0]?.steps.map((s) => [s.name, s.outcome, s.outputs['canaryDeleted'] ?? s.outputs['taskDefinitionArn']])).toEqual([
        ['aws-actions/configure-aws-credentials@v4', 'success', undefined],
        ['Delete the canary', 'success', 'true'],
        ['OWNER/ecs-delivery-actions/actions/ecs-rolling@v1', 'success', released],
      ]);
      expect(run.jobs['rollout']?.outputs).toEqual({ previousTaskDefinitionArn: live.v1 });
      expect(await canaryStatus(w().e.ecs)).toMatch(/^(INACTIVE|MISSING)$/);
      expect(await webState(w().e.ecs, 'prod')).toEqual({ taskDefinition: released, image: `${REPO}:2222222`, running: 2, desired: 2 });
      expect(await traffic(live)).toEqual({ forwardsTo: [live.targetGroupArn], healthy: 2 });
      // Suspended for the rollout, resumed after it.
      expect(await webAutoScaling(w(), 'prod')).toEqual({ targets: ['2-6'], policies: [] });
    } finally {
      live.elb.destroy();
    }
  });

  it('a failing smoke test of the canary ends in the rollback job: the canary is deleted, web never left its revision', async () => {
    const live = await liveWeb(w());
    try {
      const workspace = exampleCheckout({ smokeImage: 'registry.example.com/smoke:crash' });
      const run = await runExample(w(), 'canary.yml', { sha: '2222222', workspace, vars: VARS });
      expect(run.result).toBe('failure');
      expect(jobResults(run)).toEqual({ canary: 'success', verify: 'failure', rollout: 'skipped', 'verify-rollout': 'skipped', rollback: 'success' });
      const steps = run.jobs['rollback']?.cells[0]?.steps ?? [];
      expect(steps.map((s) => [s.name, s.outcome])).toEqual([
        ['aws-actions/configure-aws-credentials@v4', 'success'],
        ['Delete the canary', 'success'],
        ['Roll web back', 'skipped'],
      ]);
      expect(steps[1]?.outputs).toMatchObject({ canaryDeleted: 'true' });
      await expectNoCanaryAndWebUntouched(live);
    } finally {
      live.elb.destroy();
    }
  });

  it('a canary that crashes deletes itself; the rollback job finds no canary and web is untouched', async () => {
    const live = await liveWeb(w());
    try {
      const run = await runExample(w(), 'canary.yml', { sha: 'crash22', workspace: exampleCheckout(), vars: VARS });
      expect(jobResults(run)).toEqual({ canary: 'failure', verify: 'skipped', rollout: 'skipped', 'verify-rollout': 'skipped', rollback: 'success' });
      expect(run.jobs['rollback']?.cells[0]?.steps[1]?.outputs).toMatchObject({ canaryDeleted: 'false' });
      await expectNoCanaryAndWebUntouched(live);
    } finally {
      live.elb.destroy();
    }
  });
});
