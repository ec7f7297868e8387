/**
 * S8 / S9: a deployment that ECS failed because a CloudWatch alarm of the deployment went into ALARM
 * (`deploymentConfiguration.alarms`) is explained by naming the alarm, never blamed on the circuit breaker.
 *
 * ECS says that an alarm failed a deployment in its service event (`(service web) (deployment ecs-svc/1) deployment
 * failed: alarm detected.`) and in the deployment's rollout state reason; which alarm, the reason may not say. The
 * names are the configured alarms (DescribeServices' deploymentConfiguration.alarms.alarmNames) that the reason
 * names; when it names none, the only configured alarm, or "one of" them when there are several.
 */
import type { Service } from '@aws-sdk/client-ecs';

/** Words the alarm part of a cause is written with, so a report can read it back (alarmOfCause). */
const WENT_INTO_ALARM = 'went into ALARM';

/** `CloudWatch alarm web-5xx went into ALARM` when an alarm failed deployment `id`; undefined otherwise. */
export function alarmFailure(service: Service, id: string, reason: string | undefined): string | undefined {
  const byEvent = (service.events ?? []).some((e) => {
    const m = e.message ?? '';
    return m.includes(`(deployment ${id})`) && /deployment failed: alarm/i.test(m);
  });
  if (!byEvent && !(reason !== undefined && /\balarm/i.test(reason))) return undefined;
  return `${whichAlarms(service.deploymentConfiguration?.alarms?.alarmNames ?? [], reason ?? '')} ${WENT_INTO_ALARM}`;
}

function whichAlarms(configured: readonly string[], reason: string): string {
  const named = configured.filter((name) => mentions(reason, name));
  if (named.length === 1) return `CloudWatch alarm ${named[0] ?? ''}`;
  if (named.length > 1) return `CloudWatch alarms ${named.join(', ')}`;
  if (configured.length === 1) return `CloudWatch alarm ${configured[0] ?? ''}`;
  if (configured.length > 1) return `one of the CloudWatch alarms ${configured.join(', ')}`;
  return 'a CloudWatch alarm of the deployment';
}

/** `reason` names the alarm `name` as a whole (not as a part of a longer name). */
function mentions(reason: string, name: string): boolean {
  if (name === '') return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s,:;'"(\\[])${escaped}($|[\\s,.:;'")\\]])`).test(reason);
}

/** The alarm a cause written with alarmFailure names (`CloudWatch alarm web-5xx`), for the report's few words. */
export function alarmOfCause(cause: string): string | undefined {
  const match = /((?:one of the |a )?CloudWatch alarms? .*?) went into ALARM/.exec(cause.split('\n')[0] ?? '');
  return match?.[1];
}
