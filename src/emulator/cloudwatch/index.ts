/**
 * CloudWatch alarms (the `monitoring` endpoint): PutMetricAlarm, DescribeAlarms, SetAlarmState, DeleteAlarms.
 * The current @aws-sdk/client-cloudwatch speaks AWS JSON 1.0 (`X-Amz-Target: GraniteServiceVersion20100801.<Op>`)
 * in its awsQuery-compatible form: an error's `__type` names the error shape of the service model and the
 * `x-amzn-query-error` header carries the Query error code (ResourceNotFound, InvalidParameterValue...), which the
 * SDK maps back to the modelled exception. Timestamps are epoch seconds.
 */
import type { ServiceModule } from '../contracts.js';
import { alarmHandlers, describeAlarm } from './alarms.js';
import { CloudWatchStore } from './store.js';
import type { CloudWatchContext } from './store.js';

export type { CloudWatchContext } from './store.js';

/** Query error code → error shape of the CloudWatch model (the shape names that differ from the code). */
const ERROR_SHAPES: Record<string, string> = {
  ValidationError: 'ValidationException',
  InvalidParameterValue: 'InvalidParameterValueException',
  InvalidParameterCombination: 'InvalidParameterCombinationException',
  MissingParameter: 'MissingRequiredParameterException',
  InvalidFormat: 'InvalidFormatFault',
  LimitExceeded: 'LimitExceededFault',
  InternalServiceError: 'InternalServiceFault',
};

export function createCloudWatchModule(ctx: CloudWatchContext): { module: ServiceModule } {
  const store = new CloudWatchStore();
  const module: ServiceModule = {
    service: 'monitoring',
    json: { version: '1.0', queryCompatible: { errorShape: (code) => `com.amazonaws.cloudwatch#${ERROR_SHAPES[code] ?? code}` } },
    operations: alarmHandlers(store, ctx),
    reset: () => store.clear(),
    dump: () => ({
      metricAlarms: [...store.alarms.values()].map((a) => ({ ...describeAlarm(a), lastActions: a.lastActions.map((x) => ({ ...x })) })),
    }),
  };
  return { module };
}
