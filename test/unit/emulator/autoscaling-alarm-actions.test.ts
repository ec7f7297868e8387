/**
 * A CloudWatch alarm action that names a step scaling policy (AutoScalingBackend.runAlarmAction): the step chosen by
 * how far the datapoint is from the threshold (StepAdjustment bounds in the API reference), the adjustment types,
 * the target's min and max, and SuspendedState — suspended dynamic scaling never changes the desired count.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { AutoScalingBackend, ServiceModule } from '../../../src/emulator/contracts.js';
import { createAutoScalingModule } from '../../../src/emulator/autoscaling/index.js';
import { fakeWorld, invoke } from '../../helpers/emulator/module-harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const RESOURCE = 'service/prod/web';
const target = { ServiceNamespace: 'ecs', ResourceId: RESOURCE, ScalableDimension: 'ecs:service:DesiredCount' };

let aas: ServiceModule;
let backend: AutoScalingBackend;
let world: ReturnType<typeof fakeWorld>;
const call = (op: string, params: object): Json => invoke<Json>(aas, world, op, params);

function stepPolicy(name: string, config: Json): string {
  return call('PutScalingPolicy', { ...target, PolicyName: name, PolicyType: 'StepScaling', StepScalingPolicyConfiguration: config })['PolicyARN'];
}
const run = (arn: string, metricValue?: number) =>
  backend.runAlarmAction(arn, { alarmName: 'cpu-high', threshold: 80, ...(metricValue !== undefined ? { metricValue } : {}) }, world);
const desired = (): number | undefined => world.desiredCounts.get(RESOURCE);

beforeEach(() => {
  world = fakeWorld({ activeServices: new Set([RESOURCE]), desiredCounts: new Map([[RESOURCE, 2]]) });
  const created = createAutoScalingModule({ clock: world.clock, region: 'us-east-1', accountId: '123456789012' });
  aas = created.module;
  backend = created.backend;
  call('RegisterScalableTarget', { ...target, MinCapacity: 1, MaxCapacity: 5 });
});

describe('step scaling run by an alarm action', () => {
  it('adds capacity with the step the breach falls in, within the maximum', () => {
    const arn = stepPolicy('out', {
      AdjustmentType: 'ChangeInCapacity',
      StepAdjustments: [
        { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 },
        { MetricIntervalLowerBound: 10, ScalingAdjustment: 2 },
      ],
    });
    expect(run(arn, 85)).toBe('scaled');
    expect(desired()).toBe(3);
    expect(run(arn, 90)).toBe('scaled');
    expect(desired()).toBe(5);
    expect(run(arn, 95)).toBe('unchanged');
    expect(desired()).toBe(5);
    expect((aas.dump() as Json)['scalingActivities'].map((a: Json) => [a['outcome'], a['from'], a['to']])).toEqual([
      ['scaled', 2, 3],
      ['scaled', 3, 5],
      ['unchanged', 5, undefined],
    ]);
  });

  it('takes the first step when the alarm reported no datapoint; exact and percent adjustments; the minimum', () => {
    const exact = stepPolicy('exact', { AdjustmentType: 'ExactCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 4 }] });
    expect(run(exact)).toBe('scaled');
    expect(desired()).toBe(4);
    const percent = stepPolicy('percent', {
      AdjustmentType: 'PercentChangeInCapacity',
      MinAdjustmentMagnitude: 2,
      StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -10 }],
    });
    expect(run(percent, 70)).toBe('scaled');
    expect(desired()).toBe(2);
    expect(run(percent, 70)).toBe('scaled');
    expect(desired()).toBe(1);
  });

  it('does not change the desired count while dynamic scaling in that direction is suspended', () => {
    const out = stepPolicy('out', { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] });
    const inward = stepPolicy('in', { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: -1 }] });
    call('RegisterScalableTarget', { ...target, SuspendedState: { DynamicScalingOutSuspended: true } });
    expect(run(out, 90)).toBe('suspended');
    expect(desired()).toBe(2);
    expect(run(inward, 50)).toBe('scaled');
    expect(desired()).toBe(1);
    call('RegisterScalableTarget', {
      ...target,
      SuspendedState: { DynamicScalingInSuspended: true, DynamicScalingOutSuspended: true, ScheduledScalingSuspended: true },
    });
    expect(run(out, 90)).toBe('suspended');
    expect(run(inward, 50)).toBe('unchanged');
    call('RegisterScalableTarget', { ...target, SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false } });
    expect(run(out, 90)).toBe('scaled');
    expect(desired()).toBe(2);
  });

  it('answers unknown for an ARN no policy has (a deleted one) and for target tracking policies', () => {
    const arn = stepPolicy('out', { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] });
    call('DeleteScalingPolicy', { ...target, PolicyName: 'out' });
    expect(run(arn, 90)).toBe('unknown');
    const tracking = call('PutScalingPolicy', {
      ...target,
      PolicyName: 'cpu',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
    })['PolicyARN'];
    expect(run(tracking, 90)).toBe('unknown');
    expect(desired()).toBe(2);
  });
});
