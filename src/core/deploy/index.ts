/**
 * Service deployments: the public entry of src/core/deploy. An action deploys with `deployService` (the strategy
 * is chosen from the live service), rolls back by hand with `rollbackService` (R7), previews with
 * `diffDeployment` (S13), and reports from the `Outcome` both return.
 *
 * Inside: strategy.ts (N1) → rolling.ts (R1–R5: snapshot.ts, service-change.ts steps, rollout.ts — or
 * scale-change.ts for an update that started no deployment — and the watcher in watch/) → auto-rollback.ts (R6,
 * after a failure; restore-snapshot.ts, first-deployment-undo.ts); manual-rollback.ts and rollback-target.ts (R7).
 * ECS's own BLUE_GREEN, LINEAR and CANARY deployments (N2–N4) in native/: find-deployment.ts, follow.ts (on the
 * watcher's loop), rollout.ts, stop.ts (rollback), continue.ts (`mode: continue`), manual.ts; DAEMON services (N5)
 * in daemon.ts.
 */
export { deployService } from './deploy.js';
export { rollbackService } from './manual-rollback.js';
export type { ManualRollbackRequest } from './manual-rollback.js';
export { resolveManualRollbackTarget } from './rollback-target.js';
export type { RollbackTarget } from './rollback-target.js';
export { chooseDeployStrategy } from './strategy.js';
export type { DeployStrategy } from './strategy.js';
export type { Failure, FailureReason, Outcome } from './outcome.js';
export { ROLLBACK_SHARE } from './rolling-plan.js';
export type { RollingDeps, RollingPlan } from './rolling-plan.js';
export { parseSnapshot, serializeSnapshot, takeSnapshot } from './snapshot.js';
export type { RollbackSnapshot } from './snapshot.js';
export { createStep, replaceStep, updateStep } from './service-change.js';
export type { ServiceChange, StepResult } from './service-change.js';
export { waitForRollout } from './rollout.js';
export type { RolloutRequest, RolloutResult } from './rollout.js';
export type { ScaleRequest, WatchDeps } from './watch/index.js';
export { toCreateServiceInput, toUpdateServiceInput } from './service-request.js';
export { diffDeployment } from './diff.js';
export type { DeploymentDiff } from './diff.js';
export { describeStop, summarizeStoppedTasks, taskIdOf, toStoppedTaskReason } from './watch/index.js';
export type { StoppedTaskReason } from './watch/index.js';
export { waitForDeployment, waitForScale, waitForServiceInactive, waitForServiceStable } from './watch/index.js';
export { continueService } from './native/continue.js';
export type { ContinueRequest } from './native/continue.js';
export { LIFECYCLE_STAGES, parseWaitUntil } from './native/stages.js';
export type { LifecycleStage, WaitUntil } from './native/stages.js';
export type { NativeRun } from './native/native-run.js';
