/**
 * ECS records as the emulator keeps them. Timestamps are simulated epoch milliseconds (SimClock.now()); the views
 * (views.ts) turn records into API shapes. Records are plain data; behaviour lives in the other ecs/ files.
 */
import type { HookDetailRec, HookInvocationRec, HookResponseRec, NativeRun } from './native-state.js';

export type { HookDetailRec, HookInvocationRec, HookResponseRec, NativeRoute, NativeRun } from './native-state.js';

export type Json = Record<string, unknown>;

export interface Tag {
  key: string;
  value: string;
}

export interface ClusterRec {
  name: string;
  arn: string;
  status: 'ACTIVE' | 'INACTIVE';
  createdAt: number;
  tags: Tag[];
  settings: Json[];
  configuration?: Json;
  capacityProviders: string[];
  defaultCapacityProviderStrategy: Json[];
}

/** An EC2 container instance registered to a cluster (POST /_emulator/container-instances; container-instances.ts). */
export interface ContainerInstanceRec {
  /** The 32-hex id, the last segment of the ARN. */
  id: string;
  arn: string;
  clusterName: string;
  ec2InstanceId: string;
  /** Registered resources, in ECS units (1024 CPU units = 1 vCPU; MiB of memory). */
  cpu: number;
  memory: number;
  registeredAt: number;
  availabilityZone: string;
}

export interface TaskDefRec {
  arn: string;
  family: string;
  revision: number;
  status: 'ACTIVE' | 'INACTIVE';
  /** The TaskDefinition API shape without arn/revision/status/deregisteredAt (filled in by the view). */
  body: Json;
  tags: Tag[];
  registeredAt: number;
  deregisteredAt?: number;
}

/** What a container does, chosen by its image tag (see README.md). */
export type ContainerFate =
  | { kind: 'run' }
  | { kind: 'exit'; code: number; crash: boolean }
  | { kind: 'unhealthy' }
  | { kind: 'pull-error' }
  | { kind: 'no-capacity' };

export type TaskStatus =
  | 'PROVISIONING'
  | 'PENDING'
  | 'ACTIVATING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED';

export interface ContainerRec {
  name: string;
  arn: string;
  image: string;
  runtimeId: string;
  essential: boolean;
  fate: ContainerFate;
  lastStatus: 'PENDING' | 'RUNNING' | 'STOPPED';
  exitCode?: number;
  reason?: string;
  /** Present only for containers with a healthCheck. */
  healthStatus?: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  cpu: string;
  memory?: string;
  memoryReservation?: string;
  portMappings: { containerPort: number; hostPort: number; protocol: string }[];
  awslogs?: { group: string; stream: string; createGroup: boolean };
}

export interface TargetRef {
  targetGroupArn: string;
  id: string;
  port: number;
  containerName: string;
  containerPort: number;
  /** What ECS last saw of the target's health. */
  health: 'initial' | 'healthy' | 'unhealthy';
}

export interface TaskRec {
  id: string;
  arn: string;
  clusterName: string;
  taskDef: TaskDefRec;
  /** `<cluster>/<service>` for service tasks. */
  serviceKey?: string;
  deploymentId?: string;
  revisionArn?: string;
  group: string;
  startedBy?: string;
  launchType: string;
  platformVersion?: string;
  networkMode: string;
  cpu?: string;
  memory?: string;
  createdAt: number;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  containers: ContainerRec[];
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  connectivityAt?: number;
  stoppingAt?: number;
  stoppedAt?: number;
  executionStoppedAt?: number;
  stopCode?: string;
  stoppedReason?: string;
  tags: Tag[];
  overrides: Json;
  privateIp: string;
  attachmentId: string;
  eniId: string;
  subnetId?: string;
  instanceId: string;
  /** EC2 launch type tasks placed on a registered container instance (container-instances.ts). */
  containerInstanceArn?: string;
  availabilityZone: string;
  version: number;
  /** Counts as healthy for the service scheduler (RUNNING and passing every health check it has). */
  healthy: boolean;
  /** The stop was a failure (counts toward the circuit breaker). */
  failed: boolean;
  /** The failure has been counted against its deployment. */
  counted?: boolean;
  targets: TargetRef[];
  timers: (() => void)[];
  /** A re-evaluation is scheduled for the end of the health check grace period. */
  graceTimer?: boolean;
}

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface DeploymentRec {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDef: TaskDefRec;
  desiredCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  launchType?: string;
  capacityProviderStrategy?: Json[];
  platformVersion?: string;
  platformFamily?: string;
  networkConfiguration?: Json;
  loadBalancers: Json[];
  /** Per deployment, as DescribeServices reports them (deployment-settings.ts). */
  serviceConnectConfiguration?: Json;
  volumeConfigurations?: Json[];
  rolloutState: RolloutState;
  rolloutStateReason: string;
  revisionArn: string;
  serviceDeploymentArn: string;
  /** Simulated time the deployment reached steady state (completed), for benchmarks. */
  steadyAt?: number;
  failedAt?: number;
  /** A rollback deployment started by the circuit breaker or StopServiceDeployment. */
  rollback: boolean;
  /** "unable to consistently start tasks" was reported for this deployment. */
  impairedReported?: boolean;
  /** Deployment alarms (deployment-alarms.ts): a DescribeAlarms poll is pending. */
  alarmPollScheduled?: boolean;
  /** Deployment alarms: a task of this deployment has run, so ECS watches its alarms. */
  alarmsMonitoring?: boolean;
  /** Deployment alarms: the simulated ms the bake time after steady state ends. */
  bakeEndsAt?: number;
  /**
   * Where this deployment's tasks register (a blue/green, linear or canary deployment's green tasks go to the
   * alternate target group): the load balancers with `targetGroupArn` replaced; `loadBalancers` when absent.
   */
  taskLoadBalancers?: Json[];
}

/** A task set of a CODE_DEPLOY or EXTERNAL service: stored and described, its tasks are not run (README.md). */
export interface TaskSetRec {
  id: string;
  arn: string;
  status: 'PRIMARY' | 'ACTIVE' | 'DRAINING';
  taskDef: TaskDefRec;
  /** Percent of the service's desired count (computedDesiredCount rounds up). */
  scalePercent: number;
  createdAt: number;
  updatedAt: number;
  launchType?: string;
  capacityProviderStrategy?: Json[];
  platformVersion?: string;
  networkConfiguration?: Json;
  loadBalancers: Json[];
  serviceRegistries: Json[];
}

export interface ServiceEventRec {
  id: string;
  createdAt: number;
  message: string;
}

export interface ServiceRec {
  key: string;
  name: string;
  arn: string;
  clusterName: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  launchType?: string;
  capacityProviderStrategy?: Json[];
  platformVersion?: string;
  platformFamily?: string;
  deploymentConfiguration: Json;
  deployments: DeploymentRec[];
  loadBalancers: Json[];
  serviceRegistries: Json[];
  roleArn?: string;
  events: ServiceEventRec[];
  createdAt: number;
  createdBy: string;
  placementConstraints: Json[];
  placementStrategy: Json[];
  networkConfiguration?: Json;
  /** What the next deployment runs with; DescribeServices reports them per deployment only (deployment-settings.ts). */
  serviceConnectConfiguration?: Json;
  volumeConfigurations?: Json[];
  healthCheckGracePeriodSeconds?: number;
  schedulingStrategy: string;
  deploymentController: Json;
  /** CODE_DEPLOY and EXTERNAL services: their task sets (ECS-controller services use `deployments`). */
  taskSets: TaskSetRec[];
  tags: Tag[];
  enableECSManagedTags: boolean;
  propagateTags: string;
  enableExecuteCommand: boolean;
  availabilityZoneRebalancing?: string;
  /** The CreateService request (minus clientToken), to decide whether a repeated create is idempotent. */
  createRequest: string;
  steady: boolean;
  /** The last deployment that reached COMPLETED: rollback target for the circuit breaker. */
  lastCompleted?: { deploymentId: string; taskDef: TaskDefRec; revisionArn: string };
  /** Steady-state history, for benchmarks: which deployment and when (simulated ms, and wall-clock ms). */
  steadyHistory: { deploymentId: string; taskDefinition: string; at: number; wallAt: number }[];
  serviceDeploymentArns: string[];
  /** Tasks of this service not yet STOPPED. */
  liveTasks: Set<TaskRec>;
  reconcileScheduled: boolean;
  inactiveScheduled?: boolean;
  /** The last placement failure event, not repeated until a task is placed (ECS omits duplicate events). */
  placementBlocked?: string;
  /** Target (de)registrations since the last flush, reported as one event per target group (as ECS batches them). */
  eventBatch?: { registered: Map<string, number>; deregistered: Map<string, number>; draining: number };
}

export interface RevisionRec {
  arn: string;
  serviceArn: string;
  clusterArn: string;
  taskDef: TaskDefRec;
  launchType?: string;
  capacityProviderStrategy?: Json[];
  platformVersion?: string;
  platformFamily?: string;
  loadBalancers: Json[];
  serviceRegistries: Json[];
  networkConfiguration?: Json;
  serviceConnectConfiguration?: Json;
  volumeConfigurations?: Json[];
  createdAt: number;
}

export interface ServiceDeploymentRec {
  arn: string;
  serviceKey: string;
  serviceArn: string;
  clusterArn: string;
  createdAt: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  stoppedAt?: number;
  sourceRevisionArns: string[];
  targetRevisionArn: string;
  status: string;
  statusReason?: string;
  deploymentConfiguration: Json;
  rollback?: { reason: string; startedAt: number; serviceRevisionArn: string };
  circuitBreaker: { status: string; failureCount: number; threshold: number };
  /** ServiceDeploymentAlarms: DISABLED, MONITORING, MONITORING_COMPLETE or TRIGGERED (alarm-config.ts). */
  alarms: { status: string; alarmNames: string[]; triggeredAlarmNames: string[] };
  /** The ecs-svc/… deployment this service deployment started. */
  deploymentId: string;
  /** BLUE_GREEN, LINEAR, CANARY: the stage the deployment is in (native-deployment.ts). */
  lifecycleStage?: string;
  /** Lifecycle hooks run so far (DeploymentLifecycleHookDetail; lifecycle-hooks.ts). */
  hookDetails: HookDetailRec[];
  /** A blue/green, linear or canary deployment being run stage by stage. */
  native?: NativeRun;
}

export class EcsState {
  readonly clusters = new Map<string, ClusterRec>();
  /** family → revisions in order (index = revision - 1). */
  readonly taskDefs = new Map<string, TaskDefRec[]>();
  readonly services = new Map<string, ServiceRec>();
  readonly tasks = new Map<string, TaskRec>();
  readonly serviceDeployments = new Map<string, ServiceDeploymentRec>();
  readonly revisions = new Map<string, RevisionRec>();
  /** Container instances by ARN, in registration order. */
  readonly containerInstances = new Map<string, ContainerInstanceRec>();
  /** Stopped task ARNs in stop order, to forget the oldest (ECS keeps stopped tasks for about an hour). */
  readonly stoppedOrder: string[] = [];
  /** How the emulated Lambda functions of lifecycle hooks answer, newest last (POST /_emulator/hooks). */
  readonly hookResponses: HookResponseRec[] = [];
  /** Every lifecycle hook Lambda invocation, oldest first (the latest 1 000). */
  readonly hookInvocations: HookInvocationRec[] = [];

  clear(): void {
    this.hookResponses.length = 0;
    this.hookInvocations.length = 0;
    this.clusters.clear();
    this.taskDefs.clear();
    this.services.clear();
    this.tasks.clear();
    this.serviceDeployments.clear();
    this.revisions.clear();
    this.containerInstances.clear();
    this.stoppedOrder.length = 0;
  }
}
