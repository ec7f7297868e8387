/**
 * Records of blue/green, linear and canary deployments (native-deployment.ts) and their lifecycle hooks
 * (lifecycle-hooks.ts, hook-control.ts), kept on the service deployment and in EcsState.
 */
export interface HookDetailRec {
  hookId: string;
  targetType: 'AWS_LAMBDA' | 'PAUSE';
  targetArn?: string;
  status: 'AWAITING_ACTION' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';
  stage: string;
  expiresAt: number;
  timeoutAction: 'CONTINUE' | 'ROLLBACK';
}

/** One production or test route pair of a load balancer: ECS moves traffic from `blueTg` to `greenTg`. */
export interface NativeRoute {
  production: string;
  test?: string;
  blueTg: string;
  greenTg: string;
}

export interface NativeRun {
  strategy: string;
  greenDeploymentId: string;
  /** The deployment serving production traffic when this one started (rollback returns to it). */
  blueDeploymentId: string;
  routes: NativeRoute[];
  /** Percent of production / test traffic the green revision gets. */
  productionWeight: number;
  testWeight: number;
  /**
   * `running` while stages go on (`scaling`: in SCALE_UP, green tasks are being started), `cleanup` once the blue
   * tasks are being stopped (the scheduler finishes it as a rolling deployment), `rollback` while green is removed,
   * `stopped` when it ended (stopped, superseded, rolled back).
   */
  phase: 'running' | 'scaling' | 'cleanup' | 'rollback' | 'stopped';
  /** Cancels the pending stage timer. */
  cancel?: () => void;
  /** A hook waiting for an answer (a PAUSE hook, or an AWS_LAMBDA hook answering IN_PROGRESS). */
  waiting?: { hookId: string; resolve: (outcome: 'CONTINUE' | 'ROLLBACK', detail: string) => void };
}

/** How the emulated Lambda function of an AWS_LAMBDA hook answers (POST /_emulator/hooks). */
export interface HookResponseRec {
  hookTargetArn: string;
  /** Only at this stage (any stage when absent). */
  stage?: string;
  hookStatus: 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS';
  /** Seconds before ECS invokes an IN_PROGRESS hook again (default 30). */
  callBackDelay?: number;
}

/** One invocation of a hook's Lambda function, as the payload ECS sends it (GET /_emulator/hooks). */
export interface HookInvocationRec {
  hookTargetArn: string;
  stage: string;
  serviceDeploymentArn: string;
  hookId: string;
  at: number;
  hookDetails?: unknown;
  hookStatus: string;
}
