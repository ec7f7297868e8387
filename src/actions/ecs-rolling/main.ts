/**
 * ecs-rolling (docs/contract.md, R1–R8). Orchestration only:
 *   S3      read and check every input and manifest before any AWS call (inputs.ts)
 *   S13     dry-run: print the diff against what is live, change nothing (dry-run.ts)
 *   R7      mode rollback: choose the revision (and say why), then deploy it like any rolling update; a native
 *           deployment in progress is stopped and its rollback followed instead (N4)
 *   N3      mode continue: answer the PAUSE hook of the native deployment in progress, follow it to its end
 *   N1–N5   mode deploy of a BLUE_GREEN / LINEAR / CANARY service follows ECS's service deployment (to wait-until)
 *   R1–R6   mode deploy: snapshot → register → create or update → wait → auto scaling, rollback on failure
 *   R8, S5  outputs and job summary from the Outcome (report.ts, written by finishAction); a failure fails the
 *           step with its cause first
 * With github-token, the run is recorded as a GitHub deployment (in_progress → success / failure).
 */
import {
  finishAction,
  imagesOf,
  readAfterFacts,
  readInputs,
  recordErrors,
  rollingDepsOf,
  startActionRecord,
  type ActionReport,
  type DeploymentRecord,
} from '../../core/action/index.js';
import { createAwsClients } from '../../core/aws/clients.js';
import { continueService, deployService, rollbackService, type Outcome, type RollbackTarget, type RollingDeps, type RollingPlan } from '../../core/deploy/index.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { Deadline } from '../../core/time.js';
import { dryRun } from './dry-run.js';
import { readOptions } from './inputs.js';
import type { DeployOptions, RollingOptions } from './options.js';
import { rollingReport } from './report.js';

export async function main(rt: ActionRuntime): Promise<void> {
  const options = await readInputs(rt, readOptions, logPlan);
  const aws = createAwsClients({ region: options.region, maxAttempts: options.maxAttempts, env: rt.env, clock: rt.clock, sleep: rt.sleep });
  if (options.dryRun) {
    if (options.mode !== 'continue') return dryRun(rt, { ecs: aws.ecs, autoscaling: aws.autoscaling }, options);
    rt.log.info(`Dry run: mode continue would answer the PAUSE hook of service ${options.serviceName}'s deployment in progress with ${options.continueAction}; nothing was changed.`);
    return;
  }

  const deps: RollingDeps = rollingDepsOf(rt, aws);
  const deadline = new Deadline(rt.clock, options.timeoutMinutes * 60_000);
  const record = await startRecord(rt, options);
  const result = await recordErrors(record, async (): Promise<Outcome & { target?: RollbackTarget }> => run(deps, options, deadline));
  await finishAction(rt, () => report(rt, options, result, aws.ecs), record);
}

async function run(deps: RollingDeps, options: RollingOptions, deadline: Deadline): Promise<Outcome & { target?: RollbackTarget }> {
  switch (options.mode) {
    case 'rollback':
      return rollbackService(deps, {
        cluster: options.cluster,
        service: options.serviceName,
        taskDefinitionArn: options.taskDefinitionArn,
        deadline,
        waitForSteadyState: options.waitForSteadyState,
        rollbackOnFailure: options.rollbackOnFailure,
      });
    case 'continue':
      return continueService(deps, {
        cluster: options.cluster,
        service: options.serviceName,
        hookId: options.hookId,
        action: options.continueAction,
        deadline,
        rollbackOnFailure: options.rollbackOnFailure,
        waitUntil: options.waitUntil,
      });
    default:
      return deployService(deps, rollingPlan(options, deadline));
  }
}

function rollingPlan(o: DeployOptions, deadline: Deadline): RollingPlan {
  return {
    cluster: o.cluster,
    serviceName: o.serviceName,
    taskDefinition: o.taskDefinition,
    serviceDefinition: o.serviceDefinition,
    desiredCount: o.desiredCount,
    sameAsRunning: o.sameAsRunning,
    // R5: deploying a registered revision (often the one running) must start new tasks.
    forceNewDeployment: o.forceNewDeployment || o.taskDefinition.kind === 'registered',
    suspendAutoScalingDuringUpdate: true,
    scalableTargets: o.scalableTargets,
    scalingPolicies: o.scalingPolicies,
    autoScalingSources: o.autoScalingSources,
    waitForSteadyState: o.waitForSteadyState,
    rollbackOnFailure: o.rollbackOnFailure,
    waitUntil: o.waitUntil,
    deadline,
  };
}

/** The service and task definitions as they are after the run (best effort), then the report from the outcome. */
async function report(
  rt: ActionRuntime,
  options: RollingOptions,
  outcome: Outcome & { target?: RollbackTarget },
  ecs: RollingDeps['ecs'],
): Promise<ActionReport> {
  const facts = await readAfterFacts(
    ecs,
    rt.log,
    { cluster: options.cluster, serviceName: options.serviceName },
    { previous: outcome.previousTaskDefinitionArn, deployed: outcome.taskDefinitionArn },
    rt.hardCancel,
    {
      deployedImages:
        options.mode === 'deploy' && options.taskDefinition.kind === 'file' ? imagesOf(options.taskDefinition.definition) : undefined,
      previousImages: imagesOf(outcome.previousTaskDefinition),
      service: outcome.steadyService,
    },
  );
  return rollingReport({ options, outcome, facts, target: outcome.target });
}

async function startRecord(rt: ActionRuntime, options: RollingOptions): Promise<DeploymentRecord | undefined> {
  const what =
    options.mode === 'rollback'
      ? `rollback to ${options.taskDefinitionArn ?? 'the previous successful deployment'}`
      : options.mode === 'continue'
        ? `${options.continueAction} of the deployment in progress`
        : options.taskDefinition.kind === 'file'
        ? options.taskDefinition.path
        : options.taskDefinition.ref;
  return startActionRecord(rt, options.github, {
    description: `ecs-rolling: ${what} to ${options.serviceName}`,
    payload: { cluster: options.cluster, service: options.serviceName, mode: options.mode, taskDefinition: what },
  });
}

function logPlan(rt: ActionRuntime, o: RollingOptions): void {
  rt.log.info(`Service: ${o.serviceName} in cluster ${o.cluster}`);
  if (o.mode === 'rollback') {
    rt.log.info(`Mode: rollback to ${o.taskDefinitionArn ?? 'the previous successful deployment (chosen from the deployment history)'}`);
  } else if (o.mode === 'continue') {
    rt.log.info(`Mode: continue the deployment in progress: ${o.continueAction} ${o.hookId !== undefined ? `lifecycle hook ${o.hookId}` : 'the PAUSE hook that awaits action'}`);
  } else {
    const td = o.taskDefinition.kind === 'file' ? `register ${o.taskDefinition.path}` : `${o.taskDefinition.ref} (task-definition-arn)`;
    const count = o.sameAsRunning ? 'the live one (same-as-running)' : (o.desiredCount ?? o.serviceDefinition?.desiredCount ?? 'unchanged');
    rt.log.info(`Task definition: ${td}`);
    rt.log.info(`Desired count: ${count}`);
    const autoScaling = o.scalableTargets.length + o.scalingPolicies.length;
    if (autoScaling > 0) rt.log.info(`Auto scaling: ${o.scalableTargets.length} scalable target(s), ${o.scalingPolicies.length} scaling policy(ies)`);
  }
  if (o.waitUntil.kind === 'stage') rt.log.info(`Wait until: lifecycle stage ${o.waitUntil.stage} of ECS's deployment`);
  rt.log.info(
    `Wait for steady state: ${String(o.waitForSteadyState)}, timeout ${o.timeoutMinutes} min, rollback on failure: ` +
      `${String(o.rollbackOnFailure)}${o.dryRun ? ', dry run' : ''}`,
  );
}
