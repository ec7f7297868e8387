/**
 * Task definitions: RegisterTaskDefinition, DescribeTaskDefinition, DeregisterTaskDefinition,
 * ListTaskDefinitions, ListTaskDefinitionFamilies. ARNs `arn:aws:ecs:<region>:<account>:task-definition/<family>:<rev>`.
 */
import { arns, seconds, type EcsContext } from './context.js';
import { clean, clientError, invalid, optList, optStr, paginate, reqStr, strList } from './params.js';
import type { Json, TaskDefRec } from './state.js';
import { readTags } from './tags.js';
import { compatibilities, validateTaskDefinition } from './validation.js';

const FAMILY = /^[a-zA-Z0-9_-]{1,255}$/;
const OPTIONAL_MEMBERS = [
  'taskRoleArn',
  'executionRoleArn',
  'pidMode',
  'ipcMode',
  'proxyConfiguration',
  'inferenceAccelerators',
  'ephemeralStorage',
  'runtimePlatform',
  'enableFaultInjection',
] as const;

/** AWS's defaults for a container health check (ECS API reference, HealthCheck); `startPeriod` stays off. */
const HEALTH_CHECK_DEFAULTS = { interval: 30, timeout: 5, retries: 3 };

function normaliseContainer(c: Json, networkMode: string): Json {
  const out: Json = {
    cpu: 0,
    environment: [],
    mountPoints: [],
    volumesFrom: [],
    systemControls: [],
    ...clean(c),
    essential: c['essential'] ?? true,
  };
  out['portMappings'] = ((c['portMappings'] as Json[] | undefined) ?? []).map((pm) => {
    const mapping: Json = { ...clean(pm), protocol: pm['protocol'] ?? 'tcp' };
    if (networkMode === 'awsvpc' || networkMode === 'host') mapping['hostPort'] = pm['containerPort'];
    return mapping;
  });
  const healthCheck = c['healthCheck'];
  if (healthCheck !== undefined && healthCheck !== null) out['healthCheck'] = { ...HEALTH_CHECK_DEFAULTS, ...clean(healthCheck as Json) };
  return out;
}

/** Resolves `family`, `family:revision` or a full ARN. */
export function findTaskDefinition(ctx: EcsContext, ref: string): TaskDefRec | undefined {
  const name = ref.startsWith('arn:') ? ref.slice(ref.indexOf('task-definition/') + 'task-definition/'.length) : ref;
  const [family = '', revision] = name.split(':');
  const revisions = ctx.state.taskDefs.get(family);
  if (!revisions) return undefined;
  if (revision === undefined) return [...revisions].reverse().find((r) => r.status === 'ACTIVE');
  return revisions[Number(revision) - 1];
}

/** A task definition a new service, deployment or task may use (exists and ACTIVE). */
export function resolveTaskDefinitionForUse(ctx: EcsContext, ref: string | undefined): TaskDefRec {
  if (ref === undefined || ref === '') throw invalid('TaskDefinition can not be blank.');
  const td = findTaskDefinition(ctx, ref);
  if (!td) throw clientError('TaskDefinition not found.');
  if (td.status !== 'ACTIVE') throw clientError('TaskDefinition is inactive');
  return td;
}

export function taskDefinitionView(td: TaskDefRec): Json {
  return {
    taskDefinitionArn: td.arn,
    ...td.body,
    revision: td.revision,
    status: td.status,
    registeredAt: seconds(td.registeredAt),
    ...(td.deregisteredAt !== undefined ? { deregisteredAt: seconds(td.deregisteredAt) } : {}),
  };
}

export const taskDefinitionOperations = {
  RegisterTaskDefinition(ctx: EcsContext, p: Json): Json {
    const family = reqStr(p, 'family', 'Family can not be blank.');
    if (!FAMILY.test(family)) {
      throw clientError('Family contains invalid characters. Up to 255 letters, numbers, hyphens and underscores are allowed.');
    }
    const containers = optList<Json>(p, 'containerDefinitions') ?? [];
    if (containers.length === 0) throw clientError('Container list cannot be empty.');
    const networkMode = optStr(p, 'networkMode') ?? 'bridge';
    validateTaskDefinition(p, containers, networkMode);
    const tags = readTags(p);
    const revisions = ctx.state.taskDefs.get(family) ?? [];
    const revision = revisions.length + 1;
    const body: Json = {
      containerDefinitions: containers.map((c) => normaliseContainer(c, networkMode)),
      family,
      networkMode,
      volumes: clean(optList<Json>(p, 'volumes') ?? []),
      requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
      placementConstraints: clean(optList<Json>(p, 'placementConstraints') ?? []),
      compatibilities: compatibilities(p, networkMode),
      requiresCompatibilities: strList(p, 'requiresCompatibilities') ?? [],
      registeredBy: `arn:aws:iam::${ctx.accountId}:user/emulator`,
    };
    for (const member of OPTIONAL_MEMBERS) if (p[member] !== undefined && p[member] !== null) body[member] = clean(p[member]);
    if (p['cpu'] !== undefined && p['cpu'] !== null) body['cpu'] = String(p['cpu']);
    if (p['memory'] !== undefined && p['memory'] !== null) body['memory'] = String(p['memory']);
    const rec: TaskDefRec = {
      arn: arns.taskDefinition(ctx, family, revision),
      family,
      revision,
      status: 'ACTIVE',
      body,
      tags,
      registeredAt: ctx.clock.now(),
    };
    revisions.push(rec);
    ctx.state.taskDefs.set(family, revisions);
    return { taskDefinition: taskDefinitionView(rec), tags: tags.map((t) => ({ ...t })) };
  },

  DescribeTaskDefinition(ctx: EcsContext, p: Json): Json {
    const td = findTaskDefinition(ctx, reqStr(p, 'taskDefinition'));
    if (!td) throw clientError('Unable to describe task definition.');
    const include = strList(p, 'include') ?? [];
    return {
      taskDefinition: taskDefinitionView(td),
      ...(include.includes('TAGS') ? { tags: td.tags.map((t) => ({ ...t })) } : {}),
    };
  },

  DeregisterTaskDefinition(ctx: EcsContext, p: Json): Json {
    const ref = reqStr(p, 'taskDefinition');
    const name = ref.startsWith('arn:') ? ref.slice(ref.indexOf('task-definition/') + 16) : ref;
    if (!name.includes(':')) throw clientError('A revision must be specified to deregister a task definition.');
    const td = findTaskDefinition(ctx, ref);
    if (!td) throw clientError('The specified task definition does not exist.');
    if (td.status === 'ACTIVE') {
      td.status = 'INACTIVE';
      td.deregisteredAt = ctx.clock.now();
    }
    return { taskDefinition: taskDefinitionView(td) };
  },

  ListTaskDefinitions(ctx: EcsContext, p: Json): Json {
    const family = optStr(p, 'familyPrefix');
    const status = optStr(p, 'status') ?? 'ACTIVE';
    const sort = optStr(p, 'sort') ?? 'ASC';
    const all: TaskDefRec[] = [];
    const families = [...ctx.state.taskDefs.keys()].sort();
    for (const f of families) {
      if (family !== undefined && f !== family) continue;
      for (const td of ctx.state.taskDefs.get(f) ?? []) if (td.status === status) all.push(td);
    }
    if (sort === 'DESC') all.reverse();
    const { page, nextToken } = paginate(all, p);
    return { taskDefinitionArns: page.map((td) => td.arn), ...(nextToken ? { nextToken } : {}) };
  },

  ListTaskDefinitionFamilies(ctx: EcsContext, p: Json): Json {
    const prefix = optStr(p, 'familyPrefix') ?? '';
    const status = optStr(p, 'status') ?? 'ACTIVE';
    const families = [...ctx.state.taskDefs.entries()]
      .filter(([f, revs]) => {
        if (!f.startsWith(prefix)) return false;
        const active = revs.some((r) => r.status === 'ACTIVE');
        return status === 'ALL' || (status === 'ACTIVE' ? active : !active);
      })
      .map(([f]) => f)
      .sort();
    const { page, nextToken } = paginate(families, p);
    return { families: page, ...(nextToken ? { nextToken } : {}) };
  },
};
