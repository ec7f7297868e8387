/**
 * Reading an ECS service's auto scaling (scalable targets and scaling policies) and turning what the Describe calls
 * return into the RegisterScalableTarget / PutScalingPolicy inputs that would recreate it.
 */
import {
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  type DescribeScalableTargetsCommandOutput,
  type DescribeScalingPoliciesCommandOutput,
  type ApplicationAutoScalingClient,
  type PutScalingPolicyCommandInput,
  type RegisterScalableTargetCommandInput,
  type ScalableTarget,
  type ScalingPolicy,
} from '@aws-sdk/client-application-auto-scaling';
import { DESIRED_COUNT_DIMENSION, ECS_NAMESPACE, ecsResourceId } from './resource.js';

/** A service's auto scaling, as the inputs that (re)create it. JSON-serialisable. */
export interface AutoScalingSet {
  scalableTargets: RegisterScalableTargetCommandInput[];
  scalingPolicies: PutScalingPolicyCommandInput[];
}

/** Pages are followed up to this many (100 items a page is far beyond one service's targets and policies). */
const MAX_PAGES = 20;

/** The scalable targets and scaling policies registered for `service/<cluster>/<service>` (DesiredCount). */
export async function describeAutoScaling(
  aas: ApplicationAutoScalingClient,
  cluster: string,
  service: string,
): Promise<AutoScalingSet> {
  const resourceId = ecsResourceId(cluster, service);
  const scalableTargets: RegisterScalableTargetCommandInput[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out: DescribeScalableTargetsCommandOutput = await aas.send(
      new DescribeScalableTargetsCommand({
        ServiceNamespace: ECS_NAMESPACE,
        ResourceIds: [resourceId],
        ScalableDimension: DESIRED_COUNT_DIMENSION,
        ...(token !== undefined ? { NextToken: token } : {}),
      }),
    );
    for (const t of out.ScalableTargets ?? []) scalableTargets.push(toRegisterScalableTargetInput(t));
    token = out.NextToken;
    if (token === undefined || token === '') break;
  }
  const scalingPolicies: PutScalingPolicyCommandInput[] = [];
  token = undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const out: DescribeScalingPoliciesCommandOutput = await aas.send(
      new DescribeScalingPoliciesCommand({
        ServiceNamespace: ECS_NAMESPACE,
        ResourceId: resourceId,
        ScalableDimension: DESIRED_COUNT_DIMENSION,
        ...(token !== undefined ? { NextToken: token } : {}),
      }),
    );
    for (const p of out.ScalingPolicies ?? []) scalingPolicies.push(toPutScalingPolicyInput(p));
    token = out.NextToken;
    if (token === undefined || token === '') break;
  }
  return { scalableTargets, scalingPolicies };
}

/**
 * The RegisterScalableTarget input that recreates `t`. Output-only fields (CreationTime, ScalableTargetARN,
 * PredictedCapacity) are dropped, and so is the ECS service-linked role: Application Auto Scaling uses it by
 * itself and passing it back is not needed.
 */
export function toRegisterScalableTargetInput(t: ScalableTarget): RegisterScalableTargetCommandInput {
  const input: RegisterScalableTargetCommandInput = {
    ServiceNamespace: t.ServiceNamespace,
    ResourceId: t.ResourceId,
    ScalableDimension: t.ScalableDimension,
  };
  if (t.MinCapacity !== undefined) input.MinCapacity = t.MinCapacity;
  if (t.MaxCapacity !== undefined) input.MaxCapacity = t.MaxCapacity;
  if (t.RoleARN !== undefined && !t.RoleARN.includes(':role/aws-service-role/')) input.RoleARN = t.RoleARN;
  if (t.SuspendedState !== undefined) input.SuspendedState = plain(t.SuspendedState);
  return input;
}

/**
 * The PutScalingPolicy input that recreates `p`. Output-only fields (PolicyARN, Alarms, CreationTime) are dropped;
 * target tracking alarms are recreated by Application Auto Scaling itself.
 */
export function toPutScalingPolicyInput(p: ScalingPolicy): PutScalingPolicyCommandInput {
  const input: PutScalingPolicyCommandInput = {
    PolicyName: p.PolicyName,
    ServiceNamespace: p.ServiceNamespace,
    ResourceId: p.ResourceId,
    ScalableDimension: p.ScalableDimension,
  };
  if (p.PolicyType !== undefined) input.PolicyType = p.PolicyType;
  if (p.StepScalingPolicyConfiguration !== undefined) {
    input.StepScalingPolicyConfiguration = plain(p.StepScalingPolicyConfiguration);
  }
  if (p.TargetTrackingScalingPolicyConfiguration !== undefined) {
    input.TargetTrackingScalingPolicyConfiguration = plain(p.TargetTrackingScalingPolicyConfiguration);
  }
  if (p.PredictiveScalingPolicyConfiguration !== undefined) {
    input.PredictiveScalingPolicyConfiguration = plain(p.PredictiveScalingPolicyConfiguration);
  }
  return input;
}

/** A deep copy without `undefined` and `null` members, so the value survives JSON round trips unchanged. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === null ? undefined : v))) as T;
}
