/** One-off tasks (ecs-run-task, docs/contract.md T1–T5): start, wait, judge, stop, summarise. */
export type { TaskDeps } from './types.js';
export { runTasks, formatRunTaskFailure, runTaskFailuresMessage, RUN_TASK_MAX_COUNT } from './run.js';
export type { RunTasksRequest, RunTasksResult } from './run.js';
export { waitForTasks, DESCRIBE_TASKS_MAX } from './wait.js';
export type { WaitForTasksOptions, WaitForTasksResult, TaskWaitFailure, WaitGoal } from './wait.js';
export { evaluateTasks, evaluateTask, exitCodesOutput } from './evaluate.js';
export type { TasksEvaluation, TaskOutcome, ContainerOutcome, TaskDefinitionLike } from './evaluate.js';
export { stopTasks } from './stop.js';
export type { StopTasksResult } from './stop.js';
export { taskSummaryTable } from './summary.js';
export { groupedReasonLines, countedIds, EXAMPLE_IDS } from './reasons.js';
export type { TaskReason } from './reasons.js';
export { taskIdFromArn, shortTaskId } from './ids.js';
