/**
 * register-delegate (docs/contract.md, D1–D5). Orchestration only:
 *   S3, D1, D2  read and check every input, build the delegate's task definition and service (inputs.ts)
 *   D3          compare them with what is live, normalised as the dry run does (plan.ts); S13 dry-run stops here
 *   D3          nothing changed: no call that changes anything, "delegate is up to date"
 *   D3, D4      otherwise create the service or roll it with the shared rolling deployment (src/core/deploy:
 *               truthful wait, events, rollback on failure); only the replicas changed: the desired count alone
 *   D4, S5      outputs and job summary (report.ts) — never the token
 */
import { finishAction, imagesOf, readAfterFacts, readInputs, rollingDepsOf } from '../../core/action/index.js';
import { createAwsClients } from '../../core/aws/clients.js';
import { deployService, type Outcome, type RollingDeps, type RollingPlan } from '../../core/deploy/index.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { Deadline } from '../../core/time.js';
import { readOptions } from './inputs.js';
import type { DelegateOptions } from './options.js';
import { capacityWarning, describeChange, planChange, readLive, type DelegateChange } from './plan.js';
import { delegateReport, dryRunReport, upToDateReport } from './report.js';

export async function main(rt: ActionRuntime): Promise<void> {
  const options = await readInputs(rt, readOptions, logPlan);
  const aws = createAwsClients({ region: options.region, maxAttempts: options.maxAttempts, env: rt.env, clock: rt.clock, sleep: rt.sleep });
  const change = await rt.log.group(`Compare with service ${options.serviceName} in cluster ${options.cluster}`, async () => {
    const c = planChange(options, await readLive(aws.ecs, options));
    rt.log.info(`To do: ${describeChange(c, options)}.`);
    const warning = await capacityWarning(aws.ecs, options, c);
    if (warning !== undefined) rt.log.warning(warning);
    return c;
  });
  if (options.dryRun) {
    rt.log.info(change.diff.text);
    await finishAction(rt, () => dryRunReport(options, change));
    return;
  }
  if (change.kind === 'none') {
    rt.log.info(`The delegate is up to date: service ${options.serviceName} runs the wanted task definition with ${options.replicas} replica(s).`);
    await finishAction(rt, () => upToDateReport(options, change));
    return;
  }
  const deps = rollingDepsOf(rt, aws);
  const deadline = new Deadline(rt.clock, options.timeoutMinutes * 60_000);
  const outcome = await deployService(deps, deployPlan(options, change, deadline), { service: change.described });
  await finishAction(rt, () => report(rt, options, change, outcome, aws.ecs));
}

/** The rolling deployment for each kind of change (D3). */
function deployPlan(o: DelegateOptions, change: DelegateChange, deadline: Deadline): RollingPlan {
  const liveArn = change.liveTaskDefinition?.taskDefinitionArn;
  const reuse = (change.kind === 'settings' || change.kind === 'replicas') && liveArn !== undefined;
  return {
    cluster: o.cluster,
    serviceName: o.serviceName,
    taskDefinition: reuse
      ? { kind: 'registered', ref: liveArn, input: 'task-definition' }
      : { kind: 'file', path: o.taskDefinitionSource, definition: o.taskDefinition },
    // Only the replicas changed: UpdateService with the desired count alone starts no deployment.
    serviceDefinition: change.kind === 'replicas' ? undefined : o.service,
    desiredCount: o.replicas,
    sameAsRunning: false,
    forceNewDeployment: false,
    suspendAutoScalingDuringUpdate: true,
    scalableTargets: [],
    scalingPolicies: [],
    waitForSteadyState: o.waitForSteadyState,
    rollbackOnFailure: true,
    deadline,
  };
}

async function report(
  rt: ActionRuntime,
  options: DelegateOptions,
  change: DelegateChange,
  outcome: Outcome,
  ecs: RollingDeps['ecs'],
): Promise<ReturnType<typeof delegateReport>> {
  const facts = await readAfterFacts(
    ecs,
    rt.log,
    { cluster: options.cluster, serviceName: options.serviceName },
    { previous: outcome.previousTaskDefinitionArn, deployed: outcome.taskDefinitionArn },
    rt.hardCancel,
    { deployedImages: options.image, previousImages: imagesOf(outcome.previousTaskDefinition), service: outcome.steadyService },
  );
  return delegateReport({ options, change, outcome, facts });
}

function logPlan(rt: ActionRuntime, o: DelegateOptions): void {
  rt.log.info(`Delegate: ${o.delegate.delegateName} (${o.image}), ${o.replicas} replica(s)`);
  rt.log.info(`Service: ${o.serviceName} in cluster ${o.cluster}, launch type ${o.launchType}, network mode ${o.networkMode}`);
  rt.log.info(`Task definition: ${o.taskDefinition.family ?? '-'} from ${o.taskDefinitionSource}`);
  rt.log.info(`Token: ${o.token.kind === 'secret' ? `from ${o.token.arn} (secrets valueFrom)` : 'plain input (masked; prefer delegate-token-secret-arn)'}`);
  rt.log.info(`Wait for steady state: ${String(o.waitForSteadyState)}, timeout ${o.timeoutMinutes} min${o.dryRun ? ', dry run' : ''}`);
}
