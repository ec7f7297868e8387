/**
 * What the ELB layer reads, in the shapes the actions use. Actions are kept as ELBv2 describes them (the SDK's
 * `Action`), so a change can send back everything it does not mean to change.
 */
import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsCallOptions } from '../aws/call-options.js';

/** The load balancer types the actions work with (a gateway load balancer forwards no service traffic). */
export type LoadBalancerType = 'application' | 'network';

export interface LoadBalancerInfo {
  arn: string;
  name: string;
  type: LoadBalancerType;
  dnsName?: string | undefined;
}

export interface ListenerInfo {
  arn: string;
  loadBalancerArn: string;
  port?: number | undefined;
  /** HTTP / HTTPS (application), TCP / UDP / TCP_UDP / TLS (network). */
  protocol?: string | undefined;
  defaultActions: Action[];
}

export interface RuleInfo {
  arn: string;
  listenerArn: string;
  /** The listener's default rule: its actions are the listener's default actions, changed with ModifyListener. */
  isDefault: boolean;
  /** `default` for the default rule, else the rule's number as a string (as ELBv2 describes it). */
  priority: string;
  actions: Action[];
}

/**
 * One place traffic is routed from: a rule of a listener of a load balancer. A listener without a rule ARN is its
 * default rule.
 */
export interface Route {
  loadBalancer: LoadBalancerInfo;
  listener: ListenerInfo;
  rule: RuleInfo;
}

export interface WeightedTargetGroup {
  arn: string;
  /** 0–999; ELBv2 reads a group without a weight as 1. */
  weight: number;
}

export interface TargetGroupStickiness {
  enabled: boolean;
  durationSeconds?: number | undefined;
}

export interface TargetGroupHealthCheck {
  enabled: boolean;
  protocol?: string | undefined;
  /** `traffic-port` or a port number as a string. */
  port?: string | undefined;
  path?: string | undefined;
  intervalSeconds?: number | undefined;
  timeoutSeconds?: number | undefined;
  healthyThresholdCount?: number | undefined;
  unhealthyThresholdCount?: number | undefined;
}

export interface TargetGroupInfo {
  arn: string;
  name: string;
  /** Absent for lambda target groups. */
  port?: number | undefined;
  protocol?: string | undefined;
  /** instance, ip, lambda or alb. */
  targetType: string;
  loadBalancerArns: string[];
  healthCheck: TargetGroupHealthCheck;
  /** `deregistration_delay.timeout_seconds`: how long a deregistered target drains. */
  deregistrationDelaySeconds?: number | undefined;
}

/** Options of a lookup of something the user named. */
export interface ElbLookupOptions extends AwsCallOptions {
  /** The action input the user named it in: a ConfigurationError about it names this input. */
  input?: string | undefined;
}
