/**
 * Contracts between the emulator's parts. The emulator is an independent stand-in for AWS written from the AWS
 * documentation: it imports nothing from src/core or src/actions.
 *
 * - server.ts routes each HTTP request to a ServiceModule (by X-Amz-Target for JSON 1.0 / 1.1, by form `Action` for
 *   the AWS Query protocol of ELBv2), records it in the call log, applies faults and throttling.
 * - ecs/ simulates ECS; it reaches ELBv2, CloudWatch Logs and CloudWatch alarms only through ElbBackend,
 *   LogsBackend and CloudWatchBackend below.
 * - elbv2/, autoscaling/, logs/, cloudwatch/ implement their services and expose the backends; CloudWatch alarm
 *   actions reach Application Auto Scaling through AutoScalingBackend, which changes a service's desired count
 *   through EcsBackend.
 */

/** An AWS error as the service would return it: the code (`__type` / `<Code>`), message and HTTP status. */
export class AwsServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    /** Query protocol only: Sender (client fault, default) or Receiver (server fault). */
    readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
    this.name = code;
  }
}

/** Simulated time: real time multiplied by `speed` (durations are divided by it). */
export interface SimClock {
  now(): number;
  /** Schedules `fn` after `simulatedMs` of simulated time; returns a cancel function. */
  after(simulatedMs: number, fn: () => void): () => void;
}

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Simulated time for a task from PROVISIONING to RUNNING, default 1000 ms. */
  taskStartMs?: number;
  /**
   * ECS waits out the target group's deregistration delay before it stops a task whose targets it deregistered
   * (DEACTIVATING lasts that long), as AWS does. Default false: a deregistered task stops after the usual short
   * DEACTIVATING, so that runs against the default 300 s delay stay fast (the target still drains in ELBv2).
   */
  waitForDeregistrationDelay?: boolean;
  /** Simulated ms each lifecycle stage of a blue/green, linear or canary deployment lasts at least; default taskStartMs. */
  stageMs?: number;
  /** Multiplier on all simulated durations' speed (2 = twice as fast), default 1. */
  speed?: number;
  /** Enforce ECS-like token buckets per operation family, default false. */
  throttle?: boolean;
  region?: string;
  accountId?: string;
  /** Print each call to stderr. */
  verbose?: boolean;
}

export interface World {
  readonly region: string;
  readonly accountId: string;
  readonly clock: SimClock;
  readonly taskStartMs: number;
  readonly elb: ElbBackend;
  readonly logs: LogsBackend;
  readonly ecs: EcsBackend;
  readonly autoscaling: AutoScalingBackend;
  readonly cloudwatch: CloudWatchBackend;
}

export type OperationHandler = (params: Record<string, unknown>, world: World) => unknown;

export interface ServiceModule {
  /** Name used in the call log: `ecs`, `elasticloadbalancing`, `application-autoscaling`, `logs`, `monitoring`. */
  readonly service: string;
  /**
   * JSON protocol details when they differ from the default (AWS JSON 1.1, the error code as `__type`): CloudWatch
   * speaks AWS JSON 1.0 in its awsQuery-compatible form, where `__type` names the error shape and the
   * `x-amzn-query-error: <Code>;<Sender|Receiver>` header carries the Query error code.
   */
  readonly json?: { version: '1.0' | '1.1'; queryCompatible?: { errorShape(code: string): string } };
  readonly operations: Readonly<Record<string, OperationHandler>>;
  /** Drops all state (POST /_emulator/reset). */
  reset(): void;
  /** JSON-serialisable dump for GET /_emulator/state. */
  dump(): unknown;
}

export interface TargetGroupInfo {
  arn: string;
  name: string;
  port: number;
  protocol: string;
  targetType: 'instance' | 'ip' | 'lambda' | 'alb';
  loadBalancerArns: string[];
  healthCheckIntervalSeconds: number;
  healthyThresholdCount: number;
  unhealthyThresholdCount: number;
}

export type TargetHealthState = 'initial' | 'healthy' | 'unhealthy' | 'unused' | 'draining' | 'unavailable';

/** What ECS needs of ELBv2. */
export interface ElbBackend {
  getTargetGroup(arn: string): TargetGroupInfo | undefined;
  /** The group's `deregistration_delay.timeout_seconds` in ms (undefined: no such group). */
  deregistrationDelayMs(arn: string): number | undefined;
  /** Registers a target; it starts `initial` and the ELB side moves it to healthy/unhealthy per `healthy`. */
  registerTarget(targetGroupArn: string, target: { id: string; port: number }, healthy: boolean): void;
  /** Starts draining then removes the target after the group's deregistration delay. */
  deregisterTarget(targetGroupArn: string, target: { id: string; port: number }): void;
  targetHealth(targetGroupArn: string, target: { id: string; port: number }): TargetHealthState | undefined;
  /**
   * What ECS blue/green, linear and canary deployments read of a production or test route: a listener rule (ALB) or
   * a listener (NLB) and the target groups its forward action sends traffic to, with their weights.
   */
  route(arn: string): TrafficRoute | undefined;
  /** Sets the weights of the route's forward action (ECS shifting traffic between the two target groups). */
  setRouteWeights(arn: string, weights: RouteWeight[]): void;
}

export interface RouteWeight {
  targetGroupArn: string;
  weight: number;
}

export interface TrafficRoute {
  /** `rule` for a listener rule ARN (a listener's default rule included), `listener` for a listener ARN. */
  kind: 'rule' | 'listener';
  loadBalancerType: 'application' | 'network' | 'gateway';
  /** The forward action's target groups and weights (empty when the route does not forward). */
  weights: RouteWeight[];
}

/** What ECS needs of CloudWatch Logs (the awslogs driver). */
export interface LogsBackend {
  hasGroup(group: string): boolean;
  createGroup(group: string): void;
  /** Appends lines to a stream, creating the stream if needed (the group must exist). */
  append(group: string, stream: string, messages: string[], timestamp: number): void;
}

/** What Application Auto Scaling needs of ECS. */
export interface EcsBackend {
  /** True when `service/<cluster>/<service>` names an ACTIVE service. */
  serviceExists(resourceId: string): boolean;
  /** The desired count of the ACTIVE service `service/<cluster>/<service>` (undefined when there is none). */
  desiredCount(resourceId: string): number | undefined;
  /** Scales the ACTIVE service `service/<cluster>/<service>` as UpdateService with only `desiredCount` does. */
  setDesiredCount(resourceId: string, count: number): void;
}

/** The alarm whose state change invokes an action: what a step scaling policy needs to pick its step. */
export interface AlarmSignal {
  alarmName: string;
  threshold?: number;
  /** The newest datapoint the alarm reported (SetAlarmState's StateReasonData `recentDatapoints`), if any. */
  metricValue?: number;
}

/** What CloudWatch needs of Application Auto Scaling: alarm actions that name a scaling policy ARN. */
export interface AutoScalingBackend {
  /**
   * Runs the scaling policy `policyArn` as an alarm action: `unknown` when no policy has that ARN (AWS records the
   * action as failed), `suspended` when the target's dynamic scaling in that direction is suspended, `unchanged`
   * when the capacity is already where the policy would put it, `scaled` when the desired count changed.
   */
  runAlarmAction(policyArn: string, alarm: AlarmSignal, world: World): 'scaled' | 'unchanged' | 'suspended' | 'unknown';
}

/** A metric alarm as ECS reads it (through DescribeAlarms) while it watches a deployment's alarms. */
export interface AlarmView {
  state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  /** Simulated ms of the alarm's last change of state (StateTransitionedTimestamp). */
  transitionedAt: number;
  /** Seconds one evaluation period covers: `Period`, or the longest period of its metric queries. */
  periodSeconds: number;
  evaluationPeriods: number;
}

/** What ECS needs of CloudWatch: the alarms named in a service's `deploymentConfiguration.alarms`. */
export interface CloudWatchBackend {
  /** The metric alarm of that name, or undefined when there is none (DescribeAlarms returns nothing for it). */
  alarm(name: string): AlarmView | undefined;
}
