/**
 * C1: how much of the real traffic the canary takes. For each target group the canary joined, how many of the
 * group's healthy targets are canary tasks: `1 of 5 tasks (20 %)` (a load balancer spreads requests over healthy
 * targets). Reads only: the canary's tasks and one DescribeTargetHealth a group.
 */
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsCallOptions } from '../../core/aws/call-options.js';
import { describeTargetHealth, matchTargets, serviceTargets, targetGroupName, type ContainerBinding } from '../../core/elb/index.js';

export interface TargetGroupBinding extends ContainerBinding {
  targetGroupArn: string;
}

export interface TrafficShare {
  targetGroupArn: string;
  /** The target group's name, from its ARN. */
  name: string;
  canary: number;
  total: number;
  /** `1 of 5 tasks (20 %)` */
  text: string;
}

export async function trafficShares(
  clients: { ecs: ECSClient; elb: ElasticLoadBalancingV2Client },
  where: { cluster: string; canaryName: string },
  bindings: readonly TargetGroupBinding[],
  call: AwsCallOptions = {},
): Promise<TrafficShare[]> {
  const shares: TrafficShare[] = [];
  for (const b of bindings) {
    const expected = await serviceTargets(clients.ecs, { ...b, cluster: where.cluster, service: where.canaryName })(call);
    const health = await describeTargetHealth(clients.elb, b.targetGroupArn, call);
    const canary = matchTargets(expected, health).filter((r) => r.state === 'healthy').length;
    const total = health.filter((d) => d.TargetHealth?.State === 'healthy').length;
    shares.push({ targetGroupArn: b.targetGroupArn, name: targetGroupName(b.targetGroupArn), canary, total, text: shareText(canary, total) });
  }
  return shares;
}

export function shareText(canary: number, total: number): string {
  const pct = total === 0 ? 0 : Math.round((canary * 100) / total);
  return `${canary} of ${total} ${total === 1 ? 'task' : 'tasks'} (${pct} %)`;
}

/** The canary's load balancer entries that name a target group (a Classic Load Balancer's have none). */
export function bindingsOf(loadBalancers: readonly { targetGroupArn?: string | undefined; containerName?: string | undefined; containerPort?: number | undefined }[]): TargetGroupBinding[] {
  return loadBalancers.flatMap((lb) =>
    lb.targetGroupArn !== undefined && lb.containerName !== undefined && lb.containerPort !== undefined
      ? [{ targetGroupArn: lb.targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort }]
      : [],
  );
}
