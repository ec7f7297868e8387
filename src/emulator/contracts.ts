/**
 * Contracts between the emulator's parts. The emulator is an independent stand-in for AWS written from the AWS
 * documentation: it imports nothing from src/core or src/actions.
 *
 * - server.ts routes each HTTP request to a ServiceModule (by X-Amz-Target for JSON 1.1, by form `Action` for the
 *   AWS Query protocol of ELBv2), records it in the call log, applies faults and throttling.
 * - ecs/ simulates ECS; it reaches ELBv2 and CloudWatch Logs only through ElbBackend and LogsBackend below.
 * - elbv2/, autoscaling/, logs/ implement their services and expose the backends.
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
}

export type OperationHandler = (params: Record<string, unknown>, world: World) => unknown;

export interface ServiceModule {
  /** Name used in the call log: `ecs`, `elasticloadbalancing`, `application-autoscaling`, `logs`. */
  readonly service: string;
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
  /** Registers a target; it starts `initial` and the ELB side moves it to healthy/unhealthy per `healthy`. */
  registerTarget(targetGroupArn: string, target: { id: string; port: number }, healthy: boolean): void;
  /** Starts draining then removes the target after the group's deregistration delay. */
  deregisterTarget(targetGroupArn: string, target: { id: string; port: number }): void;
  targetHealth(targetGroupArn: string, target: { id: string; port: number }): TargetHealthState | undefined;
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
}
