/** RegisterScalableTarget, DeregisterScalableTarget (which deletes the target's policies and scheduled actions), DescribeScalableTargets. */
import { randomBytes } from 'node:crypto';
import { AwsServiceError } from '../contracts.js';
import type { OperationHandler, World } from '../contracts.js';
import { optInt, optObject, optStr, optStrList, paginate, reqStr, validation } from './params.js';
import type { Params } from './params.js';
import type { AutoScalingContext, AutoScalingStore, ScalableTargetRec, TargetId } from './store.js';
import { policyKey, scheduledActionKey, targetKey } from './store.js';

export const SERVICE_NAMESPACES = [
  'ecs', 'elasticmapreduce', 'ec2', 'appstream', 'dynamodb', 'rds', 'sagemaker', 'custom-resource',
  'comprehend', 'lambda', 'cassandra', 'kafka', 'elasticache', 'neptune', 'workspaces',
];
const ECS_DIMENSION = 'ecs:service:DesiredCount';

/** Reads and checks the (namespace, resource id, dimension) triple that identifies a scalable target. */
export function readTargetId(params: Params): TargetId {
  const serviceNamespace = reqStr(params, 'ServiceNamespace');
  const resourceId = reqStr(params, 'ResourceId');
  const scalableDimension = reqStr(params, 'ScalableDimension');
  checkNamespace(serviceNamespace);
  if (serviceNamespace === 'ecs') {
    if (scalableDimension !== ECS_DIMENSION) {
      throw validation(`Unsupported scalable dimension '${scalableDimension}' for service namespace 'ecs'`);
    }
    if (!/^service\/[^/]+\/[^/]+$/.test(resourceId)) {
      throw validation(`Unsupported resource ID '${resourceId}': an ECS service is identified as service/<cluster-name>/<service-name>`);
    }
  }
  return { serviceNamespace, resourceId, scalableDimension };
}

export function checkNamespace(namespace: string): void {
  if (!SERVICE_NAMESPACES.includes(namespace)) {
    throw validation(
      `1 validation error detected: Value '${namespace}' at 'serviceNamespace' failed to satisfy constraint: Member must satisfy enum value set: [${SERVICE_NAMESPACES.join(', ')}]`,
    );
  }
}

export function describeScalableTarget(t: ScalableTargetRec): Record<string, unknown> {
  return {
    ServiceNamespace: t.serviceNamespace,
    ResourceId: t.resourceId,
    ScalableDimension: t.scalableDimension,
    MinCapacity: t.minCapacity,
    MaxCapacity: t.maxCapacity,
    RoleARN: t.roleArn,
    CreationTime: t.createdAt / 1000,
    SuspendedState: { ...t.suspendedState },
    ScalableTargetARN: t.arn,
  };
}

function readSuspended(params: Params, current: ScalableTargetRec['suspendedState']): ScalableTargetRec['suspendedState'] {
  const given = optObject(params, 'SuspendedState');
  if (!given) return current;
  const flag = (name: keyof ScalableTargetRec['suspendedState']): boolean => {
    const v = given[name];
    if (v === undefined || v === null) return current[name];
    if (typeof v !== 'boolean') throw validation(`Value at 'suspendedState.${name}' must be a boolean`);
    return v;
  };
  return {
    DynamicScalingInSuspended: flag('DynamicScalingInSuspended'),
    DynamicScalingOutSuspended: flag('DynamicScalingOutSuspended'),
    ScheduledScalingSuspended: flag('ScheduledScalingSuspended'),
  };
}

function readTags(params: Params): Record<string, string> | undefined {
  const tags = optObject(params, 'Tags');
  if (!tags) return undefined;
  for (const [k, v] of Object.entries(tags)) if (typeof v !== 'string') throw validation(`Value of tag '${k}' must be a string`);
  return tags as Record<string, string>;
}

export function scalableTargetHandlers(store: AutoScalingStore, ctx: AutoScalingContext): Record<string, OperationHandler> {
  const register: OperationHandler = (params, world: World) => {
    const id = readTargetId(params);
    if (id.serviceNamespace === 'ecs' && !world.ecs.serviceExists(id.resourceId)) {
      throw validation(`ECS service doesn't exist: ${id.resourceId}`);
    }
    const min = optInt(params, 'MinCapacity');
    const max = optInt(params, 'MaxCapacity');
    if ((min !== undefined && min < 0) || (max !== undefined && max < 0)) throw validation('Capacity values must be non-negative');
    const tags = readTags(params);
    const existing = store.targets.get(targetKey(id));
    if (existing) {
      if (tags !== undefined) {
        throw validation(
          'The scalable target that you tried to tag already exists. To update tags on an existing scalable target, use the TagResource API.',
        );
      }
      const minCapacity = min ?? existing.minCapacity;
      const maxCapacity = max ?? existing.maxCapacity;
      if (minCapacity > maxCapacity) throw validation(`Minimum capacity cannot be greater than maximum capacity`);
      existing.minCapacity = minCapacity;
      existing.maxCapacity = maxCapacity;
      existing.suspendedState = readSuspended(params, existing.suspendedState);
      const role = optStr(params, 'RoleARN');
      if (role !== undefined) existing.roleArn = role;
      return { ScalableTargetARN: existing.arn };
    }
    if (min === undefined || max === undefined) {
      throw validation('MinCapacity and MaxCapacity are required when registering a new scalable target');
    }
    if (min > max) throw validation('Minimum capacity cannot be greater than maximum capacity');
    const target: ScalableTargetRec = {
      ...id,
      minCapacity: min,
      maxCapacity: max,
      roleArn:
        optStr(params, 'RoleARN') ??
        (id.serviceNamespace === 'ecs'
          ? `arn:aws:iam::${ctx.accountId}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService`
          : `arn:aws:iam::${ctx.accountId}:role/aws-service-role/application-autoscaling`),
      suspendedState: readSuspended(params, {
        DynamicScalingInSuspended: false,
        DynamicScalingOutSuspended: false,
        ScheduledScalingSuspended: false,
      }),
      createdAt: ctx.clock.now(),
      arn: `arn:aws:application-autoscaling:${ctx.region}:${ctx.accountId}:scalable-target/${randomBytes(18).toString('hex')}`,
      tags: tags ?? {},
    };
    store.targets.set(targetKey(id), target);
    return { ScalableTargetARN: target.arn };
  };

  const deregister: OperationHandler = (params) => {
    const id = readTargetId(params);
    const key = targetKey(id);
    if (!store.targets.has(key)) {
      throw new AwsServiceError(
        'ObjectNotFoundException',
        `No scalable target found for service namespace: ${id.serviceNamespace}, resource ID: ${id.resourceId}, scalable dimension: ${id.scalableDimension}`,
      );
    }
    // As AWS: deregistering a scalable target deletes its scaling policies and its scheduled actions.
    for (const policy of store.policiesOf(id)) store.policies.delete(policyKey(id, policy.policyName));
    for (const action of store.scheduledActionsOf(id)) store.scheduledActions.delete(scheduledActionKey(id, action.scheduledActionName));
    store.targets.delete(key);
    return {};
  };

  const describe: OperationHandler = (params) => {
    const namespace = reqStr(params, 'ServiceNamespace');
    checkNamespace(namespace);
    const resourceIds = optStrList(params, 'ResourceIds');
    const dimension = optStr(params, 'ScalableDimension');
    const found = [...store.targets.values()].filter(
      (t) =>
        t.serviceNamespace === namespace &&
        (resourceIds === undefined || resourceIds.length === 0 || resourceIds.includes(t.resourceId)) &&
        (dimension === undefined || t.scalableDimension === dimension),
    );
    const { page, NextToken } = paginate(found, params);
    return NextToken === undefined
      ? { ScalableTargets: page.map(describeScalableTarget) }
      : { ScalableTargets: page.map(describeScalableTarget), NextToken };
  };

  return { RegisterScalableTarget: register, DeregisterScalableTarget: deregister, DescribeScalableTargets: describe };
}
