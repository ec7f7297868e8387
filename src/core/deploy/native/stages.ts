/**
 * N2, N3: what ECS's own deployments (deploymentConfiguration.strategy BLUE_GREEN, LINEAR, CANARY) go through, as the
 * API reference names it: the lifecycle stages in order, the service deployment statuses and which of them end a
 * deployment. Service deployments have no FAILED status: a failure shows as ROLLBACK_* or STOPPED.
 */
import type { ServiceDeploymentLifecycleStage, ServiceDeploymentStatus } from '@aws-sdk/client-ecs';
import { ConfigurationError } from '../../errors.js';

export const NATIVE_STRATEGIES = ['BLUE_GREEN', 'LINEAR', 'CANARY'] as const;
export type NativeStrategy = (typeof NATIVE_STRATEGIES)[number];

/** The lifecycle stages of a BLUE_GREEN, LINEAR or CANARY deployment, in the order ECS goes through them. */
export const LIFECYCLE_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
] as const satisfies readonly ServiceDeploymentLifecycleStage[];
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** The `wait-until` input: the end of the deployment, or a lifecycle stage (`ecs:POST_TEST_TRAFFIC_SHIFT`). */
export type WaitUntil = { kind: 'deployed' } | { kind: 'stage'; stage: LifecycleStage };

/** Statuses that end a service deployment with the new revision in place. */
export const SUCCESS_STATUS: ServiceDeploymentStatus = 'SUCCESSFUL';
/** Statuses of a deployment ECS is still carrying forward. */
export const ONGOING_STATUSES: readonly ServiceDeploymentStatus[] = ['PENDING', 'IN_PROGRESS'];
/** Statuses of a deployment ECS is rolling back or stopping: still moving, but towards the source revision. */
export const UNWINDING_STATUSES: readonly ServiceDeploymentStatus[] = ['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'STOP_REQUESTED'];
/** Statuses after which the deployment changes no more. */
export const TERMINAL_STATUSES: readonly ServiceDeploymentStatus[] = ['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED', 'STOPPED'];

export function isNativeStrategy(strategy: string | undefined): strategy is NativeStrategy {
  return (NATIVE_STRATEGIES as readonly string[]).includes(strategy ?? '');
}

export function isTerminal(status: string | undefined): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status ?? '');
}

/** Position of a stage in the order ECS goes through them; -1 for a stage this code does not know. */
export function stageIndex(stage: string | undefined): number {
  return (LIFECYCLE_STAGES as readonly string[]).indexOf(stage ?? '');
}

/** Parses the `wait-until` input: `deployed` or `ecs:<STAGE>`; anything else is a ConfigurationError naming it. */
export function parseWaitUntil(value: string | undefined): WaitUntil {
  if (value === undefined || value === '' || value === 'deployed') return { kind: 'deployed' };
  const stage = value.startsWith('ecs:') ? value.slice(4) : undefined;
  if (stage !== undefined && stageIndex(stage) >= 0) return { kind: 'stage', stage: stage as LifecycleStage };
  throw new ConfigurationError(
    `'${value}' is neither 'deployed' nor 'ecs:<STAGE>' with one of ECS's lifecycle stages: ${LIFECYCLE_STAGES.join(', ')}`,
    { input: 'wait-until' },
  );
}

/**
 * N3: a stage the service's deployments never go through is refused before the first change: a ROLLING (or DAEMON)
 * service has no lifecycle stages at all.
 */
export function checkWaitUntil(waitUntil: WaitUntil | undefined, native: boolean, serviceName: string, how: string): void {
  if (waitUntil === undefined || waitUntil.kind === 'deployed' || native) return;
  throw new ConfigurationError(
    `service ${serviceName} deploys ${how}, whose deployments have no lifecycle stages, so it never ` +
      `reaches ${waitUntil.stage}; wait-until ecs:<STAGE> needs a BLUE_GREEN, LINEAR or CANARY service. Nothing was changed.`,
    { input: 'wait-until' },
  );
}
