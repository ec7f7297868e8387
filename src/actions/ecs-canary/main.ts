/**
 * ecs-canary (docs/contract.md, C1–C3). Orchestration only:
 *   S3      read and check every input and manifest before any AWS call (inputs.ts); then, still before any change,
 *           the reads that check the base service, the canary's size and the alarms (prepare.ts)
 *   S13     dry-run: print the canary that would be created (or deleted), change nothing (dry-run.ts)
 *   C1      mode deploy: task definition → canary created (an earlier one replaced) → steady state → healthy
 *           targets → traffic share → bake; any failure or cancel deletes the canary it created (deploy.ts)
 *   C2      mode delete: delete the canary (force) and wait INACTIVE (cleanup.ts)
 *   S5      outputs and job summary (report.ts, written by finishAction); a failure fails the step with its cause first
 * With github-token, the run is recorded as a GitHub deployment (in_progress → success / failure).
 */
import { finishAction, readInputs, recordErrors, runDepsOf, startActionRecord, type DeploymentRecord } from '../../core/action/index.js';
import { createAwsClients, type AwsClients } from '../../core/aws/clients.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { Deadline } from '../../core/time.js';
import { deleteCanary } from './cleanup.js';
import { deployCanary } from './deploy.js';
import type { CanaryDeps } from './deps.js';
import { dryRunDelete, dryRunDeploy } from './dry-run.js';
import { readOptions } from './inputs.js';
import type { CanaryOptions, DeleteOptions, DeployOptions } from './options.js';
import { prepareCanary } from './prepare.js';
import { deleteReport, deployReport } from './report.js';

export async function main(rt: ActionRuntime): Promise<void> {
  const options = await readInputs(rt, readOptions, logPlan);
  const aws = createAwsClients({ region: options.region, maxAttempts: options.maxAttempts, env: rt.env, clock: rt.clock, sleep: rt.sleep });
  const deadline = new Deadline(rt.clock, options.timeoutMinutes * 60_000);
  const deps: CanaryDeps = { ...runDepsOf(rt, aws), ecs: aws.ecs, elb: aws.elb, cloudwatch: aws.cloudwatch };
  if (options.mode === 'delete') return runDelete(rt, deps, options, deadline);
  return runDeploy(rt, deps, aws, options, deadline);
}

async function runDeploy(rt: ActionRuntime, deps: CanaryDeps, aws: AwsClients, o: DeployOptions, deadline: Deadline): Promise<void> {
  const plan = await rt.log.group(`Prepare the canary service ${o.canaryName}`, () => prepareCanary(aws, o, rt.log, rt.cancel));
  if (o.dryRun) return dryRunDeploy(rt, deps, o, plan);
  const record = await startRecord(rt, o);
  const outcome = await recordErrors(record, () => deployCanary(deps, o, plan, deadline));
  await finishAction(rt, () => deployReport(o, plan, outcome), record);
}

async function runDelete(rt: ActionRuntime, deps: CanaryDeps, o: DeleteOptions, deadline: Deadline): Promise<void> {
  if (o.dryRun) return dryRunDelete(rt, deps, o);
  const record = await startRecord(rt, o);
  const startedAt = rt.clock.now();
  const deletion = await recordErrors(record, () =>
    rt.log.group(`Delete the canary service ${o.canaryName}`, () => deleteCanary(deps, { cluster: o.cluster, name: o.canaryName, deadline, signal: rt.cancel })),
  );
  await finishAction(rt, () => deleteReport(o, deletion, rt.clock.now() - startedAt), record);
}

async function startRecord(rt: ActionRuntime, o: CanaryOptions): Promise<DeploymentRecord | undefined> {
  const what = o.mode === 'delete' ? 'delete' : o.taskDefinition.kind === 'file' ? o.taskDefinition.path : o.taskDefinition.ref;
  return startActionRecord(rt, o.github, {
    description: `ecs-canary: ${o.mode === 'delete' ? `delete ${o.canaryName}` : `${what} to ${o.canaryName}`}`,
    payload: { cluster: o.cluster, service: o.serviceName, canary: o.canaryName, mode: o.mode, taskDefinition: what },
  });
}

function logPlan(rt: ActionRuntime, o: CanaryOptions): void {
  rt.log.info(`Base service: ${o.serviceName} in cluster ${o.cluster}; canary service: ${o.canaryName}`);
  if (o.mode === 'delete') {
    rt.log.info(`Mode: delete the canary service, timeout ${o.timeoutMinutes} min${o.dryRun ? ', dry run' : ''}`);
    return;
  }
  const td = o.taskDefinition.kind === 'file' ? `register ${o.taskDefinition.path}` : `${o.taskDefinition.ref} (task-definition-arn)`;
  const size = o.size.kind === 'count' ? `${o.size.count} (canary-count)` : `${o.size.percent} % of the base service's running tasks (canary-percent)`;
  rt.log.info(`Task definition: ${td}`);
  rt.log.info(`Canary tasks: ${size}; created from ${o.serviceDefinition !== undefined ? 'the service definition' : `the live service ${o.serviceName}`}`);
  rt.log.info(`Bake: ${o.bakeSeconds > 0 ? `${o.bakeSeconds} s` : 'none'}${o.alarms.length > 0 ? `, alarms: ${o.alarms.join(', ')}` : ''}`);
  if (o.alarms.length > 0 && o.bakeSeconds === 0) rt.log.warning('alarms are watched only during the bake, and bake-seconds is 0: set bake-seconds to watch them');
  rt.log.info(
    `Wait for steady state: ${String(o.waitForSteadyState)}, timeout ${o.timeoutMinutes} min, delete on failure: ${String(o.deleteOnFailure)}${o.dryRun ? ', dry run' : ''}`,
  );
}
