/**
 * The one service watcher (S6–S9): follows the deployment an action started (or the PRIMARY one, a scale change
 * that started no deployment, or a deleted service until INACTIVE), printing each new ECS event once and explaining
 * failures with stopped-task reasons. Built on the one polling primitive (src/core/poll).
 */
export { waitForDeployment, waitForScale, waitForServiceStable } from './watch.js';
export { waitForServiceInactive } from './inactive.js';
export type { InactiveRequest, ScaleRequest, ServiceWaitRequest, StableRequest, WatchDeps, WatchRequest, WatchResult } from './watch-result.js';
export { describeStop, formatStoppedTask, summarizeStoppedTasks, taskIdOf, toStoppedTaskReason } from './stopped-tasks.js';
export type { StoppedTaskReason } from './stopped-tasks.js';
export { pollService } from './service-poll.js';
export type { PollIo, PollObserver } from './service-poll.js';
export { StoppedTaskCollector } from './stopped-tasks.js';
