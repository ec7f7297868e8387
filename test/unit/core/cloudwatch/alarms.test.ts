import { beforeEach, describe, expect, it } from '@jest/globals';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { alarmsInAlarm, checkAlarmsExist, describeAlarmStates, DESCRIBE_ALARMS_NAMES_MAX } from '../../../../src/core/cloudwatch/index.js';
import { ConfigurationError } from '../../../../src/core/errors.js';

const cwMock = mockClient(CloudWatchClient);
const cloudwatch = new CloudWatchClient({ region: 'us-east-1' });

beforeEach(() => {
  cwMock.reset();
});

describe('alarms (C1, B5)', () => {
  it('are read with one DescribeAlarms by name for metric and composite alarms, following NextToken', async () => {
    cwMock
      .on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [{ AlarmName: 'a', StateValue: 'OK', StateReason: 'fine' }], NextToken: 't1' })
      .resolvesOnce({ CompositeAlarms: [{ AlarmName: 'c', StateValue: 'ALARM', StateReason: 'child in ALARM' }] });
    const calls: string[] = [];
    const states = await describeAlarmStates(cloudwatch, ['a', 'c', 'a'], { onCall: (op) => calls.push(op) });
    expect(states).toEqual([
      { name: 'a', kind: 'metric', state: 'OK', reason: 'fine' },
      { name: 'c', kind: 'composite', state: 'ALARM', reason: 'child in ALARM' },
    ]);
    expect(calls).toEqual(['DescribeAlarms', 'DescribeAlarms']);
    const sent = cwMock.commandCalls(DescribeAlarmsCommand).map((c) => c.args[0].input);
    expect(sent[0]).toEqual({ AlarmNames: ['a', 'c'], AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] });
    expect(sent[1]).toMatchObject({ NextToken: 't1' });
  });

  it('are asked for in batches of 100 names', async () => {
    cwMock.on(DescribeAlarmsCommand).resolves({});
    const names = Array.from({ length: DESCRIBE_ALARMS_NAMES_MAX + 1 }, (_, i) => `alarm-${i}`);
    await describeAlarmStates(cloudwatch, names);
    const sent = cwMock.commandCalls(DescribeAlarmsCommand).map((c) => c.args[0].input.AlarmNames?.length);
    expect(sent).toEqual([100, 1]);
  });

  it('that do not exist are a ConfigurationError naming the input and every missing alarm', async () => {
    cwMock.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [{ AlarmName: 'known', StateValue: 'OK' }] });
    const err = await checkAlarmsExist(cloudwatch, ['known', 'gone-1', 'gone-2'], 'alarms').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as ConfigurationError).location).toEqual({ input: 'alarms' });
    expect((err as Error).message).toBe("input 'alarms': CloudWatch alarms 'gone-1', 'gone-2' do not exist in this account and region");
    await expect(checkAlarmsExist(cloudwatch, ['known'], 'alarms')).resolves.toBeUndefined();
  });

  it('are not read at all when none are named', async () => {
    await checkAlarmsExist(cloudwatch, [], 'alarms');
    expect(await alarmsInAlarm(cloudwatch, [])).toEqual([]);
    expect(cwMock.commandCalls(DescribeAlarmsCommand)).toHaveLength(0);
  });

  it('in ALARM are listed with their reason, in the order named', async () => {
    cwMock.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        { AlarmName: 'b', StateValue: 'ALARM', StateReason: 'Threshold Crossed' },
        { AlarmName: 'a', StateValue: 'INSUFFICIENT_DATA' },
      ],
      CompositeAlarms: [{ AlarmName: 'c', StateValue: 'ALARM' }],
    });
    expect(await alarmsInAlarm(cloudwatch, ['c', 'a', 'b'])).toEqual([
      { name: 'c', reason: '' },
      { name: 'b', reason: 'Threshold Crossed' },
    ]);
  });
});
