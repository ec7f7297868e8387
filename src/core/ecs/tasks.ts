import { DescribeTasksCommand, ListTasksCommand, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import type { DesiredStatus, ECSClient, Failure, RunTaskCommandInput, RunTaskCommandOutput, Task } from '@aws-sdk/client-ecs';
import { httpOptions } from '../aws/call-options.js';
import { EcsFailureError } from './failures.js';
import type { AwsCallOptions } from '../aws/call-options.js';

/** DescribeTasks accepts at most 100 task ARNs per call. */
export const DESCRIBE_TASKS_BATCH = 100;

export interface ListServiceTasksRequest {
  cluster: string;
  serviceName: string;
  /** Default RUNNING (as in ECS). STOPPED lists tasks stopped within about the last hour. */
  desiredStatus?: DesiredStatus;
  /** Stop after this many pages of 100 (bounds the read budget); default: all pages. */
  maxPages?: number;
}

/** ListTasks for one service, following nextToken (100 per page). */
export async function listServiceTaskArns(
  ecs: ECSClient,
  req: ListServiceTasksRequest,
  opts: AwsCallOptions = {},
): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    opts.onCall?.('ListTasks');
    const out = await ecs.send(
      new ListTasksCommand({
        cluster: req.cluster,
        serviceName: req.serviceName,
        ...(req.desiredStatus !== undefined ? { desiredStatus: req.desiredStatus } : {}),
        maxResults: 100,
        ...(nextToken !== undefined ? { nextToken } : {}),
      }),
      httpOptions(opts),
    );
    arns.push(...(out.taskArns ?? []));
    nextToken = out.nextToken;
    pages += 1;
  } while (nextToken !== undefined && nextToken !== '' && (req.maxPages === undefined || pages < req.maxPages));
  return arns;
}

export interface DescribedTasks {
  tasks: Task[];
  /** ARNs ECS reported MISSING (e.g. stopped long ago and forgotten). */
  missing: string[];
}

/**
 * DescribeTasks in batches of at most 100 ARNs. MISSING failures are returned in `missing`; any other failure
 * throws EcsFailureError.
 */
export async function describeTasks(
  ecs: ECSClient,
  cluster: string,
  taskArns: readonly string[],
  opts: AwsCallOptions = {},
): Promise<DescribedTasks> {
  const result: DescribedTasks = { tasks: [], missing: [] };
  for (let i = 0; i < taskArns.length; i += DESCRIBE_TASKS_BATCH) {
    const out = await describeTaskBatch(ecs, cluster, taskArns.slice(i, i + DESCRIBE_TASKS_BATCH), opts);
    result.tasks.push(...out.tasks);
    for (const failure of out.failures) {
      if (failure.reason === 'MISSING') result.missing.push(failure.arn ?? '');
      else throw new EcsFailureError('DescribeTasks', failure);
    }
  }
  return result;
}

/** One DescribeTasks call (at most 100 ARNs), its tasks and its `failures` entries as ECS gave them. */
export async function describeTaskBatch(
  ecs: ECSClient,
  cluster: string,
  taskArns: readonly string[],
  opts: AwsCallOptions = {},
): Promise<{ tasks: Task[]; failures: Failure[] }> {
  if (taskArns.length > DESCRIBE_TASKS_BATCH) throw new Error(`BUG: DescribeTasks takes at most ${DESCRIBE_TASKS_BATCH} tasks`);
  opts.onCall?.('DescribeTasks');
  const out = await ecs.send(new DescribeTasksCommand({ cluster, tasks: [...taskArns] }), httpOptions(opts));
  return { tasks: out.tasks ?? [], failures: out.failures ?? [] };
}

/** RunTask (at most 10 tasks a call; the caller batches and sets a client token per call). */
export async function runTask(ecs: ECSClient, input: RunTaskCommandInput, opts: AwsCallOptions = {}): Promise<RunTaskCommandOutput> {
  opts.onCall?.('RunTask');
  return ecs.send(new RunTaskCommand(input), httpOptions(opts));
}

/** StopTask; returns the task as ECS answered (lastStatus STOPPED when it had already stopped). */
export async function stopTask(
  ecs: ECSClient,
  req: { cluster: string; task: string; reason: string },
  opts: AwsCallOptions = {},
): Promise<Task | undefined> {
  opts.onCall?.('StopTask');
  return (await ecs.send(new StopTaskCommand(req), httpOptions(opts))).task;
}
