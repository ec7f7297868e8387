/**
 * The entry of every service deployment: describe the service once, choose how to deploy it from what ECS
 * reports (strategy.ts, N1), and run that deployment: ROLLING (R1–R8), ECS's own BLUE_GREEN / LINEAR / CANARY
 * (native/, N2–N4), DAEMON (daemon.ts, N5). The default case refuses loudly, so a new strategy can never fall
 * through to the rolling watcher by accident.
 */
import type { Service } from '@aws-sdk/client-ecs';
import { describeServiceAnyStatus } from '../ecs/services.js';
import type { Outcome } from './outcome.js';
import { deployRolling } from './rolling.js';
import type { RollingDeps, RollingPlan } from './rolling-plan.js';
import { throwIfAborted } from './rolling-steps.js';
import { chooseDeployStrategy } from './strategy.js';
import { daemonPlan } from './daemon.js';
import { checkNativeService } from './native/requirements.js';
import { checkWaitUntil } from './native/stages.js';

/** `known`: the service as the caller described it just before (any status; undefined: missing), not read again. */
export async function deployService(deps: RollingDeps, plan: RollingPlan, known?: { service: Service | undefined }): Promise<Outcome> {
  throwIfAborted(deps.signal, deps.log, 'before the deployment started; nothing was changed');
  const live = known !== undefined ? known.service : await describeServiceAnyStatus(deps.ecs, plan.cluster, plan.serviceName);
  const active = live?.status === 'ACTIVE' ? live : undefined;
  const strategy = chooseDeployStrategy(plan.serviceName, active, plan.serviceDefinition);
  checkWaitUntil(plan.waitUntil, strategy === 'native', plan.serviceName, strategy === 'daemon' ? 'as a DAEMON service' : 'with the ROLLING strategy');
  switch (strategy) {
    case 'rolling':
      return deployRolling(deps, plan, live);
    case 'native':
      checkNativeService(plan.serviceName, active, plan.serviceDefinition);
      return deployRolling(deps, plan, live, true);
    case 'daemon':
      return deployRolling(deps, daemonPlan(plan, deps.log), live);
    default:
      throw new Error(`BUG: no deployment for strategy ${String(strategy satisfies never)}`);
  }
}
