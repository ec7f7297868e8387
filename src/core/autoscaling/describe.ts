/**
 * Reading an ECS service's auto scaling (scalable targets, scaling policies, scheduled actions) and turning what the
 * Describe calls return into the RegisterScalableTarget / PutScalingPolicy / PutScheduledAction inputs that would
 * recreate it.
 */
import {
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  type ApplicationAutoScalingClient,
  type PutScalingPolicyCommandInput,
  type PutScheduledActionCommandInput,
  type RegisterScalableTargetCommandInput,
  type ScalableTarget,
  type ScalingPolicy,
  type ScheduledAction,
} from '@aws-sdk/client-application-auto-scaling';
import { DESIRED_COUNT_DIMENSION, ECS_NAMESPACE, ecsResourceId } from './resource.js';

/** A service's auto scaling, as the inputs that (re)create it. JSON-serialisable. */
export interface AutoScalingSet {
  scalableTargets: RegisterScalableTargetCommandInput[];
  scalingPolicies: PutScalingPolicyCommandInput[];
}

/** A scheduled action as the PutScheduledAction input that recreates it, its times as ISO strings (JSON-serialisable). */
export type ScheduledActionInput = Omit<PutScheduledActionCommandInput, 'StartTime' | 'EndTime'> & { StartTime?: string; EndTime?: string };

/** What the service has live: its auto scaling and the scheduled actions of its scalable target. */
export interface LiveAutoScaling extends AutoScalingSet {
  scheduledActions: ScheduledActionInput[];
}

/** Pages are followed up to this many (100 items a page is far beyond one service's targets and policies). */
const MAX_PAGES = 20;

/** Every item of a paged Describe call (NextToken followed up to MAX_PAGES pages). */
async function allPages<T>(page: (token: string | undefined) => Promise<{ items: T[] | undefined; NextToken?: string | undefined }>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  for (let n = 0; n < MAX_PAGES; n++) {
    const out = await page(token);
    all.push(...(out.items ?? []));
    token = out.NextToken;
    if (token === undefined || token === '') break;
  }
  return all;
}

const next = (token: string | undefined): { NextToken?: string } => (token !== undefined ? { NextToken: token } : {});

const RESOURCE = { ServiceNamespace: ECS_NAMESPACE, ScalableDimension: DESIRED_COUNT_DIMENSION } as const;

/**
 * The scalable targets, scaling policies and scheduled actions registered for `service/<cluster>/<service>`
 * (DesiredCount).
 */
export async function describeAutoScaling(aas: ApplicationAutoScalingClient, cluster: string, service: string): Promise<LiveAutoScaling> {
  return {
    scalableTargets: await describeScalableTargets(aas, cluster, service),
    scalingPolicies: await describeScalingPolicies(aas, cluster, service),
    scheduledActions: await describeScheduledActions(aas, cluster, service),
  };
}

export async function describeScalableTargets(aas: ApplicationAutoScalingClient, cluster: string, service: string): Promise<RegisterScalableTargetCommandInput[]> {
  const resourceId = ecsResourceId(cluster, service);
  const targets = await allPages<ScalableTarget>(async (token) => {
    const out = await aas.send(new DescribeScalableTargetsCommand({ ...RESOURCE, ResourceIds: [resourceId], ...next(token) }));
    return { items: out.ScalableTargets, NextToken: out.NextToken };
  });
  return targets.map(toRegisterScalableTargetInput);
}

export async function describeScalingPolicies(aas: ApplicationAutoScalingClient, cluster: string, service: string): Promise<PutScalingPolicyCommandInput[]> {
  const resourceId = ecsResourceId(cluster, service);
  const policies = await allPages<ScalingPolicy>(async (token) => {
    const out = await aas.send(new DescribeScalingPoliciesCommand({ ...RESOURCE, ResourceId: resourceId, ...next(token) }));
    return { items: out.ScalingPolicies, NextToken: out.NextToken };
  });
  return policies.map(toPutScalingPolicyInput);
}

export async function describeScheduledActions(aas: ApplicationAutoScalingClient, cluster: string, service: string): Promise<ScheduledActionInput[]> {
  const resourceId = ecsResourceId(cluster, service);
  const scheduled = await allPages<ScheduledAction>(async (token) => {
    const out = await aas.send(new DescribeScheduledActionsCommand({ ...RESOURCE, ResourceId: resourceId, ...next(token) }));
    return { items: out.ScheduledActions, NextToken: out.NextToken };
  });
  return scheduled.map(toScheduledActionInput);
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

/** The PutScheduledAction input that recreates `a` (ARN and CreationTime dropped; times as ISO strings). */
export function toScheduledActionInput(a: ScheduledAction): ScheduledActionInput {
  const input: ScheduledActionInput = {
    ScheduledActionName: a.ScheduledActionName,
    ServiceNamespace: a.ServiceNamespace,
    ResourceId: a.ResourceId,
    ScalableDimension: a.ScalableDimension,
    Schedule: a.Schedule,
  };
  if (a.Timezone !== undefined) input.Timezone = a.Timezone;
  if (a.StartTime !== undefined) input.StartTime = a.StartTime.toISOString();
  if (a.EndTime !== undefined) input.EndTime = a.EndTime.toISOString();
  if (a.ScalableTargetAction !== undefined) input.ScalableTargetAction = plain(a.ScalableTargetAction);
  return input;
}

/** The PutScheduledAction request for a recorded scheduled action (its ISO times back to Dates). */
export function toPutScheduledActionInput(a: ScheduledActionInput): PutScheduledActionCommandInput {
  const { StartTime, EndTime, ...rest } = a;
  return {
    ...rest,
    ...(StartTime !== undefined ? { StartTime: new Date(StartTime) } : {}),
    ...(EndTime !== undefined ? { EndTime: new Date(EndTime) } : {}),
  };
}

/** A deep copy without `undefined` and `null` members, so the value survives JSON round trips unchanged. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === null ? undefined : v))) as T;
}
