import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { RolloutPace } from '../../../../../src/core/deploy/watch/rollout-pace.js';
import { ReadLedger } from '../../../../../src/core/aws/read-ledger.js';
import { FakeClock } from '../../../../helpers/fakes.js';
import type { PollIo } from '../../../../../src/core/deploy/watch/service-poll.js';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
const TG = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef';
const elbMock = mockClient(ElasticLoadBalancingV2Client);
const elb = new ElasticLoadBalancingV2Client({ region: 'eu-west-1' });
const ecsMock = mockClient(ECSClient);
const ecs = new ECSClient({ region: 'eu-west-1' });
const OLD_TD = 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1';

beforeEach(() => {
  elbMock.reset();
  ecsMock.reset();
});

function io(now: number, calls: string[] = []): PollIo {
  return { signal: undefined, onCall: (op) => calls.push(op), pace: () => undefined, startedAt: T0, now: () => T0 + now };
}

const ours = (running: number, extra: Partial<Deployment> = {}): Deployment => ({
  id: 'ecs-svc/new',
  status: 'PRIMARY',
  desiredCount: 2,
  runningCount: running,
  pendingCount: 2 - running,
  failedTasks: 0,
  createdAt: new Date(T0),
  ...extra,
});
const old: Deployment = { id: 'ecs-svc/old', status: 'ACTIVE', desiredCount: 0, runningCount: 2, taskDefinition: OLD_TD };
const event = (at: number, message: string) => ({ id: `e${at}`, createdAt: new Date(T0 + at), message });

function service(deployments: Deployment[], extra: Partial<Service> = {}): Service {
  return { serviceName: 'web', status: 'ACTIVE', deployments, events: [], ...extra };
}

describe('RolloutPace: how near a rollout is to its end (issue 17)', () => {
  it('reads what a deployment without a load balancer shows: not visible yet, idle, some running, failing, draining', async () => {
    const pace = new RolloutPace(undefined);
    expect(await pace.hint(service([old]), undefined, io(0))).toEqual({ kind: 'near' });
    expect(await pace.hint(service([ours(0), old]), ours(0), io(3000))).toEqual({ kind: 'idle', since: T0 });
    expect(await pace.hint(service([ours(1), old]), ours(1), io(9000))).toEqual({ kind: 'near' });
    expect(await pace.hint(service([ours(0), old]), ours(0, { failedTasks: 1 }), io(9000))).toEqual({ kind: 'near' });
    // A task failed earlier and ECS reset failedTasks: near until the tasks recover.
    expect(await pace.hint(service([ours(0), old]), ours(0), io(10_000), true)).toEqual({ kind: 'near' });
    expect(await pace.hint(service([ours(2), old]), ours(2), io(12_000))).toEqual({ kind: 'near' });
    expect(await pace.hint(service([ours(2)]), ours(2), io(13_000))).toEqual({ kind: 'near' });
  });

  it('predicts the end of a load balancer drain from the target group, read once, and ECS\'s draining event', async () => {
    elbMock.on(DescribeTargetGroupsCommand).resolves({
      TargetGroups: [{ TargetGroupArn: TG, TargetGroupName: 'web', HealthCheckIntervalSeconds: 5, HealthyThresholdCount: 2 }],
    });
    elbMock.on(DescribeTargetGroupAttributesCommand).resolves({ Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }] });
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [{ name: 'web' }, { name: 'log', stopTimeout: 10 }] } });
    const pace = new RolloutPace(elb, ecs);
    const calls: string[] = [];
    const lb = { loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 80 }] };
    // All new tasks run at 10 s: healthy after 5 s × 2, then the 30 s drain: the end is expected at 50 s at the latest.
    expect(await pace.hint(service([ours(2), old], lb), ours(2), io(10_000, calls))).toEqual({ kind: 'eta', at: T0 + 50_000, latest: true });
    // ECS says it began draining at 18 s: the drain ends at 48 s at the latest.
    const draining = { ...lb, events: [event(18_000, '(service web) has begun draining connections on 2 tasks.')] };
    const drainHint = { kind: 'eta', at: T0 + 48_000, latest: true, since: T0 + 18_000 };
    expect(await pace.hint(service([ours(2), old], draining), ours(2), io(20_000, calls))).toEqual(drainHint);
    // The old deployment's running count drops when ECS asks its tasks to stop; it stays listed while they drain.
    const stopping = { ...old, runningCount: 0, desiredCount: 0 };
    expect(await pace.hint(service([ours(2), stopping], draining), ours(2), io(30_000, calls))).toEqual(drainHint);
    // ECS says the targets were deregistered at 36 s (the drain ended early): the old tasks stop within the longest
    // stop timeout of the old revision's containers (30 s when a container sets none).
    const drained = { ...lb, events: [event(36_000, '(service web) deregistered 2 targets in (target-group x)'), ...draining.events] };
    expect(await pace.hint(service([ours(2), stopping], drained), ours(2), io(37_000, calls))).toEqual({ kind: 'within', since: T0 + 36_000, until: T0 + 66_000 });
    // Past the drain's latest end without that event: the stop began when the delay ran out.
    expect(await pace.hint(service([ours(2), stopping], draining), ours(2), io(49_000, calls))).toEqual({ kind: 'within', since: T0 + 48_000, until: T0 + 78_000 });
    // Old tasks gone: the rollout is being marked COMPLETED.
    expect(await pace.hint(service([ours(2)], draining), ours(2), io(49_000, calls))).toEqual({ kind: 'near' });
    expect(calls).toEqual(['DescribeTargetGroups', 'DescribeTargetGroupAttributes', 'DescribeTaskDefinition']);
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)[0]?.args[0].input).toEqual({ taskDefinition: OLD_TD });
  });

  it('without a load balancer, paces the old tasks\' stop by their stop timeout from ECS\'s "has stopped" event', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [{ name: 'web', stopTimeout: 45 }] } });
    const pace = new RolloutPace(undefined, ecs);
    const calls: string[] = [];
    // All running, the old tasks not stopped yet (e.g. waiting for container health checks): near.
    expect(await pace.hint(service([ours(2), old]), ours(2), io(12_000, calls))).toEqual({ kind: 'near' });
    // A stop event from before this rollout does not count.
    const before = { events: [event(-5000, '(service web) has stopped 2 running tasks: (task a) (task b).')] };
    expect(await pace.hint(service([ours(2), old], before), ours(2), io(13_000, calls))).toEqual({ kind: 'near' });
    const stopped = { events: [event(13_500, '(service web) has stopped 2 running tasks: (task c) (task d).')] };
    expect(await pace.hint(service([ours(2), old], stopped), ours(2), io(14_000, calls))).toEqual({ kind: 'within', since: T0 + 13_500, until: T0 + 58_500 });
    expect(await pace.hint(service([ours(2), old], stopped), ours(2), io(20_000, calls))).toEqual({ kind: 'within', since: T0 + 13_500, until: T0 + 58_500 });
    expect(calls).toEqual(['DescribeTaskDefinition']);
  });

  it('does not read the old revision while the run is throttled (a busy account), and reads it once it is quiet', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { containerDefinitions: [{ name: 'web' }] } });
    const clock = new FakeClock(T0);
    const reads = new ReadLedger(clock);
    reads.throttled();
    const pace = new RolloutPace(undefined, ecs, reads);
    const stopped = { events: [event(13_500, '(service web) has stopped 2 running tasks: (task c) (task d).')] };
    expect(await pace.hint(service([ours(2), old], stopped), ours(2), io(14_000))).toEqual({ kind: 'near' });
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(0);
    clock.advance(60_000);
    expect(await pace.hint(service([ours(2), old], stopped), ours(2), io(15_000))).toEqual({ kind: 'within', since: T0 + 13_500, until: T0 + 43_500 });
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(1);
  });

  it('paces the stop as near when the old revision cannot be read, and does not read it again', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    const pace = new RolloutPace(undefined, ecs);
    const stopped = { events: [event(13_500, '(service web) has stopped 2 running tasks: (task c) (task d).')] };
    expect(await pace.hint(service([ours(2), old], stopped), ours(2), io(14_000))).toEqual({ kind: 'near' });
    expect(await pace.hint(service([ours(2), old], stopped), ours(2), io(15_000))).toEqual({ kind: 'near' });
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(1);
  });

  it('predicts nothing (near) when the target group cannot be read, and does not read it again', async () => {
    elbMock.on(DescribeTargetGroupsCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDenied' }));
    const pace = new RolloutPace(elb);
    const lb = { loadBalancers: [{ targetGroupArn: TG }] };
    expect(await pace.hint(service([ours(2), old], lb), ours(2), io(10_000))).toEqual({ kind: 'near' });
    expect(await pace.hint(service([ours(2), old], lb), ours(2), io(11_000))).toEqual({ kind: 'near' });
    expect(elbMock.commandCalls(DescribeTargetGroupsCommand)).toHaveLength(1);
  });
});
