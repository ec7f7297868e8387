/**
 * ELBv2 state: load balancers, target groups (with their registered targets), listeners, rules and tags,
 * plus the lookups that answer with the AWS "not found" errors.
 */
import { AwsServiceError } from '../contracts.js';
import type { SimClock } from '../contracts.js';

export type Json = Record<string, unknown>;

export interface LoadBalancerRec {
  arn: string;
  name: string;
  type: 'application' | 'network' | 'gateway';
  scheme: string;
  ipAddressType: string;
  vpcId: string;
  availabilityZones: { ZoneName: string; SubnetId: string }[];
  securityGroups: string[];
  createdAt: number;
  dnsName: string;
  canonicalHostedZoneId: string;
}

export interface HealthCheck {
  enabled: boolean;
  protocol?: string;
  port: string;
  path?: string;
  intervalSeconds: number;
  timeoutSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  matcher?: Json;
}

export interface TargetRec {
  id: string;
  port: number;
  availabilityZone?: string;
  registeredAt: number;
  /** Whether the target answers health checks successfully (ECS decides this from the task). */
  passes: boolean;
  /** When `passes` last changed (or registration), and what the target showed before that. */
  changedAt: number;
  previous: 'initial' | 'healthy' | 'unhealthy';
  deregisteredAt?: number;
  /** Deregistration delay (ms) captured when draining started. */
  drainMs?: number;
}

export interface TargetGroupRec {
  arn: string;
  name: string;
  targetType: 'instance' | 'ip' | 'lambda' | 'alb';
  protocol?: string;
  protocolVersion?: string;
  port?: number;
  vpcId?: string;
  ipAddressType?: string;
  healthCheck: HealthCheck;
  attributes: Map<string, string>;
  targets: Map<string, TargetRec>;
  /** Simulated time at which the group last became used by a load balancer (health checks start then). */
  inUseSince?: number;
  loadBalancerArns: string[];
}

export interface ListenerRec {
  arn: string;
  loadBalancerArn: string;
  port?: number;
  protocol?: string;
  sslPolicy?: string;
  certificates?: Json[];
  alpnPolicy?: string[];
  defaultActions: Json[];
  defaultRuleArn: string;
}

export interface RuleRec {
  arn: string;
  listenerArn: string;
  priority: number;
  conditions: Json[];
  actions: Json[];
}

export const targetKey = (id: string, port: number): string => `${id}:${port}`;

export class ElbStore {
  readonly loadBalancers = new Map<string, LoadBalancerRec>();
  readonly targetGroups = new Map<string, TargetGroupRec>();
  readonly listeners = new Map<string, ListenerRec>();
  readonly rules = new Map<string, RuleRec>();
  readonly tags = new Map<string, Map<string, string>>();

  constructor(
    readonly clock: SimClock,
    /** Availability Zone reported for targets registered without one. */
    readonly defaultZone: string,
  ) {}

  clear(): void {
    this.loadBalancers.clear();
    this.targetGroups.clear();
    this.listeners.clear();
    this.rules.clear();
    this.tags.clear();
  }

  loadBalancer(arn: string): LoadBalancerRec {
    const lb = this.loadBalancers.get(arn);
    if (!lb) throw new AwsServiceError('LoadBalancerNotFound', `Load balancer '${arn}' not found`);
    return lb;
  }

  targetGroup(arn: string): TargetGroupRec {
    const tg = this.targetGroups.get(arn);
    if (!tg) throw new AwsServiceError('TargetGroupNotFound', `Target groups '${arn}' not found`);
    return tg;
  }

  listener(arn: string): ListenerRec {
    const listener = this.listeners.get(arn);
    if (!listener) throw new AwsServiceError('ListenerNotFound', 'One or more listeners not found');
    return listener;
  }

  /** A rule ARN names either a listener's default rule or a rule created with CreateRule. */
  isDefaultRule(arn: string): ListenerRec | undefined {
    for (const listener of this.listeners.values()) if (listener.defaultRuleArn === arn) return listener;
    return undefined;
  }

  listenersOf(loadBalancerArn: string): ListenerRec[] {
    return [...this.listeners.values()].filter((l) => l.loadBalancerArn === loadBalancerArn);
  }

  rulesOf(listenerArn: string): RuleRec[] {
    return [...this.rules.values()].filter((r) => r.listenerArn === listenerArn).sort((a, b) => a.priority - b.priority);
  }

  /**
   * Recomputes which load balancers use each target group (a listener default action or a rule forwards to it)
   * and stamps the moment a group starts being used, when its health checks begin.
   */
  refreshUsage(): void {
    const usage = new Map<string, Set<string>>();
    const note = (actions: Json[], lbArn: string): void => {
      for (const tgArn of forwardedTargetGroups(actions)) {
        const set = usage.get(tgArn) ?? new Set<string>();
        set.add(lbArn);
        usage.set(tgArn, set);
      }
    };
    for (const listener of this.listeners.values()) {
      note(listener.defaultActions, listener.loadBalancerArn);
      for (const rule of this.rulesOf(listener.arn)) note(rule.actions, listener.loadBalancerArn);
    }
    const now = this.clock.now();
    for (const tg of this.targetGroups.values()) {
      const lbs = [...(usage.get(tg.arn) ?? [])].sort();
      if (lbs.length > 0 && tg.loadBalancerArns.length === 0) tg.inUseSince = now;
      if (lbs.length === 0) delete tg.inUseSince;
      tg.loadBalancerArns = lbs;
    }
  }
}

/** Target group ARNs an action list forwards to (TargetGroupArn or ForwardConfig.TargetGroups). */
export function forwardedTargetGroups(actions: Json[]): string[] {
  const arns: string[] = [];
  for (const action of actions) {
    if (action['Type'] !== 'forward') continue;
    if (typeof action['TargetGroupArn'] === 'string') arns.push(action['TargetGroupArn']);
    const config = action['ForwardConfig'] as { TargetGroups?: { TargetGroupArn?: unknown }[] } | undefined;
    for (const tuple of config?.TargetGroups ?? []) {
      if (typeof tuple.TargetGroupArn === 'string') arns.push(tuple.TargetGroupArn);
    }
  }
  return [...new Set(arns)];
}
