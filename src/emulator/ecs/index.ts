/**
 * The ECS service module: operations by name (AWS JSON 1.1, `AmazonEC2ContainerServiceV20141113.<Op>`), reset,
 * the state dump, and the EcsBackend through which Application Auto Scaling checks and scales services.
 */
import type { EcsBackend, OperationHandler, ServiceModule, SimClock, World } from '../contracts.js';
import type { Random } from '../random.js';
import { capacityProviderOperations } from './capacity-providers.js';
import { clusterOperations, ensureDefaultCluster } from './clusters.js';
import { containerInstanceOperations, registerContainerInstances, type RegisterSpec } from './container-instances.js';
import { seconds, type EcsContext } from './context.js';
import { hookControl } from './hook-control.js';
import { onTaskChanged, scheduleReconcile, wakeCluster } from './scheduler.js';
import { serviceDeploymentOperations } from './service-deployments.js';
import { updateService } from './service-update.js';
import { serviceOperations } from './services.js';
import { EcsState, type Json } from './state.js';
import { tagOperations } from './tags.js';
import { taskDefinitionOperations } from './task-definitions.js';
import { taskOperations } from './tasks.js';

export interface EcsModuleContext {
  clock: SimClock;
  region: string;
  accountId: string;
  taskStartMs: number;
  /** EmulatorOptions.waitForDeregistrationDelay. */
  waitForDeregistrationDelay?: boolean | undefined;
  /** Simulated ms each native deployment stage lasts at least. */
  stageMs: number;
  random: Random;
  /** The assembled world (ELBv2, Logs and CloudWatch backends); read lazily, after every module exists. */
  world: () => World;
}

type Operation = (ctx: EcsContext, params: Json) => Json;

function dump(ctx: EcsContext): Json {
  const { state } = ctx;
  const byStatus: Record<string, number> = {};
  for (const t of state.tasks.values()) byStatus[t.lastStatus] = (byStatus[t.lastStatus] ?? 0) + 1;
  return {
    clusters: [...state.clusters.values()].map((c) => ({ name: c.name, arn: c.arn, status: c.status })),
    taskDefinitions: [...state.taskDefs.entries()].map(([family, revs]) => ({
      family,
      revisions: revs.map((r) => ({ revision: r.revision, status: r.status })),
    })),
    services: [...state.services.values()].map((s) => ({
      name: s.name,
      cluster: s.clusterName,
      arn: s.arn,
      status: s.status,
      desiredCount: s.desiredCount,
      taskDefinition: s.deployments[0]?.taskDef.arn,
      deploymentController: s.deploymentController['type'],
      taskSets: s.taskSets.map((ts) => ({ id: ts.id, status: ts.status, taskDefinition: ts.taskDef.arn })),
      steady: s.steady,
      deployments: s.deployments.map((d) => ({
        id: d.id,
        status: d.status,
        taskDefinition: d.taskDef.arn,
        rolloutState: d.rolloutState,
        rolloutStateReason: d.rolloutStateReason,
        failedTasks: d.failedTasks,
        createdAt: d.createdAt,
        steadyAt: d.steadyAt,
        /** Simulated ms from the deployment's creation to its steady state. */
        simDurationMs: d.steadyAt === undefined ? undefined : d.steadyAt - d.createdAt,
      })),
      /** Every time the service reached steady state: deployment, task definition, simulated epoch ms. */
      steadyStates: s.steadyHistory,
      serviceDeployments: s.serviceDeploymentArns.map((arn) => {
        const sd = state.serviceDeployments.get(arn);
        return {
          arn,
          status: sd?.status,
          lifecycleStage: sd?.lifecycleStage,
          deploymentId: sd?.deploymentId,
          createdAt: sd?.createdAt,
          finishedAt: sd?.finishedAt,
        };
      }),
      liveTasks: [...s.liveTasks].map((t) => ({
        id: t.id,
        deploymentId: t.deploymentId,
        lastStatus: t.lastStatus,
        desiredStatus: t.desiredStatus,
        healthy: t.healthy,
      })),
    })),
    tasks: {
      total: state.tasks.size,
      byLastStatus: byStatus,
      standalone: [...state.tasks.values()]
        .filter((t) => !t.serviceKey && t.lastStatus !== 'STOPPED')
        .map((t) => ({ arn: t.arn, lastStatus: t.lastStatus, taskDefinition: t.taskDef.arn, createdAt: seconds(t.createdAt) })),
    },
  };
}

export interface EcsModule {
  module: ServiceModule;
  backend: EcsBackend;
  /** POST /_emulator/container-instances: registers EC2 container instances to a cluster; returns their ARNs. */
  registerContainerInstances(spec: RegisterSpec): string[];
  /** /_emulator/hooks: how lifecycle hook Lambda functions answer, and their invocations (hook-control.ts). */
  hooks: { set(body: unknown): unknown; list(): unknown; clear(): void };
}

export function createEcsModule(mctx: EcsModuleContext): EcsModule {
  const state = new EcsState();
  const ctx: EcsContext = {
    state,
    clock: mctx.clock,
    random: mctx.random,
    region: mctx.region,
    accountId: mctx.accountId,
    taskStartMs: mctx.taskStartMs,
    waitForDeregistrationDelay: mctx.waitForDeregistrationDelay === true,
    stageMs: mctx.stageMs,
    elb: () => mctx.world().elb,
    logs: () => mctx.world().logs,
    cloudwatch: () => mctx.world().cloudwatch,
    hooks: { taskChanged: (task) => onTaskChanged(ctx, task), serviceChanged: (service) => scheduleReconcile(ctx, service) },
  };
  ensureDefaultCluster(ctx);
  const all: Record<string, Operation> = {
    ...clusterOperations,
    ...containerInstanceOperations,
    ...capacityProviderOperations,
    ...taskDefinitionOperations,
    ...serviceOperations,
    ...tagOperations,
    ...taskOperations,
    ...serviceDeploymentOperations,
  };
  const operations: Record<string, OperationHandler> = {};
  for (const [name, op] of Object.entries(all)) operations[name] = (params) => op(ctx, params);
  const module: ServiceModule = {
    service: 'ecs',
    operations,
    reset() {
      state.clear();
      ensureDefaultCluster(ctx);
    },
    dump: () => dump(ctx),
  };
  const activeService = (resourceId: string) => {
    const match = /^service\/([^/]+)\/([^/]+)$/.exec(resourceId);
    const service = match === null ? undefined : state.services.get(`${match[1]}/${match[2]}`);
    return service?.status === 'ACTIVE' ? service : undefined;
  };
  const backend: EcsBackend = {
    serviceExists: (resourceId) => activeService(resourceId) !== undefined,
    desiredCount: (resourceId) => activeService(resourceId)?.desiredCount,
    setDesiredCount(resourceId, count) {
      const service = activeService(resourceId);
      // Application Auto Scaling scales an ECS service through UpdateService with only the desired count.
      if (service !== undefined) updateService(ctx, { desiredCount: count }, service);
    },
  };
  return {
    module,
    backend,
    registerContainerInstances: (spec) => registerContainerInstances(ctx, spec, (cluster) => wakeCluster(ctx, cluster)),
    hooks: { set: (body) => hookControl.set(ctx, body), list: () => hookControl.list(ctx), clear: () => hookControl.clear(ctx) },
  };
}
