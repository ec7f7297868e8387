/**
 * PutScalingPolicy, DeleteScalingPolicy, DescribeScalingPolicies. Configurations are stored as given; a target
 * tracking policy gets the two CloudWatch alarms Application Auto Scaling creates for it (AlarmHigh and, unless
 * scale-in is disabled, AlarmLow).
 */
import { randomUUID } from 'node:crypto';
import { AwsServiceError } from '../contracts.js';
import type { OperationHandler } from '../contracts.js';
import { describeFiltered, optObject, optStr, reqStr, validation } from './params.js';
import type { Params } from './params.js';
import { checkNamespace, readTargetId } from './scalable-targets.js';
import type { AutoScalingContext, AutoScalingStore, ScalingPolicyRec, TargetId } from './store.js';
import { policyKey } from './store.js';

const POLICY_TYPES: Record<string, string> = {
  StepScaling: 'StepScalingPolicyConfiguration',
  TargetTrackingScaling: 'TargetTrackingScalingPolicyConfiguration',
  PredictiveScaling: 'PredictiveScalingPolicyConfiguration',
};
const ECS_PREDEFINED_METRICS = ['ECSServiceAverageCPUUtilization', 'ECSServiceAverageMemoryUtilization', 'ALBRequestCountPerTarget'];
const ADJUSTMENT_TYPES = ['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity'];

export function describeScalingPolicy(p: ScalingPolicyRec): Record<string, unknown> {
  return {
    PolicyARN: p.policyArn,
    PolicyName: p.policyName,
    ServiceNamespace: p.serviceNamespace,
    ResourceId: p.resourceId,
    ScalableDimension: p.scalableDimension,
    PolicyType: p.policyType,
    ...p.configuration,
    Alarms: p.alarms.map((a) => ({ ...a })),
    CreationTime: p.createdAt / 1000,
  };
}

function checkTargetTracking(config: Params, id: TargetId): void {
  if (typeof config['TargetValue'] !== 'number') {
    throw validation("1 validation error detected: Value null at 'targetTrackingScalingPolicyConfiguration.targetValue' failed to satisfy constraint: Member must not be null");
  }
  const predefined = optObject(config, 'PredefinedMetricSpecification');
  const customized = optObject(config, 'CustomizedMetricSpecification');
  if ((predefined === undefined) === (customized === undefined)) {
    throw validation('Exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification must be specified');
  }
  if (predefined && id.serviceNamespace === 'ecs') {
    const type = reqStr(predefined, 'PredefinedMetricType');
    if (!ECS_PREDEFINED_METRICS.includes(type)) {
      throw validation(`Unsupported metric type '${type}' for scalable dimension ${id.scalableDimension}`);
    }
    if (type === 'ALBRequestCountPerTarget' && optStr(predefined, 'ResourceLabel') === undefined) {
      throw validation('ResourceLabel is required for the predefined metric type ALBRequestCountPerTarget');
    }
  }
}

function checkStepScaling(config: Params): void {
  const adjustmentType = optStr(config, 'AdjustmentType');
  if (adjustmentType !== undefined && !ADJUSTMENT_TYPES.includes(adjustmentType)) {
    throw validation(`Unsupported adjustment type '${adjustmentType}'`);
  }
  const steps = config['StepAdjustments'];
  if (!Array.isArray(steps) || steps.length === 0) throw validation('StepAdjustments must contain at least one step adjustment');
  for (const step of steps as Params[]) {
    if (typeof step?.['ScalingAdjustment'] !== 'number') {
      throw validation("1 validation error detected: Value null at 'stepScalingPolicyConfiguration.stepAdjustments.member.scalingAdjustment' failed to satisfy constraint: Member must not be null");
    }
  }
}

export function scalingPolicyHandlers(store: AutoScalingStore, ctx: AutoScalingContext): Record<string, OperationHandler> {
  const alarmsFor = (id: TargetId, config: Params): ScalingPolicyRec['alarms'] => {
    const alarm = (kind: string) => {
      const name = `TargetTracking-${id.resourceId}-${kind}-${randomUUID()}`;
      return { AlarmName: name, AlarmARN: `arn:aws:cloudwatch:${ctx.region}:${ctx.accountId}:alarm:${name}` };
    };
    return config['DisableScaleIn'] === true ? [alarm('AlarmHigh')] : [alarm('AlarmHigh'), alarm('AlarmLow')];
  };

  const put: OperationHandler = (params) => {
    const policyName = reqStr(params, 'PolicyName');
    if (policyName.length < 1 || policyName.length > 256 || /[\x00-\x1f]/.test(policyName)) {
      throw validation(`Invalid policy name '${policyName}'`);
    }
    const id = readTargetId(params);
    store.registeredTarget(id);
    const existing = store.policies.get(policyKey(id, policyName));
    const policyType = optStr(params, 'PolicyType') ?? existing?.policyType;
    if (policyType === undefined) throw validation('PolicyType must be specified when creating a scaling policy');
    const configName = POLICY_TYPES[policyType];
    if (configName === undefined) {
      throw validation(
        `1 validation error detected: Value '${policyType}' at 'policyType' failed to satisfy constraint: Member must satisfy enum value set: [${Object.keys(POLICY_TYPES).join(', ')}]`,
      );
    }
    const config = optObject(params, configName);
    if (!config) throw validation(`${configName} must be specified for a ${policyType} policy`);
    if (policyType === 'TargetTrackingScaling') checkTargetTracking(config, id);
    if (policyType === 'StepScaling') checkStepScaling(config);
    const configuration: Params = {};
    for (const name of Object.values(POLICY_TYPES)) if (params[name] !== undefined) configuration[name] = params[name];
    const sameKindOfAlarms = existing?.policyType === policyType && policyType === 'TargetTrackingScaling';
    const policy: ScalingPolicyRec = {
      policyArn:
        existing?.policyArn ??
        `arn:aws:autoscaling:${ctx.region}:${ctx.accountId}:scalingPolicy:${randomUUID()}:resource/${id.serviceNamespace}/${id.resourceId}:policyName/${policyName}`,
      policyName,
      ...id,
      policyType,
      configuration,
      alarms: policyType === 'TargetTrackingScaling' ? (sameKindOfAlarms && existing ? existing.alarms : alarmsFor(id, config)) : [],
      createdAt: existing?.createdAt ?? ctx.clock.now(),
    };
    store.policies.set(policyKey(id, policyName), policy);
    return { PolicyARN: policy.policyArn, Alarms: policy.alarms.map((a) => ({ ...a })) };
  };

  const remove: OperationHandler = (params) => {
    const policyName = reqStr(params, 'PolicyName');
    const id = readTargetId(params);
    if (!store.policies.delete(policyKey(id, policyName))) {
      throw new AwsServiceError(
        'ObjectNotFoundException',
        `No scaling policy found for service namespace: ${id.serviceNamespace}, resource ID: ${id.resourceId}, scalable dimension: ${id.scalableDimension}, policy name: ${policyName}`,
      );
    }
    return {};
  };

  const describe: OperationHandler = (params) => {
    const { page, NextToken } = describeFiltered(store.policies.values(), params, 'PolicyNames', (p) => p.policyName, checkNamespace);
    return { ScalingPolicies: page.map(describeScalingPolicy), ...(NextToken !== undefined ? { NextToken } : {}) };
  };

  return { PutScalingPolicy: put, DeleteScalingPolicy: remove, DescribeScalingPolicies: describe };
}
