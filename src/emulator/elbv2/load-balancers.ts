/** CreateLoadBalancer, DescribeLoadBalancers, DeleteLoadBalancer. */
import { createHash } from 'node:crypto';
import { AwsServiceError } from '../contracts.js';
import type { ElbContext, ElbHandler } from './context.js';
import { canonicalHostedZoneId, dnsName, loadBalancerArn } from './ids.js';
import { optStr, paginate, reqStr, strList, structList, validationError } from './params.js';
import type { Params } from './params.js';
import type { Json, LoadBalancerRec } from './store.js';
import { applyTags, readTags } from './tags.js';

const TYPES = ['application', 'network', 'gateway'] as const;

export function describeLoadBalancer(lb: LoadBalancerRec): Json {
  const out: Json = {
    LoadBalancerArn: lb.arn,
    DNSName: lb.dnsName,
    CanonicalHostedZoneId: lb.canonicalHostedZoneId,
    CreatedTime: new Date(lb.createdAt),
    LoadBalancerName: lb.name,
    Scheme: lb.scheme,
    VpcId: lb.vpcId,
    State: { Code: 'active' },
    Type: lb.type,
    AvailabilityZones: lb.availabilityZones.map((az) => ({ ...az, LoadBalancerAddresses: [] })),
    IpAddressType: lb.ipAddressType,
  };
  if (lb.type === 'application') out['SecurityGroups'] = lb.securityGroups;
  return out;
}

function validateName(name: string): void {
  if (name.length < 1 || name.length > 32) {
    throw validationError(`Load balancer name '${name}' cannot be longer than '32' characters`);
  }
  if (!/^[a-zA-Z0-9-]+$/.test(name) || name.startsWith('-') || name.endsWith('-')) {
    throw validationError(
      `Load balancer name '${name}' must contain only alphanumeric characters or hyphens, and must not begin or end with a hyphen`,
    );
  }
  if (name.startsWith('internal-')) throw validationError(`Load balancer name '${name}' cannot begin with 'internal-'`);
}

function subnetsOf(params: Params): string[] {
  const subnets = strList(params, 'Subnets');
  const mappings = structList(params, 'SubnetMappings').map((m) => reqStr(m, 'SubnetId'));
  if (subnets.length > 0 && mappings.length > 0) {
    throw validationError('You cannot specify both subnets and subnet mappings');
  }
  return subnets.length > 0 ? subnets : mappings;
}

export function loadBalancerHandlers(ctx: ElbContext): Record<string, ElbHandler> {
  const { store, scope, clock } = ctx;

  const create: ElbHandler = (params) => {
    const name = reqStr(params, 'Name');
    validateName(name);
    const typeRaw = optStr(params, 'Type') ?? 'application';
    const type = TYPES.find((t) => t === typeRaw);
    if (!type) throw validationError(`Load balancer type '${typeRaw}' is not valid`);
    const scheme = optStr(params, 'Scheme') ?? 'internet-facing';
    if (scheme !== 'internet-facing' && scheme !== 'internal') throw validationError(`Scheme '${scheme}' is not valid`);
    const subnets = subnetsOf(params);
    const minimum = type === 'application' ? 2 : 1;
    if (subnets.length < minimum) {
      throw validationError(
        type === 'application'
          ? 'At least two subnets in two different Availability Zones must be specified'
          : 'At least one subnet must be specified',
      );
    }
    const securityGroups = strList(params, 'SecurityGroups');
    const ipAddressType = optStr(params, 'IpAddressType') ?? 'ipv4';
    const tags = readTags(params);

    const existing = [...store.loadBalancers.values()].find((lb) => lb.name === name);
    if (existing) {
      const same =
        existing.type === type &&
        existing.scheme === scheme &&
        existing.availabilityZones.map((az) => az.SubnetId).join() === subnets.join();
      if (!same) {
        throw new AwsServiceError('DuplicateLoadBalancerName', `A load balancer with the same name '${name}' exists, but with different settings`);
      }
      return { LoadBalancers: [describeLoadBalancer(existing)] };
    }
    const vpcHash = createHash('sha1').update(subnets[0] ?? name).digest('hex').slice(0, 17);
    const lb: LoadBalancerRec = {
      arn: loadBalancerArn(scope, type, name),
      name,
      type,
      scheme,
      ipAddressType,
      vpcId: `vpc-${vpcHash}`,
      availabilityZones: subnets.map((SubnetId, i) => ({
        ZoneName: `${scope.region}${String.fromCharCode(97 + (i % 6))}`,
        SubnetId,
      })),
      securityGroups,
      createdAt: clock.now(),
      dnsName: dnsName(scope.region, type, name, scheme),
      canonicalHostedZoneId: canonicalHostedZoneId(type),
    };
    store.loadBalancers.set(lb.arn, lb);
    if (tags.size > 0) applyTags(store, lb.arn, tags);
    return { LoadBalancers: [describeLoadBalancer(lb)] };
  };

  const describe: ElbHandler = (params) => {
    const arns = strList(params, 'LoadBalancerArns');
    const names = strList(params, 'Names');
    if (arns.length > 0 && names.length > 0) {
      throw validationError('Load balancer names and load balancer ARNs cannot be specified at the same time');
    }
    let found = [...store.loadBalancers.values()];
    if (arns.length > 0) {
      if (arns.some((arn) => !store.loadBalancers.has(arn))) {
        throw new AwsServiceError('LoadBalancerNotFound', 'One or more load balancers not found');
      }
      found = found.filter((lb) => arns.includes(lb.arn));
    }
    if (names.length > 0) {
      const missingNames = names.filter((n) => !found.some((lb) => lb.name === n));
      if (missingNames.length > 0) {
        throw new AwsServiceError('LoadBalancerNotFound', `Load balancers '[${missingNames.join(', ')}]' not found`);
      }
      found = found.filter((lb) => names.includes(lb.name));
    }
    const { page, nextMarker } = paginate(found, params);
    return { LoadBalancers: page.map(describeLoadBalancer), NextMarker: nextMarker };
  };

  const remove: ElbHandler = (params) => {
    const arn = reqStr(params, 'LoadBalancerArn');
    if (!store.loadBalancers.has(arn)) return {}; // AWS: deleting a load balancer that does not exist succeeds.
    for (const listener of store.listenersOf(arn)) {
      for (const rule of store.rulesOf(listener.arn)) {
        store.rules.delete(rule.arn);
        store.tags.delete(rule.arn);
      }
      store.listeners.delete(listener.arn);
      store.tags.delete(listener.arn);
      store.tags.delete(listener.defaultRuleArn);
    }
    store.loadBalancers.delete(arn);
    store.tags.delete(arn);
    store.refreshUsage();
    return {};
  };

  return { CreateLoadBalancer: create, DescribeLoadBalancers: describe, DeleteLoadBalancer: remove };
}
