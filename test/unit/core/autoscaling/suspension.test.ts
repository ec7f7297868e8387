/**
 * R3: suspending a service's auto scaling for the rollout and resuming it afterwards (suspension.ts): only the
 * scalable target's SuspendedState changes — its capacities, policies (and their ARNs) and scheduled actions stay.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { mockClient } from 'aws-sdk-client-mock';
import { resumeAutoScaling, suspendAutoScaling } from '../../../../src/core/autoscaling/suspension.js';
import { FakeAutoScaling } from '../../../helpers/fake-autoscaling.js';
import { RecordingLogger } from '../../../helpers/fakes.js';
import { cpuPolicy, DIM, RESOURCE, scalableTarget as target } from '../../../helpers/rolling-setup.js';

const aasMock = mockClient(ApplicationAutoScalingClient);
const ALL = { DynamicScalingInSuspended: true, DynamicScalingOutSuspended: true, ScheduledScalingSuspended: true };
const NONE = { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false };
const ID = { ServiceNamespace: 'ecs', ResourceId: RESOURCE, ScalableDimension: DIM };

let calls: string[];
let fake: FakeAutoScaling;
let aas: ApplicationAutoScalingClient;
let log: RecordingLogger;
const registered = () => aasMock.commandCalls(RegisterScalableTargetCommand).map((c) => c.args[0].input);

beforeEach(() => {
  aasMock.reset();
  calls = [];
  fake = new FakeAutoScaling(aasMock, calls);
  aas = new ApplicationAutoScalingClient({ region: 'us-east-1' });
  log = new RecordingLogger();
});

describe('suspendAutoScaling', () => {
  it('suspends dynamic scale-in, scale-out and scheduled scaling, sending no capacities (they are kept)', async () => {
    fake.seed([target({ MinCapacity: 2, MaxCapacity: 6 })], [cpuPolicy('cpu50')]);
    const arns = fake.policyArns();
    await suspendAutoScaling(aas, [target({ MinCapacity: 2, MaxCapacity: 6, SuspendedState: NONE })], log);
    expect(calls).toEqual(['aas:RegisterScalableTarget']);
    expect(registered()).toEqual([{ ...ID, SuspendedState: ALL }]);
    expect(fake.target()).toMatchObject({ MinCapacity: 2, MaxCapacity: 6, SuspendedState: ALL });
    expect(fake.policyArns()).toEqual(arns);
    expect(log.messages()).toContain(`Suspended the auto scaling of ${RESOURCE} for the rollout (dynamic scale-in and scale-out, scheduled scaling)`);
  });

  it('warns when the target was already fully suspended (it stays so afterwards), and does nothing without a target', async () => {
    fake.seed([target({ SuspendedState: ALL })], []);
    await suspendAutoScaling(aas, [target({ SuspendedState: ALL })], log);
    expect(log.entries.filter((e) => e.level === 'warning').map((e) => e.message)).toEqual([
      expect.stringContaining(`The auto scaling of ${RESOURCE} was already suspended when this deployment started`) as unknown as string,
    ]);
    calls.length = 0;
    await suspendAutoScaling(aas, [], log);
    expect(calls).toEqual([]);
  });
});

describe('resumeAutoScaling', () => {
  it('sets the recorded SuspendedState back (a flag it lacks is false)', async () => {
    fake.seed([target({ SuspendedState: ALL })], []);
    await resumeAutoScaling(aas, [target({ SuspendedState: { DynamicScalingInSuspended: true } })], log);
    expect(registered()).toEqual([{ ...ID, SuspendedState: { ...NONE, DynamicScalingInSuspended: true } }]);
    expect(log.messages()).toContain(`Resumed the auto scaling of ${RESOURCE} (still suspended as before: DynamicScalingIn)`);
    await resumeAutoScaling(aas, [target()], log);
    expect(fake.target()?.SuspendedState).toEqual(NONE);
    expect(log.messages()).toContain(`Resumed the auto scaling of ${RESOURCE} (nothing suspended)`);
  });

  it("takes the flags a manifest for the same target gives over the recorded ones", async () => {
    fake.seed([target({ SuspendedState: ALL })], []);
    await resumeAutoScaling(aas, [target({ SuspendedState: { ...NONE, DynamicScalingInSuspended: true } })], log, [
      target({ SuspendedState: { DynamicScalingInSuspended: false, ScheduledScalingSuspended: true } }),
    ]);
    expect(fake.target()?.SuspendedState).toEqual({ DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: true });
  });
});
