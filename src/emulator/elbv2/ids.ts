/** ARNs and DNS names of the shapes ELBv2 hands out. */
import { randomBytes } from 'node:crypto';

export const hex16 = (): string => randomBytes(8).toString('hex');

export interface ArnScope {
  region: string;
  accountId: string;
}

const prefix = (s: ArnScope): string => `arn:aws:elasticloadbalancing:${s.region}:${s.accountId}`;

export const lbKind = (type: string): string => (type === 'network' ? 'net' : type === 'gateway' ? 'gwy' : 'app');

export function loadBalancerArn(s: ArnScope, type: string, name: string): string {
  return `${prefix(s)}:loadbalancer/${lbKind(type)}/${name}/${hex16()}`;
}

export function targetGroupArn(s: ArnScope, name: string): string {
  return `${prefix(s)}:targetgroup/${name}/${hex16()}`;
}

/** `…:loadbalancer/app/<name>/<id>` → `…:listener/app/<name>/<id>/<listener id>`. */
export function listenerArn(lbArn: string): string {
  return `${lbArn.replace(':loadbalancer/', ':listener/')}/${hex16()}`;
}

/** `…:listener/app/<name>/<lb id>/<listener id>` → `…:listener-rule/app/<name>/<lb id>/<listener id>/<rule id>`. */
export function ruleArn(lsnArn: string): string {
  return `${lsnArn.replace(':listener/', ':listener-rule/')}/${hex16()}`;
}

export function dnsName(region: string, type: string, name: string, scheme: string): string {
  const internal = scheme === 'internal' ? 'internal-' : '';
  if (type === 'network') return `${internal}${name}-${hex16()}.elb.${region}.amazonaws.com`;
  const digits = String(parseInt(hex16().slice(0, 8), 16)).padStart(10, '1').slice(0, 10);
  return `${internal}${name}-${digits}.${region}.elb.amazonaws.com`;
}

/** The Route 53 zone of ELB DNS names in us-east-1 (used for every region: the emulator has no DNS). */
export const canonicalHostedZoneId = (type: string): string => (type === 'network' ? 'Z26RNL4JYFTOTI' : 'Z35SXDOTRQ7X7K');
