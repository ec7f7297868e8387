/** src/core/cloudwatch (C1, B5): alarms named by the user checked before any change, and which are in ALARM. */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { alarmsInAlarm, checkAlarmsExist } from '../../../../src/core/cloudwatch/index.js';
import { ConfigurationError } from '../../../../src/core/errors.js';

const cwMock = mockClient(CloudWatchClient);
const cloudwatch = new CloudWatchClient({ region: 'us-east-1' });
beforeEach(() => {
  cwMock.reset();
});

describe('checkAlarmsExist', () => {
  it('names the input and every missing alarm, reading metric and composite alarms in one call', async () => {
    cwMock.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [{ AlarmName: 'shop-5xx' }], CompositeAlarms: [{ AlarmName: 'shop-any' }] });
    const e = await checkAlarmsExist(cloudwatch, ['shop-5xx', 'shop-any', 'shop-p99', 'cart-5xx'], 'alarms').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(String((e as Error).message)).toMatch(/input 'alarms'.*'shop-p99', 'cart-5xx'/);
    expect(cwMock.commandCalls(DescribeAlarmsCommand)).toHaveLength(1);
    expect(cwMock.commandCalls(DescribeAlarmsCommand)[0]?.args[0].input).toMatchObject({ AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] });
  });

  it('follows every page and makes no call for no alarms', async () => {
    cwMock
      .on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [{ AlarmName: 'a' }], NextToken: 't' })
      .resolvesOnce({ MetricAlarms: [{ AlarmName: 'b' }] });
    await expect(checkAlarmsExist(cloudwatch, ['a', 'b'], 'alarms')).resolves.toBeUndefined();
    await checkAlarmsExist(cloudwatch, [], 'alarms');
    expect(cwMock.commandCalls(DescribeAlarmsCommand)).toHaveLength(2);
  });
});

describe('alarmsInAlarm', () => {
  it('returns the alarms in ALARM with their reason', async () => {
    cwMock.on(DescribeAlarmsCommand).resolves({
      MetricAlarms: [
        { AlarmName: 'ok', StateValue: 'OK' },
        { AlarmName: 'bad', StateValue: 'ALARM', StateReason: 'Threshold Crossed' },
      ],
      CompositeAlarms: [{ AlarmName: 'none', StateValue: 'INSUFFICIENT_DATA' }],
    });
    expect(await alarmsInAlarm(cloudwatch, ['ok', 'bad', 'none'])).toEqual([{ name: 'bad', reason: 'Threshold Crossed' }]);
  });
});
