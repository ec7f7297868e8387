/** Standalone tasks and task queries: RunTask, StopTask, DescribeTasks, ListTasks. */
import { AwsServiceError } from '../contracts.js';
import { checkStrategyAssociated } from './capacity-providers.js';
import { resolveCluster } from './clusters.js';
import { assign, placeTask } from './container-instances.js';
import { arns, lastSegment, type EcsContext } from './context.js';
import { clean, invalid, optList, optObj, optStr, optInt, paginate, reqStr, strList } from './params.js';
import { validateServiceConfig } from './service-validation.js';
import type { ClusterRec, Json, TaskRec } from './state.js';
import { mergeTags, readTags } from './tags.js';
import { resolveTaskDefinitionForUse } from './task-definitions.js';
import { createTask } from './task-factory.js';
import { launchTask } from './task-lifecycle.js';
import { stopTask } from './task-stop.js';
import { taskView } from './views.js';

function findTask(ctx: EcsContext, cluster: ClusterRec, ref: string): TaskRec | undefined {
  return ctx.state.tasks.get(arns.task(ctx, cluster.name, lastSegment(ref)));
}

function capacityFailure(ctx: EcsContext, cluster: ClusterRec, launchType: string): Json {
  return launchType === 'FARGATE'
    ? { arn: arns.cluster(ctx, cluster.name), reason: 'Capacity is unavailable at this time. Please try again later or in a different availability zone' }
    : {
        arn: `arn:aws:ecs:${ctx.region}:${ctx.accountId}:container-instance/${cluster.name}/${ctx.random.hex(32)}`,
        reason: 'RESOURCE:MEMORY',
      };
}

/** The platform version a Fargate task reports (LATEST resolves to 1.4.0). */
const fargatePlatform = (given: string | undefined): string => (given === undefined || given === 'LATEST' ? '1.4.0' : given);

export const taskOperations = {
  RunTask(ctx: EcsContext, p: Json): Json {
    const cluster = resolveCluster(ctx, optStr(p, 'cluster'));
    const taskDef = resolveTaskDefinitionForUse(ctx, optStr(p, 'taskDefinition'));
    const count = optInt(p, 'count') ?? 1;
    if (count < 1 || count > 10) throw invalid('count must be between 1 and 10.');
    const strategy = optList<Json>(p, 'capacityProviderStrategy');
    const givenLaunchType = optStr(p, 'launchType');
    const launchType = givenLaunchType ?? (strategy?.length ? 'FARGATE' : 'EC2');
    const networkConfiguration = optObj(p, 'networkConfiguration');
    validateServiceConfig(ctx, {
      taskDef,
      loadBalancers: [],
      ...(givenLaunchType !== undefined ? { launchType: givenLaunchType } : {}),
      ...(strategy ? { capacityProviderStrategy: strategy } : {}),
      ...(networkConfiguration ? { networkConfiguration } : {}),
    });
    checkStrategyAssociated(cluster, strategy);
    const startedBy = optStr(p, 'startedBy');
    if (startedBy !== undefined && startedBy.length > 128) throw invalid('startedBy can be at most 128 characters.');
    let tags = readTags(p);
    if (optStr(p, 'propagateTags') === 'TASK_DEFINITION') tags = mergeTags(taskDef.tags, tags);
    const overrides = clean(optObj(p, 'overrides') ?? {});
    const noCapacity = (taskDef.body['containerDefinitions'] as Json[]).some((c) =>
      String(c['image']).split('/').pop()?.includes('no-capacity'),
    );
    const tasks: Json[] = [];
    const failures: Json[] = [];
    for (let i = 0; i < count; i++) {
      if (noCapacity) {
        failures.push(capacityFailure(ctx, cluster, launchType));
        continue;
      }
      const placement = launchType === 'EC2' && !strategy?.length ? placeTask(ctx, cluster, taskDef) : undefined;
      if (placement?.kind === 'unplaced') {
        failures.push({ arn: placement.instance.arn, reason: placement.failure });
        continue;
      }
      const task = createTask(ctx, {
        cluster,
        taskDef,
        launchType,
        ...(launchType === 'FARGATE' ? { platformVersion: fargatePlatform(optStr(p, 'platformVersion')) } : {}),
        group: optStr(p, 'group') ?? `family:${taskDef.family}`,
        ...(startedBy !== undefined ? { startedBy } : {}),
        tags,
        overrides,
        ...(networkConfiguration ? { networkConfiguration } : {}),
      });
      if (placement?.kind === 'placed') assign(task, placement.instance);
      launchTask(ctx, task);
      tasks.push(taskView(ctx, task, true));
    }
    return { tasks, failures };
  },

  StopTask(ctx: EcsContext, p: Json): Json {
    const cluster = resolveCluster(ctx, optStr(p, 'cluster'));
    const task = findTask(ctx, cluster, reqStr(p, 'task'));
    if (!task) throw invalid('The referenced task was not found.');
    stopTask(ctx, task, 'UserInitiated', optStr(p, 'reason') ?? 'Task stopped by user');
    return { task: taskView(ctx, task, false) };
  },

  DescribeTasks(ctx: EcsContext, p: Json): Json {
    const cluster = resolveCluster(ctx, optStr(p, 'cluster'));
    const refs = strList(p, 'tasks') ?? [];
    if (refs.length === 0) throw invalid('Tasks cannot be empty.');
    if (refs.length > 100) throw invalid('Tasks cannot have more than 100 items.');
    const includeTags = (strList(p, 'include') ?? []).includes('TAGS');
    const tasks: Json[] = [];
    const failures: Json[] = [];
    for (const ref of refs) {
      const task = findTask(ctx, cluster, ref);
      if (task) tasks.push(taskView(ctx, task, includeTags));
      else failures.push({ arn: ref.startsWith('arn:') ? ref : arns.task(ctx, cluster.name, ref), reason: 'MISSING' });
    }
    return { tasks, failures };
  },

  ListTasks(ctx: EcsContext, p: Json): Json {
    const cluster = resolveCluster(ctx, optStr(p, 'cluster'));
    const family = optStr(p, 'family');
    const serviceName = optStr(p, 'serviceName');
    const startedBy = optStr(p, 'startedBy');
    const launchType = optStr(p, 'launchType');
    const desiredStatus = optStr(p, 'desiredStatus') ?? 'RUNNING';
    if (!['RUNNING', 'PENDING', 'STOPPED'].includes(desiredStatus)) throw invalid(`Invalid desiredStatus: ${desiredStatus}`);
    let serviceKey: string | undefined;
    if (serviceName !== undefined) {
      serviceKey = `${cluster.name}/${lastSegment(serviceName)}`;
      if (!ctx.state.services.has(serviceKey)) throw new AwsServiceError('ServiceNotFoundException', 'Service not found.');
    }
    const matches = [...ctx.state.tasks.values()].filter(
      (t) =>
        t.clusterName === cluster.name &&
        (desiredStatus === 'PENDING' ? t.desiredStatus === 'RUNNING' && t.lastStatus !== 'RUNNING' : t.desiredStatus === desiredStatus) &&
        (family === undefined || t.taskDef.family === family) &&
        (serviceKey === undefined || t.serviceKey === serviceKey) &&
        (startedBy === undefined || t.startedBy === startedBy) &&
        (launchType === undefined || t.launchType === launchType),
    );
    const { page, nextToken } = paginate(matches.map((t) => t.arn), p);
    return { taskArns: page, ...(nextToken ? { nextToken } : {}) };
  },
};
