/**
 * The ELBv2, Application Auto Scaling and CloudWatch Logs modules driven by the unmodified SDK clients over a
 * loopback endpoint that only decodes/encodes (test/helpers/emulator/module-endpoint.ts): the request shapes
 * the SDK sends reach the handlers intact, and what the handlers return is what the SDK types promise
 * (numbers, booleans, Dates, nested lists) — with the simulated clock under the test's control.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as elbv2 from '@aws-sdk/client-elastic-load-balancing-v2';
import * as aas from '@aws-sdk/client-application-auto-scaling';
import * as cwl from '@aws-sdk/client-cloudwatch-logs';
import { createAutoScalingModule } from '../../../src/emulator/autoscaling/index.js';
import { createElbv2Module } from '../../../src/emulator/elbv2/index.js';
import { createLogsModule } from '../../../src/emulator/logs/index.js';
import { dummyCredentials } from '../../helpers/emulator/loopback-server.js';
import { fakeWorld } from '../../helpers/emulator/module-harness.js';
import { serveModules } from '../../helpers/emulator/module-endpoint.js';
import type { ModuleEndpoint } from '../../helpers/emulator/module-endpoint.js';

const world = fakeWorld({ activeServices: new Set(['service/prod/web']) });
const scope = { clock: world.clock, region: 'us-east-1', accountId: '123456789012' };
let endpoint: ModuleEndpoint;
let elb: elbv2.ElasticLoadBalancingV2Client;
let scaling: aas.ApplicationAutoScalingClient;
let logs: cwl.CloudWatchLogsClient;

beforeAll(async () => {
  endpoint = await serveModules(
    {
      query: createElbv2Module(scope).module,
      json: { AnyScaleFrontendService: createAutoScalingModule(scope).module, Logs_20140328: createLogsModule(scope).module },
    },
    world,
  );
  const config = { region: 'us-east-1', endpoint: endpoint.url, credentials: dummyCredentials, maxAttempts: 1 };
  elb = new elbv2.ElasticLoadBalancingV2Client(config);
  scaling = new aas.ApplicationAutoScalingClient(config);
  logs = new cwl.CloudWatchLogsClient(config);
});

afterAll(async () => {
  for (const client of [elb, scaling, logs]) client.destroy();
  await endpoint.close();
});

describe('ELBv2 through the SDK', () => {
  it('builds a load balancer, swaps the listener and reports target health over simulated time', async () => {
    const lb = (await elb.send(new elbv2.CreateLoadBalancerCommand({ Name: 'web', Subnets: ['subnet-1', 'subnet-2'], Tags: [{ Key: 'app', Value: 'web' }] })))
      .LoadBalancers?.[0];
    expect(lb?.CreatedTime).toBeInstanceOf(Date);
    expect(lb?.State?.Code).toBe('active');
    const tg = async (Name: string) =>
      (
        await elb.send(
          new elbv2.CreateTargetGroupCommand({ Name, Protocol: 'HTTP', Port: 8080, VpcId: 'vpc-1', TargetType: 'ip', HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2 }),
        )
      ).TargetGroups?.[0]?.TargetGroupArn ?? '';
    const blue = await tg('blue');
    const green = await tg('green');
    const listener = (
      await elb.send(new elbv2.CreateListenerCommand({ LoadBalancerArn: lb?.LoadBalancerArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: blue }] }))
    ).Listeners?.[0];
    expect(listener?.Port).toBe(80);
    await elb.send(
      new elbv2.CreateRuleCommand({
        ListenerArn: listener?.ListenerArn,
        Priority: 10,
        Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/beta/*'] } }],
        Actions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: green, Weight: 100 }] } }],
      }),
    );
    const rules = (await elb.send(new elbv2.DescribeRulesCommand({ ListenerArn: listener?.ListenerArn }))).Rules ?? [];
    expect(rules.map((r) => [r.Priority, r.IsDefault, r.Actions?.[0]?.TargetGroupArn])).toEqual([
      ['10', false, green],
      ['default', true, blue],
    ]);
    expect(rules[0]?.Conditions?.[0]).toEqual({ Field: 'path-pattern', Values: ['/beta/*'], PathPatternConfig: { Values: ['/beta/*'] } });

    await elb.send(new elbv2.ModifyListenerCommand({ ListenerArn: listener?.ListenerArn, DefaultActions: [{ Type: 'forward', TargetGroupArn: green }] }));
    const [after] = (await elb.send(new elbv2.DescribeListenersCommand({ ListenerArns: [listener?.ListenerArn ?? ''] }))).Listeners ?? [];
    expect(after?.DefaultActions?.[0]?.ForwardConfig?.TargetGroups).toEqual([{ TargetGroupArn: green, Weight: 1 }]);
    const groups = (await elb.send(new elbv2.DescribeTargetGroupsCommand({ TargetGroupArns: [blue, green] }))).TargetGroups ?? [];
    expect(groups.map((g) => [g.TargetGroupName, g.LoadBalancerArns])).toEqual([
      ['blue', []],
      ['green', [lb?.LoadBalancerArn]],
    ]);

    await elb.send(new elbv2.RegisterTargetsCommand({ TargetGroupArn: green, Targets: [{ Id: '10.0.1.5' }] }));
    const health = async () => (await elb.send(new elbv2.DescribeTargetHealthCommand({ TargetGroupArn: green }))).TargetHealthDescriptions ?? [];
    expect((await health())[0]?.TargetHealth).toEqual({ State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' });
    world.clock.advanceSeconds(10);
    expect((await health())[0]).toMatchObject({ Target: { Id: '10.0.1.5', Port: 8080 }, HealthCheckPort: '8080', TargetHealth: { State: 'healthy' } });

    await elb.send(new elbv2.AddTagsCommand({ ResourceArns: [green], Tags: [{ Key: 'BG_VERSION', Value: 'BLUE' }] }));
    const tags = await elb.send(new elbv2.DescribeTagsCommand({ ResourceArns: [lb?.LoadBalancerArn ?? '', green] }));
    expect(tags.TagDescriptions?.map((d) => d.Tags)).toEqual([[{ Key: 'app', Value: 'web' }], [{ Key: 'BG_VERSION', Value: 'BLUE' }]]);
  });

  it('raises the modelled exception classes', async () => {
    await expect(elb.send(new elbv2.DescribeTargetGroupsCommand({ Names: ['nope'] }))).rejects.toBeInstanceOf(elbv2.TargetGroupNotFoundException);
    await expect(elb.send(new elbv2.DescribeListenersCommand({ ListenerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/1/2'] }))).rejects.toBeInstanceOf(
      elbv2.ListenerNotFoundException,
    );
    await expect(elb.send(new elbv2.DescribeRulesCommand({ RuleArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/x/1/2/3'] }))).rejects.toBeInstanceOf(
      elbv2.RuleNotFoundException,
    );
    await expect(elb.send(new elbv2.DescribeLoadBalancersCommand({ Names: ['nope'] }))).rejects.toBeInstanceOf(elbv2.LoadBalancerNotFoundException);
    await expect(elb.send(new elbv2.CreateTargetGroupCommand({ Name: 'x', Protocol: 'HTTP', Port: 80 }))).rejects.toMatchObject({ name: 'ValidationError' });
  });
});

describe('Application Auto Scaling through the SDK', () => {
  it('registers, describes, puts and deletes, with CreationTime as a Date and ObjectNotFoundException', async () => {
    const target = { ServiceNamespace: 'ecs' as const, ResourceId: 'service/prod/web', ScalableDimension: 'ecs:service:DesiredCount' as const };
    const { ScalableTargetARN } = await scaling.send(new aas.RegisterScalableTargetCommand({ ...target, MinCapacity: 2, MaxCapacity: 6 }));
    const [described] = (await scaling.send(new aas.DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [target.ResourceId] }))).ScalableTargets ?? [];
    expect(described).toMatchObject({ ...target, MinCapacity: 2, MaxCapacity: 6, ScalableTargetARN });
    expect(described?.CreationTime?.getTime()).toBe(world.clock.now());
    const put = await scaling.send(
      new aas.PutScalingPolicyCommand({
        ...target,
        PolicyName: 'cpu',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
      }),
    );
    expect(put.Alarms).toHaveLength(2);
    const [policy] = (await scaling.send(new aas.DescribeScalingPoliciesCommand({ ServiceNamespace: 'ecs', ResourceId: target.ResourceId }))).ScalingPolicies ?? [];
    expect(policy?.TargetTrackingScalingPolicyConfiguration?.TargetValue).toBe(60);
    expect(policy?.PolicyARN).toBe(put.PolicyARN);
    await scaling.send(new aas.DeregisterScalableTargetCommand(target));
    await expect(scaling.send(new aas.DeleteScalingPolicyCommand({ ...target, PolicyName: 'cpu' }))).rejects.toBeInstanceOf(aas.ObjectNotFoundException);
    await expect(scaling.send(new aas.RegisterScalableTargetCommand({ ...target, ResourceId: 'service/prod/gone', MinCapacity: 1, MaxCapacity: 1 }))).rejects.toBeInstanceOf(
      aas.ValidationException,
    );
  });
});

describe('CloudWatch Logs through the SDK', () => {
  it('creates a group and stream, puts and tails events, and raises the modelled exceptions', async () => {
    await logs.send(new cwl.CreateLogGroupCommand({ logGroupName: '/ecs/web' }));
    await expect(logs.send(new cwl.CreateLogGroupCommand({ logGroupName: '/ecs/web' }))).rejects.toBeInstanceOf(cwl.ResourceAlreadyExistsException);
    await logs.send(new cwl.CreateLogStreamCommand({ logGroupName: '/ecs/web', logStreamName: 'ecs/app/1' }));
    const now = world.clock.now();
    await logs.send(new cwl.PutLogEventsCommand({ logGroupName: '/ecs/web', logStreamName: 'ecs/app/1', logEvents: [{ timestamp: now, message: 'hello' }] }));
    const first = await logs.send(new cwl.GetLogEventsCommand({ logGroupName: '/ecs/web', logStreamName: 'ecs/app/1', startFromHead: true }));
    expect(first.events).toEqual([{ timestamp: now, message: 'hello', ingestionTime: now }]);
    const idle = await logs.send(new cwl.GetLogEventsCommand({ logGroupName: '/ecs/web', logStreamName: 'ecs/app/1', nextToken: first.nextForwardToken }));
    expect(idle.events).toEqual([]);
    expect(idle.nextForwardToken).toBe(first.nextForwardToken);
    const streams = await logs.send(new cwl.DescribeLogStreamsCommand({ logGroupName: '/ecs/web', orderBy: 'LastEventTime', descending: true }));
    expect(streams.logStreams?.[0]).toMatchObject({ logStreamName: 'ecs/app/1', lastEventTimestamp: now });
    await expect(logs.send(new cwl.GetLogEventsCommand({ logGroupName: '/nope', logStreamName: 's' }))).rejects.toBeInstanceOf(cwl.ResourceNotFoundException);
  });
});
