/**
 * N3, `mode: continue` (a later job): when the service's deployment in progress waits on a PAUSE hook
 * (AWAITING_ACTION), answer it with ContinueServiceDeployment — the hook found by itself, or the `hook-id` input —
 * with CONTINUE or ROLLBACK; then, paused or not, follow the deployment to its end (or to `wait-until`). A service
 * with no deployment in progress is a clear error; a service that does not run native deployments is refused.
 */
import type { DeploymentLifecycleHookAction } from '@aws-sdk/client-ecs';
import { continueServiceDeployment } from '../../ecs/service-deployments.js';
import { describeService } from '../../ecs/services.js';
import { ConfigurationError } from '../../errors.js';
import type { Deadline } from '../../time.js';
import type { Outcome } from '../outcome.js';
import type { RollingDeps } from '../rolling-plan.js';
import { chooseDeployStrategy } from '../strategy.js';
import { followToOutcome } from './follow-outcome.js';
import { deploymentInProgress, noDeploymentInProgress } from './in-progress.js';
import { hookLine, shortId } from './progress.js';
import type { WaitUntil } from './stages.js';
import { awaitingHook } from './verdict.js';

export interface ContinueRequest {
  cluster: string;
  service: string;
  /** The `hook-id` input; default: the PAUSE hook that awaits action. */
  hookId?: string | undefined;
  action: DeploymentLifecycleHookAction;
  deadline: Deadline;
  rollbackOnFailure: boolean;
  waitUntil?: WaitUntil | undefined;
  pollIntervalMs?: number | undefined;
}

export async function continueService(deps: RollingDeps, req: ContinueRequest): Promise<Outcome> {
  const live = await describeService(deps.ecs, req.cluster, req.service);
  if (live?.status !== 'ACTIVE') throw new Error(`service ${req.service} is not ACTIVE in cluster ${req.cluster}: there is no deployment to continue`);
  if (chooseDeployStrategy(req.service, live, undefined) !== 'native') {
    throw new ConfigurationError(
      `service ${req.service} does not run ECS BLUE_GREEN, LINEAR or CANARY deployments, so it has no lifecycle hook to continue; use mode deploy`,
      { input: 'mode' },
    );
  }
  const found = await deploymentInProgress(deps, req.cluster, req.service);
  if (found === undefined) throw noDeploymentInProgress(req.service, req.cluster, 'continue');
  const answered = await deps.log.group(`Continue service deployment ${shortId(found.serviceDeploymentArn)}`, async () => {
    deps.log.info(`Service deployment ${found.serviceDeploymentArn}: ${found.deployment.status ?? ''}, lifecycle stage ${found.deployment.lifecycleStage ?? 'unknown'}`);
    const hook = req.hookId !== undefined ? chosenHook(found.deployment, req.hookId) : awaitingHook(found.deployment);
    if (hook?.hookId === undefined) {
      deps.log.info('No PAUSE hook awaits action: following the deployment as it goes.');
      return undefined;
    }
    deps.log.info(`${hookLine(hook)}: ${req.action} (ContinueServiceDeployment)`);
    await continueServiceDeployment(deps.ecs, { serviceDeploymentArn: found.serviceDeploymentArn, hookId: hook.hookId, action: req.action });
    return hook.hookId;
  });
  return followToOutcome(deps, {
    cluster: req.cluster,
    service: req.service,
    live,
    deployment: found,
    deadline: req.deadline,
    rollbackOnFailure: req.rollbackOnFailure,
    expect: answered !== undefined && req.action === 'ROLLBACK' ? 'rollback' : 'forward',
    answeredHookIds: new Set(answered !== undefined ? [answered] : []),
    waitUntil: req.waitUntil,
    pollIntervalMs: req.pollIntervalMs,
  });
}

/** The `hook-id` input must name a hook of the deployment that awaits action. */
function chosenHook(deployment: Parameters<typeof awaitingHook>[0], hookId: string): ReturnType<typeof awaitingHook> {
  const hooks = deployment.lifecycleHookDetails ?? [];
  const hook = hooks.find((h) => h.hookId === hookId);
  if (hook?.status === 'AWAITING_ACTION') return hook;
  const known = hooks.map(hookLine).join('; ') || 'none';
  throw new ConfigurationError(
    `lifecycle hook ${hookId} ${hook === undefined ? 'is not a hook of' : `is ${hook.status ?? 'not awaiting action'} in`} service deployment ` +
      `${shortId(deployment.serviceDeploymentArn)}, so there is nothing to continue; its hooks: ${known}`,
    { input: 'hook-id' },
  );
}
