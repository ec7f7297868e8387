/**
 * CloudWatch metric alarms (API reference: PutMetricAlarm, DescribeAlarms, SetAlarmState, DeleteAlarms), handlers
 * called directly with JSON parameters and a world whose Application Auto Scaling records the actions it is given.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { AlarmSignal, ServiceModule } from '../../../src/emulator/contracts.js';
import { createCloudWatchModule } from '../../../src/emulator/cloudwatch/index.js';
import { awsError, fakeWorld, invoke } from '../../helpers/emulator/module-harness.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const POLICY = 'arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:0c8e5ac9-0000-4000-8000-000000000001:resource/ecs/service/prod/web:policyName/step-out';
const SNS = 'arn:aws:sns:us-east-1:123456789012:ops';
const alarm = {
  AlarmName: 'web-cpu-high',
  AlarmDescription: 'CPU above 80 %',
  MetricName: 'CPUUtilization',
  Namespace: 'AWS/ECS',
  Statistic: 'Average',
  Dimensions: [
    { Name: 'ClusterName', Value: 'prod' },
    { Name: 'ServiceName', Value: 'web' },
  ],
  Period: 60,
  EvaluationPeriods: 2,
  DatapointsToAlarm: 2,
  Threshold: 80,
  ComparisonOperator: 'GreaterThanThreshold',
  TreatMissingData: 'notBreaching',
  AlarmActions: [POLICY, SNS],
  OKActions: [SNS],
};

let cw: ServiceModule;
let world: ReturnType<typeof fakeWorld>;
let ran: { arn: string; signal: AlarmSignal }[];
const call = (op: string, params: object): Json => invoke<Json>(cw, world, op, params);
const described = (params: object = {}): Json[] => call('DescribeAlarms', params)['MetricAlarms'];

beforeEach(() => {
  ran = [];
  world = fakeWorld({
    autoscaling: {
      runAlarmAction: (arn, signal) => {
        ran.push({ arn, signal });
        return 'scaled';
      },
    },
  });
  cw = createCloudWatchModule({ clock: world.clock, region: 'us-east-1', accountId: '123456789012' }).module;
});

describe('PutMetricAlarm and DescribeAlarms', () => {
  it('creates an alarm in INSUFFICIENT_DATA and describes its configuration, actions and timestamps', () => {
    expect(call('PutMetricAlarm', { ...alarm, Tags: [{ Key: 'team', Value: 'web' }] })).toEqual({});
    const now = world.clock.now() / 1000;
    expect(described()).toEqual([
      {
        ...alarm,
        AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-cpu-high',
        ActionsEnabled: true,
        InsufficientDataActions: [],
        StateValue: 'INSUFFICIENT_DATA',
        StateReason: 'Unchecked: Initial alarm creation',
        StateUpdatedTimestamp: now,
        StateTransitionedTimestamp: now,
        AlarmConfigurationUpdatedTimestamp: now,
      },
    ]);
    expect(call('DescribeAlarms', {})['CompositeAlarms']).toEqual([]);
  });

  it('overwrites the configuration of an existing alarm and leaves its state unchanged', () => {
    call('PutMetricAlarm', alarm);
    call('SetAlarmState', { AlarmName: 'web-cpu-high', StateValue: 'OK', StateReason: 'test' });
    world.clock.advance(5000);
    call('PutMetricAlarm', { ...alarm, Threshold: 90, AlarmActions: [] });
    const [a] = described();
    expect(a).toMatchObject({ Threshold: 90, AlarmActions: [], StateValue: 'OK', StateReason: 'test' });
    expect(a?.['AlarmConfigurationUpdatedTimestamp']).toBeGreaterThan(a?.['StateUpdatedTimestamp']);
  });

  it('filters by names, prefix, state and action prefix, sorted by name, paged, and metric alarms only on request', () => {
    for (const name of ['b-high', 'a-high', 'c-low']) call('PutMetricAlarm', { ...alarm, AlarmName: name, AlarmActions: name === 'c-low' ? [] : [POLICY] });
    call('SetAlarmState', { AlarmName: 'c-low', StateValue: 'OK', StateReason: 'quiet' });
    const names = (list: Json[]) => list.map((a) => a['AlarmName']);
    expect(names(described())).toEqual(['a-high', 'b-high', 'c-low']);
    expect(names(described({ AlarmNames: ['c-low', 'a-high'] }))).toEqual(['a-high', 'c-low']);
    expect(names(described({ AlarmNamePrefix: 'b' }))).toEqual(['b-high']);
    expect(names(described({ StateValue: 'OK' }))).toEqual(['c-low']);
    expect(names(described({ ActionPrefix: 'arn:aws:autoscaling:' }))).toEqual(['a-high', 'b-high']);
    expect(names(described({ AlarmTypes: ['CompositeAlarm'] }))).toEqual([]);
    const page1 = call('DescribeAlarms', { MaxRecords: 2 });
    expect(names(page1['MetricAlarms'])).toEqual(['a-high', 'b-high']);
    expect(names(described({ MaxRecords: 2, NextToken: page1['NextToken'] }))).toEqual(['c-low']);
    expect(awsError(() => call('DescribeAlarms', { AlarmNames: ['a'], AlarmNamePrefix: 'a' })).code).toBe('InvalidParameterCombination');
    expect(awsError(() => call('DescribeAlarms', { NextToken: 'garbage' })).code).toBe('InvalidNextToken');
  });

  it('refuses what the API reference refuses', () => {
    const refused = (params: object) => awsError(() => call('PutMetricAlarm', { ...alarm, ...params })).code;
    expect(refused({ AlarmName: undefined })).toBe('ValidationError');
    expect(refused({ EvaluationPeriods: 0 })).toBe('ValidationError');
    expect(refused({ ComparisonOperator: 'Bigger' })).toBe('ValidationError');
    expect(refused({ Period: 45 })).toBe('InvalidParameterValue');
    expect(refused({ Threshold: undefined })).toBe('MissingParameter');
    expect(refused({ MetricName: undefined })).toBe('MissingParameter');
    expect(refused({ ExtendedStatistic: 'p99' })).toBe('InvalidParameterCombination');
    expect(refused({ Metrics: [{ Id: 'm1', Expression: 'SUM(METRICS())' }] })).toBe('InvalidParameterCombination');
    expect(refused({ DatapointsToAlarm: 3 })).toBe('InvalidParameterValue');
    expect(refused({ AlarmActions: ['not-an-arn'] })).toBe('InvalidParameterValue');
    expect(refused({ AlarmActions: [SNS, SNS, SNS, SNS, SNS, SNS] })).toBe('ValidationError');
  });
});

describe('SetAlarmState', () => {
  it('runs the actions of the new state once per change: a scaling policy through Application Auto Scaling', () => {
    call('PutMetricAlarm', alarm);
    call('SetAlarmState', { AlarmName: 'web-cpu-high', StateValue: 'ALARM', StateReason: 'test', StateReasonData: '{"recentDatapoints":[70,91.5]}' });
    expect(ran).toEqual([{ arn: POLICY, signal: { alarmName: 'web-cpu-high', threshold: 80, metricValue: 91.5 } }]);
    expect(described()[0]).toMatchObject({ StateValue: 'ALARM', StateReason: 'test', StateReasonData: '{"recentDatapoints":[70,91.5]}' });
    expect((cw.dump() as Json)['metricAlarms'][0]['lastActions']).toEqual([
      { arn: POLICY, result: 'scaled' },
      { arn: SNS, result: 'accepted' },
    ]);
    call('SetAlarmState', { AlarmName: 'web-cpu-high', StateValue: 'ALARM', StateReason: 'again' });
    call('SetAlarmState', { AlarmName: 'web-cpu-high', StateValue: 'OK', StateReason: 'calm' });
    expect(ran).toHaveLength(1);
  });

  it('runs nothing when actions are disabled', () => {
    call('PutMetricAlarm', { ...alarm, ActionsEnabled: false });
    call('SetAlarmState', { AlarmName: 'web-cpu-high', StateValue: 'ALARM', StateReason: 'test' });
    expect(ran).toEqual([]);
    expect(described()[0]).toMatchObject({ StateValue: 'ALARM', ActionsEnabled: false });
  });

  it('answers ResourceNotFound for an unknown alarm, InvalidFormat for reason data that is not JSON', () => {
    expect(awsError(() => call('SetAlarmState', { AlarmName: 'nope', StateValue: 'ALARM', StateReason: 'x' }))).toMatchObject({
      code: 'ResourceNotFound',
      status: 404,
    });
    call('PutMetricAlarm', alarm);
    expect(awsError(() => call('SetAlarmState', { AlarmName: 'web-cpu-high', StateValue: 'ALARM', StateReason: 'x', StateReasonData: '{' })).code).toBe('InvalidFormat');
    expect(awsError(() => call('SetAlarmState', { AlarmName: 'web-cpu-high', StateValue: 'RED', StateReason: 'x' })).code).toBe('ValidationError');
  });
});

describe('DeleteAlarms', () => {
  it('deletes the named alarms, or none of them when one does not exist', () => {
    call('PutMetricAlarm', alarm);
    call('PutMetricAlarm', { ...alarm, AlarmName: 'other' });
    expect(awsError(() => call('DeleteAlarms', { AlarmNames: ['other', 'missing'] })).code).toBe('ResourceNotFound');
    expect(described()).toHaveLength(2);
    expect(call('DeleteAlarms', { AlarmNames: ['other'] })).toEqual({});
    expect(described().map((a) => a['AlarmName'])).toEqual(['web-cpu-high']);
    cw.reset();
    expect(described()).toEqual([]);
  });
});
