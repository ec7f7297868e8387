/**
 * T4: print the CloudWatch log lines of a run's awslogs containers into the step log while waiting.
 *
 * Bounded: at most one GetLogEvents per stream per poll, and at most `maxStreamsPerPoll` streams per poll
 * (least recently polled first, so every stream gets its turn). Log problems are warnings, never failures
 * (read-problems.ts). After the tasks stopped, `flush` drains what is left on the one polling primitive.
 */
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudWatchLogsClient, OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { Task } from '@aws-sdk/client-ecs';
import { Deadline } from '../time.js';
import type { Clock, Sleep } from '../time.js';
import type { Logger } from '../io/logger.js';
import { hasErrorName, isThrottlingError } from '../aws/errors.js';
import { isAborted, poll } from '../poll/index.js';
import { shortTaskId } from '../tasks/ids.js';
import { NOT_YET_RUNNING_STATES } from '../tasks/types.js';
import { awslogsTargets, containersWithoutAwslogs, logStreamName } from './awslogs.js';
import type { AwslogsTarget, TaskDefinitionWithContainers } from './awslogs.js';
import { formatLogLines } from './format.js';
import { LogReadProblems } from './read-problems.js';
import { isStopped, newStreamState } from './stream-state.js';
import type { StreamState } from './stream-state.js';

export const DEFAULT_MAX_STREAMS_PER_POLL = 20;
export const DEFAULT_MISSING_WARN_AFTER_MS = 60_000;
/** The drain after the tasks stopped reads every second for at most 30 s: the last lines reach CloudWatch within
 * seconds, and the step should not wait longer for them. */
const DRAIN_INTERVAL_MS = 1000;
const DRAIN_MAX_WAIT_MS = 30_000;

export interface LogStreamerDeps {
  logs: CloudWatchLogsClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  signal?: AbortSignal | undefined;
}

export interface LogStreamerOptions {
  maxStreamsPerPoll?: number;
  missingWarnAfterMs?: number;
  /** A client for an `awslogs-region` other than the default client's; without it the default client is used. */
  clientForRegion?: (region: string) => CloudWatchLogsClient;
}

type FetchResult = 'ok' | 'throttled' | 'aborted';

export class LogStreamer {
  private readonly targets: AwslogsTarget[];
  private readonly streams = new Map<string, StreamState>();
  private readonly problems: LogReadProblems;
  private readonly clients = new Map<string, CloudWatchLogsClient>();
  private readonly maxStreams: number;
  private cycle = 0;
  private tasksSeen = 0;
  private announced = false;

  constructor(
    private readonly deps: LogStreamerDeps,
    private readonly taskDefinition: TaskDefinitionWithContainers,
    private readonly options: LogStreamerOptions = {},
  ) {
    this.targets = awslogsTargets(taskDefinition);
    this.maxStreams = Math.max(1, options.maxStreamsPerPoll ?? DEFAULT_MAX_STREAMS_PER_POLL);
    this.problems = new LogReadProblems(deps.clock, deps.log, options.missingWarnAfterMs ?? DEFAULT_MISSING_WARN_AFTER_MS);
  }

  /** False when no container uses awslogs: there is nothing to stream. */
  get enabled(): boolean {
    return this.targets.length > 0;
  }

  /** One streaming cycle over the latest task descriptions (use as waitForTasks' onPoll). */
  async poll(tasks: readonly Task[]): Promise<void> {
    if (!this.enabled) return;
    this.announce();
    this.tasksSeen = Math.max(this.tasksSeen, tasks.filter((t) => t.taskArn !== undefined).length);
    this.cycle += 1;
    const due = this.dueStreams(tasks)
      .sort((a, b) => a.state.lastPolledCycle - b.state.lastPolledCycle)
      .slice(0, this.maxStreams);
    for (const { state, task } of due) {
      if (isAborted(this.deps.signal)) return;
      if (this.problems.isDenied(state.target.group)) continue;
      state.lastPolledCycle = this.cycle;
      const result = await this.fetch(state, task);
      if (result !== 'ok') return;
    }
  }

  /**
   * After the tasks stopped: keep polling (every `intervalMs`, default 1 s) until each stream's final drain returned
   * nothing new, for at most `maxWaitMs` (default 30 s), or until the signal aborts.
   */
  async flush(tasks: readonly Task[], opts: { maxWaitMs?: number; intervalMs?: number } = {}): Promise<void> {
    if (!this.enabled) return;
    const { clock, sleep, signal } = this.deps;
    const deadline = new Deadline(clock, opts.maxWaitMs ?? DRAIN_MAX_WAIT_MS);
    const end = await poll({ clock, sleep }, { deadline, signal, intervalMs: opts.intervalMs ?? DRAIN_INTERVAL_MS }, async () => {
      await this.poll(tasks);
      return this.dueStreams(tasks).length === 0 || isAborted(signal) ? true : undefined;
    });
    if (end.kind === 'timeout') this.deps.log.debug('Stopped waiting for the last log lines');
  }

  /** Streams that can be read now and are not finished. */
  private dueStreams(tasks: readonly Task[]): Array<{ state: StreamState; task: Task }> {
    const due: Array<{ state: StreamState; task: Task }> = [];
    for (const task of tasks) {
      const arn = task.taskArn;
      if (arn === undefined || task.lastStatus === undefined || NOT_YET_RUNNING_STATES.has(task.lastStatus)) continue;
      for (const target of this.targets) {
        const state = this.stateFor(arn, target);
        if (state.finished || this.problems.isDenied(target.group)) continue;
        state.streamName ??= logStreamName(target, task);
        if (state.streamName === undefined) {
          if (isStopped(task)) state.finished = true;
          continue;
        }
        due.push({ state, task });
      }
    }
    return due;
  }

  private async fetch(state: StreamState, task: Task): Promise<FetchResult> {
    const { target } = state;
    const input = {
      logGroupName: target.group,
      logStreamName: state.streamName,
      startFromHead: true,
      ...(state.nextToken !== undefined ? { nextToken: state.nextToken } : {}),
    };
    try {
      const signal = this.deps.signal;
      const out = await this.client(target.region).send(new GetLogEventsCommand(input), signal ? { abortSignal: signal } : {});
      const events = out.events ?? [];
      this.print(state, events);
      // At the end of the stream GetLogEvents returns the token it was given: keeping it reads only new events.
      if (out.nextForwardToken !== undefined && out.nextForwardToken !== '') state.nextToken = out.nextForwardToken;
      state.missingSince = undefined;
      state.errorRun = 0;
      if (events.length === 0 && isStopped(task)) state.finished = true;
      return 'ok';
    } catch (e) {
      if (isAborted(this.deps.signal)) return 'aborted';
      if (isThrottlingError(e)) {
        this.deps.log.debug(`CloudWatch Logs throttled GetLogEvents; continuing next poll`);
        return 'throttled';
      }
      if (hasErrorName(e, 'AccessDeniedException')) this.problems.denied(state, e);
      else if (hasErrorName(e, 'ResourceNotFoundException')) this.problems.missing(state, task, e);
      else this.problems.other(state, task, e);
      return 'ok';
    }
  }

  private print(state: StreamState, events: readonly OutputLogEvent[]): void {
    const prefix = `[${shortTaskId(state.taskArn)}/${state.target.containerName}] `;
    const always = this.tasksSeen > 1 || this.targets.length > 1;
    for (const event of events) {
      for (const line of formatLogLines(event.message ?? '', prefix, always)) this.deps.log.info(line);
    }
  }

  private announce(): void {
    if (this.announced) return;
    this.announced = true;
    const streamed = this.targets.map((t) => `${t.containerName} (${t.group})`).join(', ');
    this.deps.log.info(`Streaming CloudWatch logs of ${streamed}`);
    for (const name of containersWithoutAwslogs(this.taskDefinition)) {
      this.deps.log.info(`Container ${name} does not use the awslogs driver: its output is not streamed`);
    }
  }

  private stateFor(taskArn: string, target: AwslogsTarget): StreamState {
    const key = `${taskArn}\u0000${target.containerName}`;
    let state = this.streams.get(key);
    if (state === undefined) {
      state = newStreamState(taskArn, target);
      this.streams.set(key, state);
    }
    return state;
  }

  private client(region: string | undefined): CloudWatchLogsClient {
    const factory = this.options.clientForRegion;
    if (region === undefined || factory === undefined) return this.deps.logs;
    let client = this.clients.get(region);
    if (client === undefined) {
      client = factory(region);
      this.clients.set(region, client);
    }
    return client;
  }
}
