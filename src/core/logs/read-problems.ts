/**
 * T4: how the log streamer takes a GetLogEvents that failed. Log problems are warnings, never failures: a missing
 * group/stream is normal until the container runs; AccessDenied, or a group/stream still missing after
 * `missingWarnAfterMs` (or once its task stopped), is ONE warning.
 */
import type { Task } from '@aws-sdk/client-ecs';
import type { Clock } from '../time.js';
import type { Logger } from '../io/logger.js';
import { describeError } from '../errors.js';
import { isStopped, streamLabel } from './stream-state.js';
import type { StreamState } from './stream-state.js';

const ERROR_RUN_BEFORE_WARNING = 3;

export class LogReadProblems {
  private readonly deniedGroups = new Set<string>();
  private readonly missingGroupsWarned = new Set<string>();

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly missingWarnAfterMs: number,
  ) {}

  /** A group this run may not read: it is not asked again. */
  isDenied(group: string): boolean {
    return this.deniedGroups.has(group);
  }

  denied(state: StreamState, e: unknown): void {
    const group = state.target.group;
    this.deniedGroups.add(group);
    this.log.warning(
      `Cannot read log group ${group} (${describeError(e)}); the output of ${state.target.containerName} is not streamed. ` +
        'Grant logs:GetLogEvents on it to see the logs here.',
    );
  }

  missing(state: StreamState, task: Task, e: unknown): void {
    const now = this.clock.now();
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
    this.log.warning(`No logs for ${streamLabel(state)}: ${what} not found (${describeError(e)})`);
  }

  other(state: StreamState, task: Task, e: unknown): void {
    state.errorRun += 1;
    this.log.debug(`GetLogEvents ${state.target.group}:${state.streamName ?? ''} failed: ${describeError(e)}`);
    if (state.errorRun < ERROR_RUN_BEFORE_WARNING) return;
    if (isStopped(task)) state.finished = true;
    if (state.warned) return;
    state.warned = true;
    this.log.warning(`Cannot read the logs of ${streamLabel(state)}: ${describeError(e)}`);
  }
}
