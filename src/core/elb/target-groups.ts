/** A target group: port, protocol, type, health check and deregistration delay. */
import { DescribeTargetGroupAttributesCommand, DescribeTargetGroupsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ElasticLoadBalancingV2Client, TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2';
import { httpOptions } from '../aws/call-options.js';
import { checkArnKind, lookupOne } from './lookup-errors.js';
import type { ElbLookupOptions, TargetGroupInfo } from './types.js';

const NOT_FOUND = ['TargetGroupNotFoundException', 'TargetGroupNotFound'];
export const DEREGISTRATION_DELAY_ATTRIBUTE = 'deregistration_delay.timeout_seconds';

/**
 * DescribeTargetGroups and DescribeTargetGroupAttributes for one target group ARN. A target group that does not
 * exist is a ConfigurationError naming `opts.input`.
 */
export async function describeTargetGroup(
  elb: ElasticLoadBalancingV2Client,
  arn: string,
  opts: ElbLookupOptions = {},
): Promise<TargetGroupInfo> {
  checkArnKind(arn, 'targetgroup', 'a target group', opts);
  const what = `target group '${arn}'`;
  const found = await lookupOne(what, 'DescribeTargetGroups', NOT_FOUND, opts, async () => {
    const out = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [arn] }), httpOptions(opts));
    return out.TargetGroups?.[0];
  });
  const attributes = await lookupOne(what, 'DescribeTargetGroupAttributes', NOT_FOUND, opts, async () => {
    const out = await elb.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: arn }), httpOptions(opts));
    return out.Attributes ?? [];
  });
  return toTargetGroupInfo(found, attributes.find((a) => a.Key === DEREGISTRATION_DELAY_ATTRIBUTE)?.Value);
}

function toTargetGroupInfo(tg: TargetGroup, delay: string | undefined): TargetGroupInfo {
  const seconds = delay === undefined || delay.trim() === '' ? undefined : Number(delay);
  return {
    arn: tg.TargetGroupArn ?? '',
    name: tg.TargetGroupName ?? '',
    port: tg.Port,
    protocol: tg.Protocol,
    targetType: tg.TargetType ?? 'instance',
    loadBalancerArns: tg.LoadBalancerArns ?? [],
    healthCheck: {
      enabled: tg.HealthCheckEnabled !== false,
      protocol: tg.HealthCheckProtocol,
      port: tg.HealthCheckPort,
      path: tg.HealthCheckPath,
      intervalSeconds: tg.HealthCheckIntervalSeconds,
      timeoutSeconds: tg.HealthCheckTimeoutSeconds,
      healthyThresholdCount: tg.HealthyThresholdCount,
      unhealthyThresholdCount: tg.UnhealthyThresholdCount,
    },
    deregistrationDelaySeconds: seconds !== undefined && Number.isFinite(seconds) ? seconds : undefined,
  };
}

/** A target group's name from its ARN: `web-tg` from `arn:aws:elasticloadbalancing:…:targetgroup/web-tg/0123…`. */
export function targetGroupName(arn: string): string {
  return /targetgroup\/([^/]+)\//.exec(arn)?.[1] ?? arn;
}
