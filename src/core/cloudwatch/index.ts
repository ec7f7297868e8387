/**
 * The CloudWatch layer: the only code that sends CloudWatch commands. Alarms, as a canary's bake (C1) and a
 * blue/green traffic step (B5) watch them: checking before any change that every named alarm exists (a located
 * ConfigurationError naming the input and every missing alarm), and reading which of them are in ALARM.
 *
 * Both read with one DescribeAlarms call by AlarmNames (at most 100 names a call, so more are read in batches),
 * following NextToken, for metric and composite alarms alike.
 */
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { httpOptions } from '../aws/call-options.js';
import type { AwsCallOptions } from '../aws/call-options.js';
import { ConfigurationError } from '../errors.js';

/** DescribeAlarms accepts at most 100 AlarmNames a call. */
export const DESCRIBE_ALARMS_NAMES_MAX = 100;

/** An alarm as DescribeAlarms reports it, metric or composite. */
export interface AlarmState {
  name: string;
  kind: 'metric' | 'composite';
  /** OK, ALARM or INSUFFICIENT_DATA. */
  state: string;
  /** CloudWatch's StateReason. */
  reason: string;
}

/** An alarm in ALARM, with CloudWatch's reason for it. */
export interface AlarmInAlarm {
  name: string;
  reason: string;
}

/** The named alarms that exist, with their states (metric and composite alarms; names that do not exist are absent). */
export async function describeAlarmStates(
  cloudwatch: CloudWatchClient,
  names: readonly string[],
  opts: AwsCallOptions = {},
): Promise<AlarmState[]> {
  const unique = [...new Set(names)];
  const found: AlarmState[] = [];
  for (let i = 0; i < unique.length; i += DESCRIBE_ALARMS_NAMES_MAX) {
    const batch = unique.slice(i, i + DESCRIBE_ALARMS_NAMES_MAX);
    let nextToken: string | undefined;
    do {
      opts.onCall?.('DescribeAlarms');
      const out = await cloudwatch.send(
        new DescribeAlarmsCommand({
          AlarmNames: batch,
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
          ...(nextToken !== undefined ? { NextToken: nextToken } : {}),
        }),
        httpOptions(opts),
      );
      for (const a of out.MetricAlarms ?? []) found.push(stateOf('metric', a));
      for (const a of out.CompositeAlarms ?? []) found.push(stateOf('composite', a));
      nextToken = out.NextToken !== undefined && out.NextToken !== '' ? out.NextToken : undefined;
    } while (nextToken !== undefined);
  }
  return found;
}

function stateOf(kind: AlarmState['kind'], a: { AlarmName?: string | undefined; StateValue?: string | undefined; StateReason?: string | undefined }): AlarmState {
  return { name: a.AlarmName ?? '', kind, state: a.StateValue ?? 'INSUFFICIENT_DATA', reason: a.StateReason ?? '' };
}

/**
 * Fails with a ConfigurationError naming `input` and every alarm of `names` that does not exist (C1, B5): found
 * before anything is created. No names: no call.
 */
export async function checkAlarmsExist(
  cloudwatch: CloudWatchClient,
  names: readonly string[],
  input: string,
  opts: AwsCallOptions = {},
): Promise<void> {
  if (names.length === 0) return;
  const found = new Set((await describeAlarmStates(cloudwatch, names, opts)).map((a) => a.name));
  const missing = [...new Set(names)].filter((n) => !found.has(n));
  if (missing.length === 0) return;
  const list = missing.map((n) => `'${n}'`).join(', ');
  throw new ConfigurationError(
    `${missing.length === 1 ? 'CloudWatch alarm' : 'CloudWatch alarms'} ${list} ${missing.length === 1 ? 'does' : 'do'} not exist in this account and region`,
    { input },
  );
}

/** The alarms of `names` that are in ALARM now, in the order given, with CloudWatch's reason. No names: no call. */
export async function alarmsInAlarm(
  cloudwatch: CloudWatchClient,
  names: readonly string[],
  opts: AwsCallOptions = {},
): Promise<AlarmInAlarm[]> {
  if (names.length === 0) return [];
  const states = await describeAlarmStates(cloudwatch, names, opts);
  const byName = new Map(states.map((a) => [a.name, a]));
  return [...new Set(names)]
    .map((n) => byName.get(n))
    .filter((a): a is AlarmState => a !== undefined && a.state === 'ALARM')
    .map((a) => ({ name: a.name, reason: a.reason }));
}

/** `CloudWatch alarm web-5xx is in ALARM (Threshold Crossed: ...)`, one line per alarm. */
export function describeAlarmsInAlarm(alarms: readonly AlarmInAlarm[]): string {
  return alarms.map((a) => `CloudWatch alarm ${a.name} is in ALARM${a.reason !== '' ? ` (${a.reason})` : ''}`).join('; ');
}
