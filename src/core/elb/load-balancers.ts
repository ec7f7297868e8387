/** A load balancer by name or ARN (application or network). */
import { DescribeLoadBalancersCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { httpOptions } from '../aws/call-options.js';
import { checkArnKind, isArn, lookupError, lookupOne } from './lookup-errors.js';
import type { ElbLookupOptions, LoadBalancerInfo } from './types.js';

const NOT_FOUND = ['LoadBalancerNotFoundException', 'LoadBalancerNotFound'];

/**
 * DescribeLoadBalancers for `ref`, a load balancer name or ARN. A load balancer that does not exist, or that is a
 * gateway load balancer, is a ConfigurationError naming `opts.input`.
 */
export async function findLoadBalancer(
  elb: ElasticLoadBalancingV2Client,
  ref: string,
  opts: ElbLookupOptions = {},
): Promise<LoadBalancerInfo> {
  const name = ref.trim();
  if (name === '') throw lookupError('a load balancer name or ARN is required', opts);
  const byArn = isArn(name);
  if (byArn) checkArnKind(name, 'loadbalancer', 'a load balancer', opts);
  const what = `load balancer '${name}'`;
  const found = await lookupOne(what, 'DescribeLoadBalancers', NOT_FOUND, opts, async () => {
    const input = byArn ? { LoadBalancerArns: [name] } : { Names: [name] };
    const out = await elb.send(new DescribeLoadBalancersCommand(input), httpOptions(opts));
    return out.LoadBalancers?.find((lb) => lb.LoadBalancerArn !== undefined);
  });
  const type = found.Type;
  if (type !== 'application' && type !== 'network') {
    throw lookupError(`${what} is a ${type ?? 'load balancer of unknown type'}; only application and network load balancers route service traffic`, opts);
  }
  return { arn: found.LoadBalancerArn ?? '', name: found.LoadBalancerName ?? name, type, dnsName: found.DNSName };
}
