/**
 * CloudWatch alarms (the `monitoring` endpoint): PutMetricAlarm, DescribeAlarms, SetAlarmState, DeleteAlarms.
 * The current @aws-sdk/client-cloudwatch speaks AWS JSON 1.0 (`X-Amz-Target: GraniteServiceVersion20100801.<Op>`)
 * in its awsQuery-compatible form: an error's `__type` names the error shape of the service model and the
 * `x-amzn-query-error` header carries the Query error code (ResourceNotFound, InvalidParameterValue...), which the
 * SDK maps back to the modelled exception. Timestamps are epoch seconds.
 *
 * ECS reads the alarms of a deployment (deploymentConfiguration.alarms) through the CloudWatchBackend.
 */
import type { AlarmView, CloudWatchBackend, ServiceModule } from '../contracts.js';
import { alarmHandlers, describeAlarm } from './alarms.js';
import { CloudWatchStore } from './store.js';
import type { AlarmRec, CloudWatchContext } from './store.js';

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

/** Seconds one evaluation covers: `Period`, or the longest `Period` of the metric queries (60 when none says). */
function periodSeconds(a: AlarmRec): number {
  const periods = [a.configuration['Period']];
  const metrics = a.configuration['Metrics'];
  for (const m of Array.isArray(metrics) ? (metrics as Record<string, unknown>[]) : []) {
    const stat = m['MetricStat'] as Record<string, unknown> | undefined;
    periods.push(m['Period'], stat?.['Period']);
  }
  const known = periods.filter((p): p is number => typeof p === 'number' && p > 0);
  return known.length > 0 ? Math.max(...known) : 60;
}

function alarmView(a: AlarmRec): AlarmView {
  const evaluationPeriods = a.configuration['EvaluationPeriods'];
  return {
    state: a.state,
    transitionedAt: a.stateTransitionedAt,
    periodSeconds: periodSeconds(a),
    evaluationPeriods: typeof evaluationPeriods === 'number' && evaluationPeriods > 0 ? evaluationPeriods : 1,
  };
}

export function createCloudWatchModule(ctx: CloudWatchContext): { module: ServiceModule; backend: CloudWatchBackend } {
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
  const backend: CloudWatchBackend = {
    alarm(name) {
      const a = store.alarms.get(name);
      return a === undefined ? undefined : alarmView(a);
    },
  };
  return { module, backend };
}
