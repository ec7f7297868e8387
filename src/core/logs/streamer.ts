/**
 * T4: print the CloudWatch log lines of a run's awslogs containers into the step log while waiting.
 *
 * Bounded: at most one GetLogEvents per stream per poll, and at most `maxStreamsPerPoll` streams per poll
 * (least recently polled first, so every stream gets its turn). Log problems are warnings, never failures:
 * a missing group/stream is normal until the container runs; AccessDenied, or a group/stream still missing
 * after `missingWarnAfterMs` (or once its task stopped), is ONE warning.
 */
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudWatchLogsClient, OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { Task } from '@aws-sdk/client-ecs';
import type { Clock, Sleep } from '../time.js';
import type { Logger } from '../io/logger.js';
import { describeError } from '../errors.js';
import { hasErrorName, isThrottlingError } from '../aws/errors.js';
import { shortTaskId, taskIdFromArn } from '../tasks/ids.js';
import { NOT_YET_RUNNING_STATES } from '../tasks/types.js';
import { awslogsTargets, containersWithoutAwslogs, logStreamName } from './awslogs.js';
import type { AwslogsTarget, TaskDefinitionWithContainers } from './awslogs.js';
import { formatLogLines } from './format.js';

export const DEFAULT_MAX_STREAMS_PER_POLL = 20;
export const DEFAULT_MISSING_WARN_AFTER_MS = 60_000;
const ERROR_RUN_BEFORE_WARNING = 3;

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

interface StreamState {
  taskArn: string;
  target: AwslogsTarget;
  streamName: string | undefined;
  nextToken: string | undefined;
  finished: boolean;
  warned: boolean;
  missingSince: number | undefined;
  errorRun: number;
  lastPolledCycle: number;
}

type FetchResult = 'ok' | 'throttled' | 'aborted';

export class LogStreamer {
  private readonly targets: AwslogsTarget[];
  private readonly streams = new Map<string, StreamState>();
  private readonly deniedGroups = new Set<string>();
  private readonly missingGroupsWarned = new Set<string>();
  private readonly clients = new Map<string, CloudWatchLogsClient>();
  private readonly maxStreams: number;
  private readonly missingWarnAfterMs: number;
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
    this.missingWarnAfterMs = options.missingWarnAfterMs ?? DEFAULT_MISSING_WARN_AFTER_MS;
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
      if (this.deps.signal?.aborted === true) return;
      if (this.deniedGroups.has(state.target.group)) continue;
      state.lastPolledCycle = this.cycle;
      const result = await this.fetch(state, task);
      if (result !== 'ok') return;
    }
  }

  /**
   * After the tasks stopped: keep polling (every `intervalMs`) until each stream's final drain returned nothing
   * new, for at most `maxWaitMs`.
   */
  async flush(tasks: readonly Task[], opts: { maxWaitMs?: number; intervalMs?: number } = {}): Promise<void> {
    if (!this.enabled) return;
    const start = this.deps.clock.now();
    const maxWaitMs = opts.maxWaitMs ?? 30_000;
    for (;;) {
      await this.poll(tasks);
      if (this.dueStreams(tasks).length === 0) return;
      if (this.deps.signal?.aborted === true) return;
      if (this.deps.clock.now() - start >= maxWaitMs) {
        this.deps.log.debug('Stopped waiting for the last log lines');
        return;
      }
      try {
        await this.deps.sleep(opts.intervalMs ?? 1000, this.deps.signal);
      } catch {
        return;
      }
    }
  }

  /** Streams that can be read now and are not finished. */
  private dueStreams(tasks: readonly Task[]): Array<{ state: StreamState; task: Task }> {
    const due: Array<{ state: StreamState; task: Task }> = [];
    for (const task of tasks) {
      const arn = task.taskArn;
      if (arn === undefined || task.lastStatus === undefined || NOT_YET_RUNNING_STATES.has(task.lastStatus)) continue;
      for (const target of this.targets) {
        const state = this.stateFor(arn, target);
        if (state.finished || this.deniedGroups.has(target.group)) continue;
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
      if (this.deps.signal?.aborted === true) return 'aborted';
      if (isThrottlingError(e)) {
        this.deps.log.debug(`CloudWatch Logs throttled GetLogEvents; continuing next poll`);
        return 'throttled';
      }
      if (hasErrorName(e, 'AccessDeniedException')) this.onDenied(state, e);
      else if (hasErrorName(e, 'ResourceNotFoundException')) this.onMissing(state, task, e);
      else this.onOtherError(state, task, e);
      return 'ok';
    }
  }

  private onDenied(state: StreamState, e: unknown): void {
    const group = state.target.group;
    this.deniedGroups.add(group);
    this.deps.log.warning(
      `Cannot read log group ${group} (${describeError(e)}); the output of ${state.target.containerName} is not streamed. ` +
        'Grant logs:GetLogEvents on it to see the logs here.',
    );
  }

  private onMissing(state: StreamState, task: Task, e: unknown): void {
    const now = this.deps.clock.now();
    state.missingSince ??= now;
    const stopped = isStopped(task);
    const container = task.containers?.find((c) => c.name === state.target.containerName);
    if (stopped && container?.exitCode === undefined && task.startedAt === undefined) {
      state.finished = true; // the container never ran: no stream is expected
      return;
    }
    if (!stopped && now - state.missingSince < this.missingWarnAfterMs) return; // normal at start
    if (stopped) state.finished = true;
    if (state.warned) return;
    state.warned = true;
    const isGroup = /log group/i.test(e instanceof Error ? e.message : '');
    if (isGroup && this.missingGroupsWarned.has(state.target.group)) return;
    if (isGroup) this.missingGroupsWarned.add(state.target.group);
    const what = isGroup ? `log group ${state.target.group}` : `log stream ${state.target.group}:${state.streamName ?? ''}`;
    this.deps.log.warning(`No logs for ${this.label(state)}: ${what} not found (${describeError(e)})`);
  }

  private onOtherError(state: StreamState, task: Task, e: unknown): void {
    state.errorRun += 1;
    this.deps.log.debug(`GetLogEvents ${state.target.group}:${state.streamName ?? ''} failed: ${describeError(e)}`);
    if (state.errorRun < ERROR_RUN_BEFORE_WARNING) return;
    if (isStopped(task)) state.finished = true;
    if (state.warned) return;
    state.warned = true;
    this.deps.log.warning(`Cannot read the logs of ${this.label(state)}: ${describeError(e)}`);
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
      state = {
        taskArn,
        target,
        streamName: undefined,
        nextToken: undefined,
        finished: false,
        warned: false,
        missingSince: undefined,
        errorRun: 0,
        lastPolledCycle: 0,
      };
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

  private label(state: StreamState): string {
    return `task ${taskIdFromArn(state.taskArn)} container ${state.target.containerName}`;
  }
}

function isStopped(task: Task): boolean {
  return task.lastStatus === 'STOPPED' || task.lastStatus === 'DELETED';
}
