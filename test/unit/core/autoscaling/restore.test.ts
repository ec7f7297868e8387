/**
 * R6: restoring a recorded auto scaling in place (restore.ts) against the stateful fake: what differs is put back under
 * its name (same ARNs), what the snapshot did not have is deleted, scheduled actions are never deleted, and the
 * target ends with the SuspendedState the snapshot recorded.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import type { PutScheduledActionCommandInput } from '@aws-sdk/client-application-auto-scaling';
import { mockClient } from 'aws-sdk-client-mock';
import { describeAutoScaling } from '../../../../src/core/autoscaling/describe.js';
import { restoreAutoScaling } from '../../../../src/core/autoscaling/restore.js';
import { FakeAutoScaling } from '../../../helpers/fake-autoscaling.js';
import { RecordingLogger } from '../../../helpers/fakes.js';
import { cpuPolicy, DIM, RESOURCE, scalableTarget as target } from '../../../helpers/rolling-setup.js';

const aasMock = mockClient(ApplicationAutoScalingClient);
const ALL = { DynamicScalingInSuspended: true, DynamicScalingOutSuspended: true, ScheduledScalingSuspended: true };
const NONE = { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false };
const nightly: PutScheduledActionCommandInput = {
  ServiceNamespace: 'ecs',
  ResourceId: RESOURCE,
  ScalableDimension: DIM,
  ScheduledActionName: 'nightly',
  Schedule: 'cron(0 22 * * ? *)',
  StartTime: new Date('2030-01-01T00:00:00Z'),
  ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 2 },
};

let calls: string[];
let fake: FakeAutoScaling;
let aas: ApplicationAutoScalingClient;
const mutations = (): string[] => calls.filter((c) => !c.startsWith('aas:Describe'));

beforeEach(() => {
  aasMock.reset();
  calls = [];
  fake = new FakeAutoScaling(aasMock, calls);
  aas = new ApplicationAutoScalingClient({ region: 'us-east-1' });
});

const snapshot = (extra: Record<string, unknown> = {}) => ({
  cluster: 'demo',
  service: 'web',
  scalableTargets: [target({ SuspendedState: NONE })],
  scalingPolicies: [cpuPolicy('cpu50', 50), cpuPolicy('cpu70', 70)],
  ...extra,
});

describe('restoreAutoScaling', () => {
  it('when only the suspension changed, only resumes: nothing is put again, every ARN stays', async () => {
    fake.seed([target({ SuspendedState: ALL })], [cpuPolicy('cpu50', 50), cpuPolicy('cpu70', 70)]);
    const arns = fake.policyArns();
    await restoreAutoScaling(aas, snapshot(), new RecordingLogger());
    expect(mutations()).toEqual(['aas:RegisterScalableTarget']);
    expect(aasMock.commandCalls(RegisterScalableTargetCommand)[0]?.args[0].input).toEqual({
      ServiceNamespace: 'ecs',
      ResourceId: RESOURCE,
      ScalableDimension: DIM,
      SuspendedState: NONE,
    });
    expect(fake.policyArns()).toEqual(arns);
  });

  it('puts back what differs in place (same ARNs), deletes policies the snapshot did not have, then resumes', async () => {
    fake.seed([target({ MaxCapacity: 9, SuspendedState: ALL })], [cpuPolicy('cpu50', 80), cpuPolicy('cpu70', 70), cpuPolicy('added', 40)]);
    const arns = fake.policyArns();
    await restoreAutoScaling(aas, snapshot());
    expect(mutations()).toEqual(['aas:RegisterScalableTarget', 'aas:PutScalingPolicy', 'aas:DeleteScalingPolicy', 'aas:RegisterScalableTarget']);
    // The capacities are put back while scaling stays suspended; the resume comes last.
    expect(aasMock.commandCalls(RegisterScalableTargetCommand)[0]?.args[0].input).toMatchObject({ MaxCapacity: 4, SuspendedState: ALL });
    const live = await describeAutoScaling(aas, 'demo', 'web');
    expect(live.scalableTargets).toEqual([target({ SuspendedState: NONE })]);
    expect(live.scalingPolicies).toEqual([cpuPolicy('cpu50', 50), cpuPolicy('cpu70', 70)]);
    expect(fake.policyArns()).toEqual({ cpu50: arns['cpu50'], cpu70: arns['cpu70'] });
  });

  it('restores the SuspendedState the snapshot recorded, not "all resumed"', async () => {
    const recorded = { ...NONE, DynamicScalingInSuspended: true };
    fake.seed([target({ SuspendedState: ALL })], []);
    await restoreAutoScaling(aas, snapshot({ scalableTargets: [target({ SuspendedState: recorded })], scalingPolicies: [] }));
    expect(fake.target()?.SuspendedState).toEqual(recorded);
  });

  it('never deletes scheduled actions, and puts back one the snapshot recorded that went missing', async () => {
    fake.seed([target()], [cpuPolicy('cpu50', 50), cpuPolicy('cpu70', 70)], [{ ...nightly, ScheduledActionName: 'weekend' }]);
    const recorded = (await describeAutoScaling(aas, 'demo', 'web')).scheduledActions;
    expect(recorded).toEqual([{ ...nightly, ScheduledActionName: 'weekend', StartTime: '2030-01-01T00:00:00.000Z' }]);
    await restoreAutoScaling(aas, snapshot({ scheduledActions: [{ ...recorded[0], ScheduledActionName: 'nightly' }] }));
    expect(mutations()).toEqual(['aas:PutScheduledAction', 'aas:RegisterScalableTarget']);
    expect([...fake.scheduledActions.values()].map((a) => [a.ScheduledActionName, a.StartTime])).toEqual([
      ['weekend', nightly.StartTime],
      ['nightly', nightly.StartTime],
    ]);
  });

  it('the service had no auto scaling: deregisters a target added since, but keeps one that has scheduled actions', async () => {
    fake.seed([target()], [cpuPolicy('p', 50)]);
    await restoreAutoScaling(aas, { cluster: 'demo', service: 'web', scalableTargets: [], scalingPolicies: [] });
    expect(mutations()).toEqual(['aas:DeleteScalingPolicy', 'aas:DeregisterScalableTarget']);
    fake.seed([target()], [cpuPolicy('p', 50)], [nightly]);
    calls.length = 0;
    const log = new RecordingLogger();
    await restoreAutoScaling(aas, { cluster: 'demo', service: 'web', scalableTargets: [], scalingPolicies: [] }, log);
    expect(mutations()).toEqual(['aas:DeleteScalingPolicy']);
    expect(fake.targets.size).toBe(1);
    expect(log.messages()).toContain(`Scalable target ${RESOURCE} is kept: it has scheduled actions, which deregistering it would delete.`);
  });
});
