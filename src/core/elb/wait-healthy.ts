/**
 * Waiting until a service's tasks are `healthy` targets of a target group (C1, B4), with the one polling primitive
 * (deadline, read budget, back-off, abort signal). Each round is one DescribeTargetHealth; the expected targets
 * (a service's tasks) are read again on the first round and whenever one of them is not registered, draining,
 * unhealthy or unknown, since ECS may have replaced a task.
 */
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsCallOptions } from '../aws/call-options.js';
import { poll } from '../poll/index.js';
import type { PollDeps, PollOptions, PollRound } from '../poll/index.js';
import { describeTargetHealth, matchTargets } from './target-health.js';
import type { ExpectedTarget, TargetReport } from './target-health.js';

export interface HealthyTargetsRequest {
  targetGroupArn: string;
  /** Reads the targets to wait for (e.g. serviceTargets(...)); its calls count against the read budget. */
  targets: (call: AwsCallOptions) => Promise<ExpectedTarget[]>;
  /** Done only once at least this many targets are expected and healthy (e.g. the desired count); default 1. */
  minimum?: number | undefined;
  /** End as soon as a target is `unhealthy` (or `unhealthy.draining`), e.g. in a bake, instead of waiting for ECS to
   * replace its task. */
  failOnUnhealthy?: boolean | undefined;
  /** Told of each target whose state or reason changed since the last round (and of each new one). */
  onChange?: ((report: TargetReport) => void) | undefined;
}

export interface HealthyTargetsDeps extends PollDeps {
  elb: ElasticLoadBalancingV2Client;
}

export type HealthyTargetsOptions = PollOptions & Pick<AwsCallOptions, 'onCall'>;

export type HealthyTargetsEnd =
  | { kind: 'healthy'; targets: TargetReport[]; rounds: number }
  | { kind: 'unhealthy'; targets: TargetReport[]; rounds: number }
  | { kind: 'timeout'; targets: TargetReport[]; rounds: number; lastError: unknown }
  | { kind: 'cancelled'; targets: TargetReport[]; rounds: number };

const SETTLED = new Set(['healthy', 'initial']);
const UNHEALTHY = new Set(['unhealthy', 'unhealthy.draining']);

export async function waitForHealthyTargets(
  deps: HealthyTargetsDeps,
  request: HealthyTargetsRequest,
  options: HealthyTargetsOptions,
): Promise<HealthyTargetsEnd> {
  const minimum = Math.max(1, request.minimum ?? 1);
  let expected: ExpectedTarget[] | undefined;
  let reports: TargetReport[] = [];
  const seen = new Map<string, string>();

  const round = async (r: PollRound): Promise<'healthy' | 'unhealthy' | undefined> => {
    const call = { signal: r.signal, onCall: options.onCall };
    const health = await describeTargetHealth(deps.elb, request.targetGroupArn, call); // the round's own read
    if (expected === undefined || reports.some((t) => !SETTLED.has(t.state)) || reports.length < minimum) {
      const onCall = (op: string): void => {
        r.read(op);
        options.onCall?.(op);
      };
      expected = await request.targets({ signal: r.signal, onCall });
    }
    reports = matchTargets(expected, health);
    for (const report of reports) notifyChange(report, seen, request.onChange);
    if (request.failOnUnhealthy === true && reports.some((t) => UNHEALTHY.has(t.state))) return 'unhealthy';
    if (reports.length >= minimum && reports.every((t) => t.state === 'healthy')) return 'healthy';
    // Issue 17: every target registered and passing its first checks: healthy any moment; otherwise tasks still start.
    r.pace(reports.length >= minimum && reports.every((t) => SETTLED.has(t.state)) ? { kind: 'near' } : { kind: 'idle' });
    return undefined;
  };

  const end = await poll(deps, options, round);
  switch (end.kind) {
    case 'done':
      return { kind: end.value, targets: reports, rounds: end.rounds };
    case 'timeout':
      return { kind: 'timeout', targets: reports, rounds: end.rounds, lastError: end.lastError };
    case 'cancelled':
      return { kind: 'cancelled', targets: reports, rounds: end.rounds };
  }
}

function notifyChange(report: TargetReport, seen: Map<string, string>, onChange: HealthyTargetsRequest['onChange']): void {
  const key = report.expected.taskArn ?? `${report.expected.id ?? '?'}:${report.expected.port}`;
  const now = `${report.state}|${report.reason ?? ''}`;
  if (seen.get(key) === now) return;
  seen.set(key, now);
  onChange?.(report);
}
