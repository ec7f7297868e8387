/**
 * A stateful stand-in for Application Auto Scaling behind aws-sdk-client-mock, following the API reference:
 * RegisterScalableTarget creates or updates (SuspendedState flag by flag); PutScalingPolicy creates or updates by
 * name (keeping the policy ARN) and needs a registered scalable target (ObjectNotFoundException otherwise);
 * PutScheduledAction likewise; DeleteScalingPolicy / DeregisterScalableTarget of something missing throw
 * ObjectNotFoundException; deregistering a target deletes its policies and scheduled actions.
 */
import type {
  ApplicationAutoScalingClient} from '@aws-sdk/client-application-auto-scaling';
import {
  DeleteScalingPolicyCommand,
  DeregisterScalableTargetCommand,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  DescribeScheduledActionsCommand,
  PutScalingPolicyCommand,
  PutScheduledActionCommand,
  RegisterScalableTargetCommand,
  type PutScalingPolicyCommandInput,
  type PutScheduledActionCommandInput,
  type RegisterScalableTargetCommandInput,
  type ScalableTarget,
  type ScalingPolicy,
  type ScheduledAction,
} from '@aws-sdk/client-application-auto-scaling';
import type { AwsClientStub } from 'aws-sdk-client-mock';

export type AasMock = AwsClientStub<ApplicationAutoScalingClient>;

export function objectNotFound(message: string): Error {
  return Object.assign(new Error(message), { name: 'ObjectNotFoundException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

/** The flags of `state` that are set (a flag left out keeps its value, as RegisterScalableTarget does). */
function definedFlags(state: RegisterScalableTargetCommandInput['SuspendedState']): Record<string, boolean> {
  return Object.fromEntries(Object.entries(state ?? {}).filter(([, v]) => typeof v === 'boolean'));
}

const key = (ns: string | undefined, id: string | undefined, dim: string | undefined): string => `${ns}|${id}|${dim}`;

export class FakeAutoScaling {
  readonly targets = new Map<string, ScalableTarget>();
  readonly policies = new Map<string, ScalingPolicy>();
  readonly scheduledActions = new Map<string, ScheduledAction>();
  private seq = 0;

  /** `calls` receives `aas:<Operation>` for each call, in order (shared with other fakes to check ordering). */
  constructor(
    readonly mock: AasMock,
    private readonly calls: string[] = [],
  ) {
    this.install();
  }

  /** Adds a target, policies and scheduled actions directly (the state before the test). */
  seed(targets: RegisterScalableTargetCommandInput[], policies: PutScalingPolicyCommandInput[], scheduled: PutScheduledActionCommandInput[] = []): void {
    for (const t of targets) this.register(t);
    for (const p of policies) this.put(p);
    for (const a of scheduled) this.schedule(a);
  }

  policyArns(): Record<string, string> {
    return Object.fromEntries([...this.policies.values()].map((p) => [p.PolicyName ?? '', p.PolicyARN ?? '']));
  }

  target(): ScalableTarget | undefined {
    return [...this.targets.values()][0];
  }

  policyNames(): string[] {
    return [...this.policies.values()].map((p) => p.PolicyName ?? '').sort();
  }

  private install(): void {
    const m = this.mock;
    m.on(RegisterScalableTargetCommand).callsFake((input: RegisterScalableTargetCommandInput) => {
      this.calls.push('aas:RegisterScalableTarget');
      this.register(input);
      return { ScalableTargetARN: `arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target/${++this.seq}` };
    });
    m.on(PutScalingPolicyCommand).callsFake((input: PutScalingPolicyCommandInput) => {
      this.calls.push('aas:PutScalingPolicy');
      if (!this.targets.has(key(input.ServiceNamespace, input.ResourceId, input.ScalableDimension))) {
        throw objectNotFound(`No scalable target registered for ${input.ResourceId ?? ''}`);
      }
      return { PolicyARN: this.put(input).PolicyARN, Alarms: [] };
    });
    m.on(DeleteScalingPolicyCommand).callsFake((input: PutScalingPolicyCommandInput) => {
      this.calls.push('aas:DeleteScalingPolicy');
      const k = `${key(input.ServiceNamespace, input.ResourceId, input.ScalableDimension)}|${input.PolicyName ?? ''}`;
      if (!this.policies.delete(k)) throw objectNotFound(`No scaling policy found for ${input.PolicyName ?? ''}`);
      return {};
    });
    m.on(DeregisterScalableTargetCommand).callsFake((input: RegisterScalableTargetCommandInput) => {
      this.calls.push('aas:DeregisterScalableTarget');
      const k = key(input.ServiceNamespace, input.ResourceId, input.ScalableDimension);
      if (!this.targets.delete(k)) throw objectNotFound(`No scalable target found for ${input.ResourceId ?? ''}`);
      for (const pk of [...this.policies.keys()]) if (pk.startsWith(`${k}|`)) this.policies.delete(pk);
      for (const sk of [...this.scheduledActions.keys()]) if (sk.startsWith(`${k}|`)) this.scheduledActions.delete(sk);
      return {};
    });
    m.on(PutScheduledActionCommand).callsFake((input: PutScheduledActionCommandInput) => {
      this.calls.push('aas:PutScheduledAction');
      if (!this.targets.has(key(input.ServiceNamespace, input.ResourceId, input.ScalableDimension))) {
        throw objectNotFound(`No scalable target registered for ${input.ResourceId ?? ''}`);
      }
      this.schedule(input);
      return {};
    });
    m.on(DescribeScheduledActionsCommand).callsFake((input: { ServiceNamespace: string; ResourceId?: string }) => {
      this.calls.push('aas:DescribeScheduledActions');
      const found = [...this.scheduledActions.values()].filter(
        (a) => a.ServiceNamespace === input.ServiceNamespace && (input.ResourceId === undefined || a.ResourceId === input.ResourceId),
      );
      return { ScheduledActions: found };
    });
    m.on(DescribeScalableTargetsCommand).callsFake((input: { ServiceNamespace: string; ResourceIds?: string[] }) => {
      this.calls.push('aas:DescribeScalableTargets');
      const found = [...this.targets.values()].filter(
        (t) => t.ServiceNamespace === input.ServiceNamespace && (input.ResourceIds ?? [t.ResourceId]).includes(t.ResourceId ?? ''),
      );
      return { ScalableTargets: found };
    });
    m.on(DescribeScalingPoliciesCommand).callsFake((input: { ServiceNamespace: string; ResourceId?: string }) => {
      this.calls.push('aas:DescribeScalingPolicies');
      const found = [...this.policies.values()].filter(
        (p) => p.ServiceNamespace === input.ServiceNamespace && (input.ResourceId === undefined || p.ResourceId === input.ResourceId),
      );
      return { ScalingPolicies: found };
    });
  }

  private register(t: RegisterScalableTargetCommandInput): void {
    const k = key(t.ServiceNamespace, t.ResourceId, t.ScalableDimension);
    const existing = this.targets.get(k);
    this.targets.set(k, {
      ServiceNamespace: t.ServiceNamespace,
      ResourceId: t.ResourceId,
      ScalableDimension: t.ScalableDimension,
      MinCapacity: t.MinCapacity ?? existing?.MinCapacity,
      MaxCapacity: t.MaxCapacity ?? existing?.MaxCapacity,
      RoleARN: 'arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService',
      CreationTime: new Date(0),
      ...(t.SuspendedState !== undefined || existing?.SuspendedState !== undefined
        ? { SuspendedState: { ...existing?.SuspendedState, ...definedFlags(t.SuspendedState) } }
        : {}),
    });
  }

  private schedule(a: PutScheduledActionCommandInput): void {
    const k = `${key(a.ServiceNamespace, a.ResourceId, a.ScalableDimension)}|${a.ScheduledActionName ?? ''}`;
    const existing = this.scheduledActions.get(k);
    this.scheduledActions.set(k, {
      ...a,
      Schedule: a.Schedule ?? existing?.Schedule,
      ScheduledActionARN: existing?.ScheduledActionARN ?? `arn:aws:autoscaling:us-east-1:123456789012:scheduledAction:${++this.seq}:scheduledActionName/${a.ScheduledActionName ?? ''}`,
      CreationTime: existing?.CreationTime ?? new Date(0),
    });
  }

  private put(p: PutScalingPolicyCommandInput): ScalingPolicy {
    const k = `${key(p.ServiceNamespace, p.ResourceId, p.ScalableDimension)}|${p.PolicyName ?? ''}`;
    const policy: ScalingPolicy = {
      PolicyARN:
        this.policies.get(k)?.PolicyARN ??
        `arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:${++this.seq}:resource/${p.ResourceId ?? ''}:policyName/${p.PolicyName ?? ''}`,
      PolicyName: p.PolicyName,
      ServiceNamespace: p.ServiceNamespace,
      ResourceId: p.ResourceId,
      ScalableDimension: p.ScalableDimension,
      PolicyType: p.PolicyType ?? 'StepScaling',
      CreationTime: new Date(0),
      Alarms: [{ AlarmName: `TargetTracking-${p.ResourceId ?? ''}-AlarmHigh`, AlarmARN: 'arn:aws:cloudwatch:alarm' }],
      ...(p.TargetTrackingScalingPolicyConfiguration !== undefined
        ? { TargetTrackingScalingPolicyConfiguration: p.TargetTrackingScalingPolicyConfiguration }
        : {}),
      ...(p.StepScalingPolicyConfiguration !== undefined ? { StepScalingPolicyConfiguration: p.StepScalingPolicyConfiguration } : {}),
    };
    this.policies.set(k, policy);
    return policy;
  }
}
