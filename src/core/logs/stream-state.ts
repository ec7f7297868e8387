/** T4: what the log streamer remembers of one container's log stream in one task. */
import type { Task } from '@aws-sdk/client-ecs';
import { taskIdFromArn } from '../tasks/ids.js';
import type { AwslogsTarget } from './awslogs.js';

export interface StreamState {
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

export function newStreamState(taskArn: string, target: AwslogsTarget): StreamState {
  return {
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
}

/** `task 0123… container app`, for warnings. */
export function streamLabel(state: StreamState): string {
  return `task ${taskIdFromArn(state.taskArn)} container ${state.target.containerName}`;
}

export function isStopped(task: Task): boolean {
  return task.lastStatus === 'STOPPED' || task.lastStatus === 'DELETED';
}
