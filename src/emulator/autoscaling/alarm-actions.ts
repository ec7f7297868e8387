/**
 * A CloudWatch alarm action that names a scaling policy ARN (AutoScalingBackend.runAlarmAction). A step scaling
 * policy picks the step adjustment whose interval holds the difference between the alarm's newest datapoint and its
 * threshold (the first step when the alarm reported no datapoint) and changes the ECS service's desired count,
 * kept within the scalable target's minimum and maximum, unless the target's dynamic scaling in that direction is
 * suspended (`SuspendedState.DynamicScalingOutSuspended` / `DynamicScalingInSuspended`): then nothing changes.
 *
 * Not simulated: cooldowns, the repeated invocations while an alarm stays in ALARM, and target tracking policies
 * (Application Auto Scaling runs those from alarms it manages, on metrics the emulator does not have).
 */
import type { AlarmSignal, World } from '../contracts.js';
import type { Params } from './params.js';
import type { AutoScalingStore, ScalableTargetRec, ScalingActivityRec } from './store.js';
import { targetKey } from './store.js';

type Outcome = 'scaled' | 'unchanged' | 'suspended' | 'unknown';

interface Step {
  MetricIntervalLowerBound?: number;
  MetricIntervalUpperBound?: number;
  ScalingAdjustment: number;
}

export function runAlarmAction(store: AutoScalingStore, policyArn: string, alarm: AlarmSignal, world: World): Outcome {
  const policy = [...store.policies.values()].find((p) => p.policyArn === policyArn);
  const target = policy === undefined ? undefined : store.targets.get(targetKey(policy));
  if (policy?.policyType !== 'StepScaling' || target === undefined || target.serviceNamespace !== 'ecs') return 'unknown';
  const current = world.ecs.desiredCount(target.resourceId);
  if (current === undefined) return 'unknown';
  const config = (policy.configuration['StepScalingPolicyConfiguration'] ?? {}) as Params;
  const step = chooseStep((config['StepAdjustments'] ?? []) as Step[], alarm);
  const record = (outcome: ScalingActivityRec['outcome'], to?: number): Outcome => {
    store.activities.push({ policyArn, alarmName: alarm.alarmName, at: world.clock.now(), outcome, from: current, ...(to !== undefined ? { to } : {}) });
    return outcome;
  };
  if (step === undefined) return record('unchanged');
  const wanted = clamp(target, adjusted(current, step.ScalingAdjustment, config));
  if (wanted === current) return record('unchanged');
  const suspended = wanted > current ? target.suspendedState.DynamicScalingOutSuspended : target.suspendedState.DynamicScalingInSuspended;
  if (suspended) return record('suspended');
  world.ecs.setDesiredCount(target.resourceId, wanted);
  return record('scaled', wanted);
}

/**
 * The step whose interval holds `metric - threshold`. Above the threshold the lower bound is inclusive and the upper
 * exclusive; below it, the other way round (StepAdjustment in the API reference). A missing bound is infinite.
 */
function chooseStep(steps: Step[], alarm: AlarmSignal): Step | undefined {
  if (alarm.metricValue === undefined || alarm.threshold === undefined) return steps[0];
  const diff = alarm.metricValue - alarm.threshold;
  return steps.find((s) => {
    const lower = s.MetricIntervalLowerBound ?? -Infinity;
    const upper = s.MetricIntervalUpperBound ?? Infinity;
    return diff >= 0 ? lower <= diff && diff < upper : lower < diff && diff <= upper;
  });
}

/** The capacity the adjustment asks for (AdjustmentType, with PercentChangeInCapacity's rounding and minimum). */
function adjusted(current: number, adjustment: number, config: Params): number {
  const type = config['AdjustmentType'] ?? 'ChangeInCapacity';
  if (type === 'ExactCapacity') return adjustment;
  if (type !== 'PercentChangeInCapacity') return current + adjustment;
  const raw = (current * adjustment) / 100;
  let delta = raw > 0 && raw < 1 ? 1 : raw < 0 && raw > -1 ? -1 : Math.trunc(raw);
  const magnitude = typeof config['MinAdjustmentMagnitude'] === 'number' ? config['MinAdjustmentMagnitude'] : 0;
  if (delta !== 0 && Math.abs(delta) < magnitude) delta = Math.sign(delta) * magnitude;
  return current + delta;
}

function clamp(target: ScalableTargetRec, capacity: number): number {
  return Math.min(target.maxCapacity, Math.max(target.minCapacity, capacity));
}
