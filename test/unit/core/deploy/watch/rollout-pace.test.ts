import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { RolloutPace } from '../../../../../src/core/deploy/watch/rollout-pace.js';
import type { PollIo } from '../../../../../src/core/deploy/watch/service-poll.js';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
const TG = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef';
const elbMock = mockClient(ElasticLoadBalancingV2Client);
const elb = new ElasticLoadBalancingV2Client({ region: 'eu-west-1' });

beforeEach(() => {
  elbMock.reset();
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
const old: Deployment = { id: 'ecs-svc/old', status: 'ACTIVE', desiredCount: 0, runningCount: 2 };

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
    const pace = new RolloutPace(elb);
    const calls: string[] = [];
    const lb = { loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 80 }] };
    // All new tasks run at 10 s: healthy after 5 s × 2, then the 30 s drain: the end is expected at 50 s.
    expect(await pace.hint(service([ours(2), old], lb), ours(2), io(10_000, calls))).toEqual({ kind: 'eta', at: T0 + 50_000, latest: true });
    // ECS says it began draining at 18 s: the end is expected at 48 s.
    const draining = { ...lb, events: [{ id: 'e1', createdAt: new Date(T0 + 18_000), message: '(service web) has begun draining connections on 2 tasks.' }] };
    expect(await pace.hint(service([ours(2), old], draining), ours(2), io(20_000, calls))).toEqual({ kind: 'eta', at: T0 + 48_000, latest: true });
    // The old deployment's running count drops when ECS asks its tasks to stop; it stays listed while they drain.
    const stopping = { ...old, runningCount: 0, desiredCount: 0 };
    expect(await pace.hint(service([ours(2), stopping], draining), ours(2), io(30_000, calls))).toEqual({ kind: 'eta', at: T0 + 48_000, latest: true });
    // Old tasks gone: the rollout is being marked COMPLETED.
    expect(await pace.hint(service([ours(2)], draining), ours(2), io(49_000, calls))).toEqual({ kind: 'near' });
    expect(calls).toEqual(['DescribeTargetGroups', 'DescribeTargetGroupAttributes']);
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
