/** Application Auto Scaling state: scalable targets and their scaling policies, keyed as AWS identifies them. */
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

export interface TargetId {
  serviceNamespace: string;
  resourceId: string;
  scalableDimension: string;
}

export const targetKey = (t: TargetId): string => `${t.serviceNamespace}|${t.resourceId}|${t.scalableDimension}`;
export const policyKey = (t: TargetId, policyName: string): string => `${targetKey(t)}|${policyName}`;

export interface AutoScalingContext {
  clock: SimClock;
  region: string;
  accountId: string;
}

export class AutoScalingStore {
  readonly targets = new Map<string, ScalableTargetRec>();
  readonly policies = new Map<string, ScalingPolicyRec>();

  clear(): void {
    this.targets.clear();
    this.policies.clear();
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
}
