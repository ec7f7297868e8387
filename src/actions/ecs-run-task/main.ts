/**
 * ecs-run-task (docs/contract.md, T1–T5): one-off tasks with real exit codes and live logs. Orchestration only:
 *   S3  read and check every input and manifest before any AWS call
 *   T1  register the task definition (or take the registered revision), then RunTask, 10 tasks per call
 *   T2  RunTask failures[] fail the step (after stopping what did start)
 *   T3  wait until STOPPED (exit codes decide) or RUNNING, or not at all
 *   T4  stream the awslogs lines while waiting
 *   T5  outputs taskArns, exitCodes, taskDefinitionArn, clusterArn, and the job summary
 *   S10 cancelled or timed out: stop the tasks this run started, then fail
 *   S13 dry-run: print the task definition diff and the RunTask request, change nothing (dry-run.ts)
 */
import { finishAction, readInputs } from '../../core/action/index.js';
import { createAwsClients } from '../../core/aws/clients.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { Deadline } from '../../core/time.js';
import { dryRun } from './dry-run.js';
import { readOptions } from './inputs.js';
import type { RunTaskOptions } from './inputs.js';
import { succeeded } from './outcome.js';
import type { RunOutcome } from './outcome.js';
import { startTasks, waitForRun } from './phases.js';
import type { RunContext } from './phases.js';
import { runTaskReport } from './report.js';
import { resolveTaskDefinition } from './task-definition.js';
import type { ResolvedTaskDefinition } from './task-definition.js';

export async function main(rt: ActionRuntime): Promise<void> {
  const options = await readInputs(rt, readOptions, logPlan);
  const ctx = createContext(rt, options);
  if (options.dryRun) return dryRun(rt, ctx.deps.ecs, options);

  const td = await rt.log.group('Task definition', () => resolveTaskDefinition(ctx.deps, options));
  if (rt.cancel.aborted) throw rt.cancel.reason;

  const started = await rt.log.group(`Run ${options.count} task(s) in cluster ${options.cluster}`, () =>
    startTasks(ctx, options, td),
  );
  if (started.outcome !== undefined) return finish(rt, options, td, started.outcome);

  if (options.wait === 'none') {
    const headline = `${started.tasks.length} task(s) started; not waited for (wait: none)`;
    return finish(rt, options, td, succeeded(headline, started.tasks));
  }
  const goal = options.wait === 'running' ? 'RUNNING' : 'STOPPED';
  const outcome = await rt.log.group(`Wait for ${started.tasks.length} task(s) to be ${goal}`, () =>
    waitForRun(ctx, options, td, started.tasks),
  );
  return finish(rt, options, td, outcome);
}

function createContext(rt: ActionRuntime, options: RunTaskOptions): RunContext {
  const clientOptions = { region: options.region, maxAttempts: options.maxAttempts, env: rt.env, clock: rt.clock, sleep: rt.sleep };
  const aws = createAwsClients(clientOptions);
  return {
    rt,
    deps: { ecs: aws.ecs, logs: aws.logs, clock: rt.clock, sleep: rt.sleep, log: rt.log, signal: rt.cancel, reads: aws.reads },
    deadline: new Deadline(rt.clock, options.timeoutMinutes * 60_000),
    logsClientForRegion: (region) => createAwsClients({ ...clientOptions, region, regionSource: 'awslogs-region' }).logs,
  };
}

/** Outputs and summary from the outcome; a failed outcome fails the step with its explanation. */
async function finish(
  rt: ActionRuntime,
  options: RunTaskOptions,
  td: ResolvedTaskDefinition,
  outcome: RunOutcome,
): Promise<void> {
  await finishAction(rt, () => runTaskReport(options, td, outcome));
}

function logPlan(rt: ActionRuntime, o: RunTaskOptions): void {
  const source = o.taskDefinition;
  const td = source.kind === 'file' ? `register ${source.path}` : `${source.ref} (${source.input})`;
  const launch =
    o.request.launchType ??
    (o.request.capacityProviderStrategy?.map((s) => s.capacityProvider).join('+') || 'cluster default');
  rt.log.info(`Cluster: ${o.cluster}`);
  rt.log.info(`Task definition: ${td}`);
  rt.log.info(`Tasks: ${o.count}, launch: ${launch}, wait: ${o.wait}, timeout: ${o.timeoutMinutes} min${o.dryRun ? ', dry run' : ''}`);
}
