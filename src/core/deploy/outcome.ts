/** How one deployment ended (S8, S9, R6, R8): the action writes its outputs and job summary from this. */
import type { Service, TaskDefinition } from '@aws-sdk/client-ecs';
import type { NativeRun } from './native/native-run.js';
import type { RollbackSnapshot } from './snapshot.js';
import type { StoppedTaskReason } from './watch/index.js';

export type FailureReason = 'failed' | 'circuit-breaker' | 'timeout' | 'cancelled' | 'replaced' | 'auto-scaling' | 'error';

export interface Outcome {
  /** `started`: the deployment was started and not waited for (wait-for-steady-state false): no success claimed. */
  status: 'succeeded' | 'started' | 'failed';
  /** Why it failed: the original cause first, then what the rollback did when it did not succeed. */
  cause?: string;
  failureReason?: FailureReason;
  firstDeployment: boolean;
  taskDefinitionArn: string;
  previousTaskDefinitionArn?: string;
  /** That revision as read before the change (the rollback-target check), so the summary need not read it again. */
  previousTaskDefinition?: Pick<TaskDefinition, 'containerDefinitions'>;
  service: { name: string; arn?: string };
  /** After a successful wait: the service as that wait last described it (steady on the new revision). */
  steadyService?: Service;
  deploymentId?: string;
  /**
   * What the create or update did to the service: started a `deployment` (followed to COMPLETED, S8), or started
   * none (`scale`: same task definition, not forced, nothing that needs new tasks changed), so only the desired count
   * changed, or nothing did; then `deploymentId` is the PRIMARY deployment left in place. Absent when it never got
   * through.
   */
  change?: 'deployment' | 'scale';
  /** For a scale change: `no new deployment: only the desired count changed from 2 to 4`, or that nothing changed. */
  changeDetail?: string;
  /** True when the service was put back as it was (rollback succeeded). */
  rolledBack: boolean;
  rollback?: { status: 'succeeded' | 'failed' | 'abandoned'; detail: string };
  /**
   * ECS's own rollback (circuit breaker or alarm) as the service showed it when the run ended without a rollback of
   * its own (rollback-on-failure false): where ECS goes back to, and whether it had completed.
   */
  ecsRollback?: { taskDefinitionArn: string | undefined; deploymentId: string | undefined; completed: boolean };
  stoppedTasks: StoppedTaskReason[];
  /** A BLUE_GREEN, LINEAR or CANARY deployment (N2–N4): the service deployment ECS ran and where the run left it. */
  native?: NativeRun;
  timings: { startedAt: number; finishedAt: number; totalMs: number; waitMs?: number; rollbackMs?: number };
  snapshot: RollbackSnapshot;
}

/** A failure before it is reported: what went wrong and the stopped tasks seen. */
export interface Failure {
  reason: FailureReason;
  message: string;
  stoppedTasks: StoppedTaskReason[];
}
