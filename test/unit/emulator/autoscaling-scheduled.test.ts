/**
 * Application Auto Scaling scheduled actions (API reference: PutScheduledAction, DescribeScheduledActions,
 * DeleteScheduledAction; "If a scalable target is deregistered, ... any scheduled actions that were specified for
 * the scalable target are deleted"), and policy ARNs across a delete and a new put, handlers called directly.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ServiceModule } from '../../../src/emulator/contracts.js';
import { createAutoScalingModule } from '../../../src/emulator/autoscaling/index.js';
import { awsError, fakeWorld, invoke } from '../../helpers/emulator/module-harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const RESOURCE = 'service/prod/web';
const target = { ServiceNamespace: 'ecs', ResourceId: RESOURCE, ScalableDimension: 'ecs:service:DesiredCount' };
const nightly = {
  ...target,
  ScheduledActionName: 'nightly',
  Schedule: 'cron(0 22 * * ? *)',
  Timezone: 'Europe/Berlin',
  StartTime: 1_900_000_000,
  EndTime: 1_990_000_000,
  ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 2 },
};
const stepPolicy = {
  ...target,
  PolicyName: 'step-out',
  PolicyType: 'StepScaling',
  StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] },
};

let aas: ServiceModule;
let world: ReturnType<typeof fakeWorld>;
const call = (op: string, params: object): Json => invoke<Json>(aas, world, op, params);
const scheduled = (params: object = { ServiceNamespace: 'ecs' }): Json[] => call('DescribeScheduledActions', params)['ScheduledActions'];

beforeEach(() => {
  world = fakeWorld({ activeServices: new Set([RESOURCE]) });
  aas = createAutoScalingModule({ clock: world.clock, region: 'us-east-1', accountId: '123456789012' }).module;
  call('RegisterScalableTarget', { ...target, MinCapacity: 1, MaxCapacity: 4 });
});

describe('scheduled actions', () => {
  it('puts one on a registered target and describes it with its ARN and creation time', () => {
    expect(call('PutScheduledAction', nightly)).toEqual({});
    expect(scheduled()).toEqual([
      {
        ...nightly,
        ScheduledActionARN: expect.stringMatching(
          /^arn:aws:autoscaling:us-east-1:123456789012:scheduledAction:[0-9a-f-]{36}:resource\/ecs\/service\/prod\/web:scheduledActionName\/nightly$/,
        ) as unknown as string,
        CreationTime: world.clock.now() / 1000,
      },
    ]);
  });

  it('updates in place by name: same ARN, the given parameters replaced, start and end times not given deleted', () => {
    call('PutScheduledAction', nightly);
    const [before] = scheduled();
    call('PutScheduledAction', { ...target, ScheduledActionName: 'nightly', ScalableTargetAction: { MinCapacity: 0, MaxCapacity: 1 } });
    const [after] = scheduled();
    expect(after).toEqual({
      ...target,
      ScheduledActionName: 'nightly',
      ScheduledActionARN: before?.['ScheduledActionARN'],
      Schedule: nightly.Schedule,
      Timezone: nightly.Timezone,
      ScalableTargetAction: { MinCapacity: 0, MaxCapacity: 1 },
      CreationTime: before?.['CreationTime'],
    });
  });

  it('filters by names and resource id, pages, and deletes one (then ObjectNotFoundException)', () => {
    for (const name of ['a', 'b', 'c']) call('PutScheduledAction', { ...nightly, ScheduledActionName: name });
    const names = (list: Json[]) => list.map((a) => a['ScheduledActionName']);
    expect(names(scheduled({ ServiceNamespace: 'ecs', ScheduledActionNames: ['b'] }))).toEqual(['b']);
    expect(names(scheduled({ ServiceNamespace: 'ecs', ResourceId: 'service/prod/other' }))).toEqual([]);
    const page1 = call('DescribeScheduledActions', { ServiceNamespace: 'ecs', MaxResults: 2 });
    expect(names(page1['ScheduledActions'])).toEqual(['a', 'b']);
    expect(names(scheduled({ ServiceNamespace: 'ecs', NextToken: page1['NextToken'] }))).toEqual(['c']);
    expect(call('DeleteScheduledAction', { ...target, ScheduledActionName: 'b' })).toEqual({});
    expect(names(scheduled())).toEqual(['a', 'c']);
    expect(awsError(() => call('DeleteScheduledAction', { ...target, ScheduledActionName: 'b' }))).toMatchObject({
      code: 'ObjectNotFoundException',
      message: 'No scheduled action found for service namespace: ecs, resource ID: service/prod/web, scalable dimension: ecs:service:DesiredCount, scheduled action name: b',
    });
  });

  it('refuses an unregistered target, a new action without a schedule, bad names, schedules and capacities', () => {
    expect(awsError(() => call('PutScheduledAction', { ...nightly, ResourceId: 'service/prod/other' })).code).toBe('ObjectNotFoundException');
    expect(awsError(() => call('PutScheduledAction', { ...nightly, Schedule: undefined })).message).toContain('Schedule is required');
    expect(awsError(() => call('PutScheduledAction', { ...nightly, ScheduledActionName: 'a/b' })).code).toBe('ValidationException');
    expect(awsError(() => call('PutScheduledAction', { ...nightly, ScheduledActionName: ' lead' })).code).toBe('ValidationException');
    expect(awsError(() => call('PutScheduledAction', { ...nightly, Schedule: 'every night' })).code).toBe('ValidationException');
    expect(awsError(() => call('PutScheduledAction', { ...nightly, ScalableTargetAction: { MinCapacity: 3, MaxCapacity: 2 } })).code).toBe('ValidationException');
    expect(awsError(() => call('PutScheduledAction', { ...nightly, EndTime: nightly.StartTime })).code).toBe('ValidationException');
    for (const schedule of ['at(2030-01-01T00:00:00)', 'rate(5 minutes)', 'rate(1 day)', 'cron(0 6 ? * MON-FRI *)']) {
      expect(call('PutScheduledAction', { ...nightly, Schedule: schedule })).toEqual({});
    }
  });

  it('deregistering the target deletes its scheduled actions and policies; reset drops them; dump lists them', () => {
    call('PutScheduledAction', nightly);
    call('PutScalingPolicy', stepPolicy);
    expect((aas.dump() as Json)['scheduledActions']).toHaveLength(1);
    call('DeregisterScalableTarget', target);
    expect(scheduled()).toEqual([]);
    expect(call('DescribeScalingPolicies', { ServiceNamespace: 'ecs' })['ScalingPolicies']).toEqual([]);
    call('RegisterScalableTarget', { ...target, MinCapacity: 1, MaxCapacity: 4 });
    call('PutScheduledAction', nightly);
    aas.reset();
    expect((aas.dump() as Json)['scheduledActions']).toEqual([]);
  });
});

describe('policy ARNs', () => {
  it('a policy put again by name keeps its ARN; deleted and put again, it gets a new one', () => {
    const first = call('PutScalingPolicy', stepPolicy)['PolicyARN'];
    expect(call('PutScalingPolicy', stepPolicy)['PolicyARN']).toBe(first);
    call('DeleteScalingPolicy', { ...target, PolicyName: 'step-out' });
    const recreated = call('PutScalingPolicy', stepPolicy)['PolicyARN'];
    expect(recreated).not.toBe(first);
    expect(recreated).toMatch(/:policyName\/step-out$/);
  });
});
