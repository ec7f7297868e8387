/**
 * S13 `dry-run: true`: what a run would register and start, printed to the log and the job summary, with nothing
 * changed. The options were validated exactly as for a real run (readOptions, S3). Then, only reads:
 *   - a task definition file: DescribeTaskDefinition of its family (the latest ACTIVE revision) and the normalised
 *     diff of the file against it;
 *   - a registered revision (task-definition-arn, or taskDefinition in the request): DescribeTaskDefinition, and
 *     the same checks against the run as a real run makes (containers, network mode, INACTIVE refused).
 * Last, the RunTask request that would be sent, as YAML, with the count split into calls of at most 10.
 * Never RegisterTaskDefinition, RunTask, StopTask or any other mutating call.
 */
import type { ECSClient, RunTaskCommandInput } from '@aws-sdk/client-ecs';
import { stringify } from 'yaml';
import { hideSensitiveEnvironment } from '../../core/io/sensitive.js';
import { diffDeployment } from '../../core/deploy/index.js';
import type { Logger } from '../../core/io/logger.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { SummaryBuilder } from '../../core/io/summary.js';
import { describeLatestRevision } from '../../core/ecs/task-definitions.js';
import { RUN_TASK_MAX_COUNT } from '../../core/tasks/index.js';
import type { RunTaskOptions } from './options.js';
import { resolveTaskDefinition } from './task-definition.js';

/** What the dry run found out about the task definition. */
export interface TaskDefinitionPlan {
  /** Sentences for the log and the summary. */
  notes: string[];
  /** The normalised diff (task definition file only). */
  diff: string | undefined;
  /** The live revision that would run (given, or identical to the file); '' when a registration is needed. */
  taskDefinitionArn: string;
  /** `taskDefinition` of the RunTask request that would be sent. */
  runReference: string;
}

export async function dryRun(rt: ActionRuntime, ecs: ECSClient, options: RunTaskOptions): Promise<void> {
  const { log } = rt;
  await log.group('Dry run: what would be registered and run (nothing is changed)', async () => {
    const plan = await planTaskDefinition({ ecs, log }, options);
    for (const note of plan.notes) log.info(note);
    if (plan.diff !== undefined) log.info(plan.diff);
    const counts = splitCount(options.count);
    const calls = callsSentence(counts);
    const requestYaml = stringify(printable(runTaskRequest(options, plan.runReference, counts[0] ?? options.count)));
    const launch = launchSentence(options);
    log.info(`${calls}; ${launch}. The request (YAML):`);
    log.info(requestYaml.trimEnd());

    rt.outputs.set('taskDefinitionArn', plan.taskDefinitionArn);
    rt.outputs.set('taskArns', []);
    rt.outputs.set('exitCodes', {});
    const s = new SummaryBuilder()
      .heading(`ecs-run-task: dry run of ${options.count} task(s) in cluster ${options.cluster} (nothing registered or started)`)
      .raw(plan.notes.map((n) => `- ${n}`).join('\n'));
    if (plan.diff !== undefined) s.heading('Task definition', 3).codeBlock(plan.diff, 'diff');
    s.heading('RunTask request', 3).paragraph(`${calls}; ${launch}.`).codeBlock(requestYaml, 'yaml');
    s.heading('Outputs', 3).keyValueTable(rt.outputs.entries());
    await rt.summary.append(s.toString());
  });
}

export async function planTaskDefinition(
  deps: { ecs: ECSClient; log: Logger },
  options: RunTaskOptions,
): Promise<TaskDefinitionPlan> {
  const source = options.taskDefinition;
  if (source.kind === 'registered') {
    // Reads only (DescribeTaskDefinition), with the checks a real run makes before RunTask.
    const resolved = await resolveTaskDefinition(deps, options);
    return {
      notes: [`Would run the registered task definition ${resolved.label} (${resolved.arn}), from input ${source.input}; nothing would be registered.`],
      diff: undefined,
      taskDefinitionArn: resolved.arn,
      runReference: resolved.arn,
    };
  }
  const family = source.definition.family;
  // The manifest check requires `family` (RegisterTaskDefinition does), so this only guards the type.
  if (family === undefined) throw new Error(`BUG: ${source.path} has no family after the manifest check`);
  const live = await describeLatestRevision(deps.ecs, family);
  const diff = diffDeployment({ taskDefinition: live }, { taskDefinition: source.definition });
  const runReference = `<the new revision of ${family}, registered from ${source.path}>`;
  if (live === undefined) {
    return {
      notes: [
        `Family ${family} has no ACTIVE revision: would register revision 1 of ${family} from ${source.path} ` +
          '(a later number if earlier revisions of the family were deregistered).',
      ],
      diff: diff.text,
      taskDefinitionArn: '',
      runReference,
    };
  }
  const liveLabel = `${family}:${live.revision ?? '?'}`;
  if (diff.taskDefinitionChanged) {
    return {
      notes: [`Would register a new revision of ${family} from ${source.path}: it differs from ${liveLabel}, the latest ACTIVE revision, as shown below.`],
      diff: diff.text,
      taskDefinitionArn: '',
      runReference,
    };
  }
  return {
    notes: [
      `${source.path} matches ${liveLabel}, the latest ACTIVE revision (${live.taskDefinitionArn ?? '?'}): no new content. ` +
        'A real run still registers the file as a new revision with this same content (RegisterTaskDefinition always ' +
        'adds a revision) and runs that one.',
    ],
    diff: diff.text,
    taskDefinitionArn: live.taskDefinitionArn ?? '',
    runReference,
  };
}

/** The counts of the RunTask calls a real run makes: 25 → [10, 10, 5]. */
export function splitCount(count: number): number[] {
  const counts: number[] = [];
  for (let left = count; left > 0; left -= RUN_TASK_MAX_COUNT) counts.push(Math.min(RUN_TASK_MAX_COUNT, left));
  return counts;
}

/** The request of the first RunTask call; later calls differ only in count (and clientToken). */
export function runTaskRequest(options: RunTaskOptions, taskDefinition: string, count: number): RunTaskCommandInput {
  return { cluster: options.cluster, taskDefinition, count, ...options.request };
}

/** S11: the request preview shows sensitive environment overrides as fingerprints, never their values. */
function printable(request: RunTaskCommandInput): RunTaskCommandInput {
  const overrides = request.overrides?.containerOverrides;
  if (overrides === undefined) return request;
  const containerOverrides = overrides.map((o) =>
    o.environment === undefined ? o : { ...o, environment: hideSensitiveEnvironment(o.environment) },
  );
  return { ...request, overrides: { ...request.overrides, containerOverrides } };
}

function callsSentence(counts: readonly number[]): string {
  if (counts.length === 1) return `RunTask would be called once, with count ${counts[0] ?? 1}`;
  const last = counts[counts.length - 1] ?? RUN_TASK_MAX_COUNT;
  const full = last === RUN_TASK_MAX_COUNT ? counts.length : counts.length - 1;
  const split =
    counts.length <= 5
      ? `count ${counts.join(', ')}`
      : `${full} with count ${RUN_TASK_MAX_COUNT}${full === counts.length ? '' : `, then 1 with count ${last}`}`;
  return `RunTask would be called ${counts.length} times (${split}), each with its own clientToken`;
}

function launchSentence(options: RunTaskOptions): string {
  const { launchType, capacityProviderStrategy } = options.request;
  if (launchType !== undefined) return `launch type ${launchType}`;
  const providers = (capacityProviderStrategy ?? []).map((s) => s.capacityProvider ?? '?');
  if (providers.length > 0) return `capacity providers ${providers.join(', ')}`;
  return `neither a launch type nor a capacity provider strategy, so the default capacity provider strategy of cluster ${options.cluster} applies`;
}
