/**
 * Application Auto Scaling state: scalable targets, their scaling policies and scheduled actions, keyed as AWS
 * identifies them, and the scaling activities alarm actions caused.
 */
import { AwsServiceError } from '../contracts.js';
import type { SimClock } from '../contracts.js';

export interface ScalableTargetRec {
  serviceNamespace: string;
  resourceId: string;
  scalableDimension: string;
  minCapacity: number;
  maxCapacity: number;
  roleArn: string;
  suspendedState: { DynamicScalingInSuspended: boolean; DynamicScalingOutSuspended: boolean; ScheduledScalingSuspended: boolean };
  createdAt: number;
  arn: string;
  tags: Record<string, string>;
}

export interface ScalingPolicyRec {
  policyArn: string;
  policyName: string;
  serviceNamespace: string;
  resourceId: string;
  scalableDimension: string;
  policyType: string;
  configuration: Record<string, unknown>;
  alarms: { AlarmName: string; AlarmARN: string }[];
  createdAt: number;
}

export interface ScheduledActionRec {
  scheduledActionArn: string;
  scheduledActionName: string;
  serviceNamespace: string;
  resourceId: string;
  scalableDimension: string;
  schedule: string;
  timezone?: string;
  /** Epoch seconds, as the JSON protocol carries timestamps. */
  startTime?: number;
  endTime?: number;
  scalableTargetAction?: { MinCapacity?: number; MaxCapacity?: number };
  createdAt: number;
}

/** One run of a scaling policy by an alarm action (kept for the state dump). */
export interface ScalingActivityRec {
  policyArn: string;
  alarmName: string;
  at: number;
  outcome: 'scaled' | 'unchanged' | 'suspended';
  from?: number;
  to?: number;
}

export interface TargetId {
  serviceNamespace: string;
  resourceId: string;
  scalableDimension: string;
}

export const targetKey = (t: TargetId): string => `${t.serviceNamespace}|${t.resourceId}|${t.scalableDimension}`;
export const policyKey = (t: TargetId, policyName: string): string => `${targetKey(t)}|${policyName}`;
export const scheduledActionKey = (t: TargetId, name: string): string => `${targetKey(t)}|${name}`;

export interface AutoScalingContext {
  clock: SimClock;
  region: string;
  accountId: string;
}

export class AutoScalingStore {
  readonly targets = new Map<string, ScalableTargetRec>();
  readonly policies = new Map<string, ScalingPolicyRec>();
  readonly scheduledActions = new Map<string, ScheduledActionRec>();
  readonly activities: ScalingActivityRec[] = [];

  clear(): void {
    this.targets.clear();
    this.policies.clear();
    this.scheduledActions.clear();
    this.activities.length = 0;
  }

  /** The registered target, or ObjectNotFoundException worded as PutScalingPolicy words it. */
  registeredTarget(id: TargetId): ScalableTargetRec {
    const target = this.targets.get(targetKey(id));
    if (!target) {
      throw new AwsServiceError(
        'ObjectNotFoundException',
        `No scalable target registered for service namespace: ${id.serviceNamespace}, resource ID: ${id.resourceId}, scalable dimension: ${id.scalableDimension}`,
      );
    }
    return target;
  }

  policiesOf(id: TargetId): ScalingPolicyRec[] {
    const key = targetKey(id);
    return [...this.policies.values()].filter((p) => targetKey(p) === key);
  }

  scheduledActionsOf(id: TargetId): ScheduledActionRec[] {
    const key = targetKey(id);
    return [...this.scheduledActions.values()].filter((a) => targetKey(a) === key);
  }
}
