/** N2–N4: what a run knows of the native service deployment it followed, for the rollback and the report. */
import type { DeploymentLifecycleHookDetail } from '@aws-sdk/client-ecs';

export interface NativeRun {
  serviceDeploymentArn: string;
  /** The deployment's status and lifecycle stage when the run last saw it. */
  status: string | undefined;
  lifecycleStage: string | undefined;
  /**
   * How the wait ended: `successful` (SUCCESSFUL), `stage` (the wait-until stage was reached), `paused` (a PAUSE hook
   * awaits `mode: continue`), `rolled-back` (the rollback this run asked for completed), `failed` (ECS rolled back or
   * stopped it), `timeout` or `cancelled` (ECS goes on with it unless the run stops it).
   */
  ended: 'successful' | 'stage' | 'paused' | 'rolled-back' | 'failed' | 'timeout' | 'cancelled';
  /** ECS rolled the service back to the source revision by itself (ROLLBACK_SUCCESSFUL). */
  ecsRolledBack: boolean;
  /** The PAUSE hook the deployment waits on (ended `paused`). */
  pausedHook?: DeploymentLifecycleHookDetail;
}
