/**
 * Which of the targets we expect (a service's tasks, as ECS registers them) are registered in a target group, and
 * in what health: one DescribeTargetHealth call for the whole group, matched against the expected targets.
 */
import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ElasticLoadBalancingV2Client, TargetHealthDescription } from '@aws-sdk/client-elastic-load-balancing-v2';
import { httpOptions } from '../aws/call-options.js';
import type { AwsCallOptions } from '../aws/call-options.js';

/** A target ECS registers (or will register) for a task. */
export interface ExpectedTarget {
  /** The task it stands for, for messages. */
  taskArn?: string | undefined;
  /** The task's private IP (awsvpc) or EC2 instance id; undefined while unknown. */
  id?: string | undefined;
  /** The container port (awsvpc) or the host port the container port is bound to. */
  port: number;
  /**
   * For a task on an EC2 instance whose instance id is unknown: match a registered target by port alone, when
   * exactly one target has that port (a dynamic host port), never when several do.
   */
  byPortAlone?: boolean | undefined;
}

/** ELBv2's states, plus `not-registered` (no such target in the group yet) and `unknown` (we cannot tell which). */
export type TargetState = 'healthy' | 'initial' | 'unhealthy' | 'unused' | 'draining' | 'unavailable' | 'unhealthy.draining' | 'not-registered' | 'unknown';

export interface TargetReport {
  expected: ExpectedTarget;
  /** The registered target it matched (id and port), when one did. */
  id?: string | undefined;
  port?: number | undefined;
  state: TargetState;
  /** ELBv2's reason code, e.g. Target.FailedHealthChecks, Elb.InitialHealthChecking. */
  reason?: string | undefined;
  description?: string | undefined;
}

/** Every target registered in the group with its health (DescribeTargetHealth without a target list). */
export async function describeTargetHealth(
  elb: ElasticLoadBalancingV2Client,
  targetGroupArn: string,
  opts: AwsCallOptions = {},
): Promise<TargetHealthDescription[]> {
  opts.onCall?.('DescribeTargetHealth');
  const out = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }), httpOptions(opts));
  return out.TargetHealthDescriptions ?? [];
}

/** Matches each expected target to a registered one and reports its health. */
export function matchTargets(expected: readonly ExpectedTarget[], registered: readonly TargetHealthDescription[]): TargetReport[] {
  const known = new Set(expected.filter((e) => e.id !== undefined).map((e) => `${e.id}:${e.port}`));
  return expected.map((e) => {
    if (e.id === undefined && e.byPortAlone !== true) return { expected: e, state: 'unknown', description: 'the task has no address yet' };
    const candidates = registered.filter(
      (d) => d.Target?.Port === e.port && (e.id !== undefined ? d.Target.Id === e.id : !known.has(`${d.Target.Id ?? ''}:${e.port}`)),
    );
    const [found] = candidates;
    if (candidates.length > 1) {
      return { expected: e, state: 'unknown', description: `${candidates.length} targets use port ${e.port}; the task's instance id is needed to tell which` };
    }
    if (found === undefined) return { expected: e, state: 'not-registered' };
    const health = found.TargetHealth;
    return {
      expected: e,
      id: found.Target?.Id,
      port: found.Target?.Port,
      state: (health?.State ?? 'unknown') as TargetState,
      reason: health?.Reason,
      description: health?.Description,
    };
  });
}

/** `10.0.1.5:8080 (task 0123abcd) unhealthy: Target.FailedHealthChecks (Health checks failed)` */
export function describeTargetReport(report: TargetReport): string {
  const address = `${report.id ?? report.expected.id ?? '?'}:${report.port ?? report.expected.port}`;
  const task = report.expected.taskArn !== undefined ? ` (task ${report.expected.taskArn.split('/').pop() ?? ''})` : '';
  const why = [report.reason, report.description].filter((x) => x !== undefined && x !== '');
  const detail = why.length === 0 ? '' : why.length === 1 ? `: ${why[0] ?? ''}` : `: ${why[0] ?? ''} (${why[1] ?? ''})`;
  return `${address}${task} ${report.state}${detail}`;
}
