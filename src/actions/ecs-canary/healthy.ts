/**
 * C1: after steady state, the canary's tasks must be `healthy` targets in every target group it joined (the base
 * service's). A target that turns unhealthy ends the wait at once: the canary fails its health checks.
 */
import { describeTargetReport, serviceTargets, targetGroupName, waitForHealthyTargets } from '../../core/elb/index.js';
import type { Deadline } from '../../core/time.js';
import type { CanaryDeps } from './deps.js';
import type { TargetGroupBinding } from './share.js';

/** Undefined when every target group has the canary's tasks healthy; otherwise why not. */
export async function waitForCanaryTargets(
  deps: CanaryDeps,
  where: { cluster: string; canaryName: string },
  bindings: readonly TargetGroupBinding[],
  wait: { count: number; deadline: Deadline; signal?: AbortSignal | undefined },
): Promise<string | undefined> {
  for (const b of bindings) {
    const name = targetGroupName(b.targetGroupArn);
    const end = await deps.log.group(`Wait for the canary's targets to be healthy in target group ${name}`, () =>
      waitForHealthyTargets(
        deps,
        {
          targetGroupArn: b.targetGroupArn,
          targets: serviceTargets(deps.ecs, { ...b, cluster: where.cluster, service: where.canaryName }),
          minimum: wait.count,
          failOnUnhealthy: true,
          onChange: (r) => deps.log.info(`Target ${describeTargetReport(r)}`),
        },
        { deadline: wait.deadline, signal: wait.signal },
      ),
    );
    const bad = end.targets.find((t) => t.state !== 'healthy');
    switch (end.kind) {
      case 'healthy':
        continue;
      case 'unhealthy':
        return `canary target ${bad !== undefined ? describeTargetReport(bad) : 'unhealthy'} in target group ${name}: the canary fails the load balancer's health checks`;
      case 'timeout':
        return `timed out waiting for the canary's targets to be healthy in target group ${name}${bad !== undefined ? ` (${describeTargetReport(bad)})` : ''}`;
      case 'cancelled':
        return `the workflow was cancelled while waiting for the canary's targets to be healthy in target group ${name}`;
    }
  }
  return undefined;
}
