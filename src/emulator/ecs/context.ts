/**
 * What every ECS part shares: state, simulated clock, seeded random, the rest of the world (ELBv2, CloudWatch
 * Logs and CloudWatch alarms backends) and ARN builders. `hooks.taskChanged` lets the task lifecycle wake the service scheduler without
 * the two importing each other.
 */
import type { CloudWatchBackend, ElbBackend, LogsBackend, SimClock } from '../contracts.js';
import type { Random } from '../random.js';
import type { EcsState, ServiceRec, TaskRec } from './state.js';

export interface EcsContext {
  readonly state: EcsState;
  readonly clock: SimClock;
  readonly random: Random;
  readonly region: string;
  readonly accountId: string;
  /** Simulated ms from PROVISIONING to RUNNING. */
  readonly taskStartMs: number;
  /** DEACTIVATING lasts the target groups' deregistration delay (EmulatorOptions.waitForDeregistrationDelay). */
  readonly waitForDeregistrationDelay: boolean;
  /** Simulated ms each lifecycle stage of a native deployment lasts at least (default: taskStartMs). */
  readonly stageMs: number;
  elb(): ElbBackend;
  logs(): LogsBackend;
  cloudwatch(): CloudWatchBackend;
  readonly hooks: {
    taskChanged(task: TaskRec): void;
    /** Something about the service changed: the scheduler runs again (on the next turn). */
    serviceChanged(service: ServiceRec): void;
  };
}

const prefix = (ctx: EcsContext): string => `arn:aws:ecs:${ctx.region}:${ctx.accountId}`;

export const arns = {
  cluster: (ctx: EcsContext, name: string): string => `${prefix(ctx)}:cluster/${name}`,
  service: (ctx: EcsContext, cluster: string, name: string): string => `${prefix(ctx)}:service/${cluster}/${name}`,
  taskDefinition: (ctx: EcsContext, family: string, revision: number): string =>
    `${prefix(ctx)}:task-definition/${family}:${revision}`,
  task: (ctx: EcsContext, cluster: string, id: string): string => `${prefix(ctx)}:task/${cluster}/${id}`,
  container: (ctx: EcsContext, cluster: string, taskId: string, uuid: string): string =>
    `${prefix(ctx)}:container/${cluster}/${taskId}/${uuid}`,
  serviceDeployment: (ctx: EcsContext, cluster: string, service: string, id: string): string =>
    `${prefix(ctx)}:service-deployment/${cluster}/${service}/${id}`,
  serviceRevision: (ctx: EcsContext, cluster: string, service: string, id: string): string =>
    `${prefix(ctx)}:service-revision/${cluster}/${service}/${id}`,
  /** `id` is the task set id, `ecs-svc/<digits>`. */
  taskSet: (ctx: EcsContext, cluster: string, service: string, id: string): string =>
    `${prefix(ctx)}:task-set/${cluster}/${service}/${id}`,
};

/** The last path segment of an ARN (or the value itself when it is a plain name). */
export function lastSegment(value: string): string {
  const slash = value.lastIndexOf('/');
  return slash >= 0 ? value.slice(slash + 1) : value;
}

/** Milliseconds → the epoch seconds AWS JSON 1.1 uses for timestamps. */
export const seconds = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : ms / 1000);
