/**
 * The CloudWatch alarms layer (C1, B5): the only code that sends CloudWatch commands. Alarms are named by the user;
 * checkAlarmsExist refuses names CloudWatch does not know (before any change), alarmsInAlarm says which are in
 * ALARM now. Metric and composite alarms alike; one DescribeAlarms call per 100 names, every page followed.
 */
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchClient, CompositeAlarm, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { httpOptions, type AwsCallOptions } from '../aws/call-options.js';
import { ConfigurationError } from '../errors.js';

/** DescribeAlarms takes at most 100 AlarmNames. */
const NAMES_PER_CALL = 100;

type Alarm = MetricAlarm | CompositeAlarm;

async function describeAlarms(cloudwatch: CloudWatchClient, names: readonly string[], opts: AwsCallOptions): Promise<Alarm[]> {
  const found: Alarm[] = [];
  for (let i = 0; i < names.length; i += NAMES_PER_CALL) {
    const AlarmNames = names.slice(i, i + NAMES_PER_CALL);
    let NextToken: string | undefined;
    do {
      opts.onCall?.('DescribeAlarms');
      const input = { AlarmNames, AlarmTypes: ['MetricAlarm' as const, 'CompositeAlarm' as const], ...(NextToken !== undefined ? { NextToken } : {}) };
      const out = await cloudwatch.send(new DescribeAlarmsCommand(input), httpOptions(opts));
      found.push(...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? []));
      NextToken = out.NextToken;
    } while (NextToken !== undefined);
  }
  return found;
}

/** A ConfigurationError naming `input` and every alarm of `names` CloudWatch does not have. */
export async function checkAlarmsExist(cloudwatch: CloudWatchClient, names: readonly string[], input: string, opts: AwsCallOptions = {}): Promise<void> {
  if (names.length === 0) return;
  const known = new Set((await describeAlarms(cloudwatch, names, opts)).map((a) => a.AlarmName));
  const missing = names.filter((n) => !known.has(n));
  if (missing.length > 0) {
    throw new ConfigurationError(`CloudWatch has no alarm named ${missing.map((n) => `'${n}'`).join(', ')}`, { input });
  }
}

/** The alarms of `names` whose state is ALARM now, with CloudWatch's reason. */
export async function alarmsInAlarm(
  cloudwatch: CloudWatchClient,
  names: readonly string[],
  opts: AwsCallOptions = {},
): Promise<Array<{ name: string; reason: string }>> {
  if (names.length === 0) return [];
  const alarms = await describeAlarms(cloudwatch, names, opts);
  return alarms.filter((a) => a.StateValue === 'ALARM').map((a) => ({ name: a.AlarmName ?? '', reason: a.StateReason ?? '' }));
}
