/**
 * ecs-rolling in the fault matrix: how each phase is targeted, and the invariant checked after every cell —
 * either the service runs the new revision, healthy, with the step succeeded (and not reported rolled back), or
 * it runs the previous revision with the desired count, auto scaling and listeners it had before, with the step
 * failed and the cause named. Never a success for a rolled-back deployment.
 */
import { isDeepStrictEqual } from 'node:util';
import type { CellRun } from './cell.js';
import { CANCELLED, type Expectation, type Phase, type PhasePlan } from './matrix.js';
import { observeRolling, settled } from './rolling-observe.js';
import { IMAGE_REPO, type RollingClients, type RollingWorld } from './rolling-world.js';

const CRASHED = /circuit breaker|exit code 1/;

/**
 * Calls before the first mutation: DescribeServices, DescribeScalableTargets, DescribeScalingPolicies,
 * DescribeScheduledActions (the R1 snapshot), then RegisterTaskDefinition; between mutations: RegisterScalableTarget
 * (suspending the auto scaling), UpdateService; the wait polls DescribeServices from its second call on; the
 * rollback of a `crash` deployment is the second UpdateService.
 */
export const ROLLING_PHASES: Record<Phase, PhasePlan> = {
  'before the first mutation': {
    target: { operation: 'RegisterTaskDefinition', after: 0 },
    marker: /::group::Prepare rollback data/,
    stretch: { operation: 'DescribeServices', error: 'delay', delayMs: 1500, count: 1 },
    expect: { outcome: 'success' },
    expectCancelled: { outcome: 'failure', cause: CANCELLED },
  },
  'between mutations': {
    target: { operation: 'UpdateService', after: 0 },
    marker: /::group::Update service/,
    stretch: { operation: 'UpdateService', error: 'delay', delayMs: 1500, count: 1 },
    expect: { outcome: 'success' },
    expectCancelled: { outcome: 'failure', cause: CANCELLED },
  },
  'while waiting': {
    target: { operation: 'DescribeServices', after: 1 },
    marker: /::group::Wait for deployment/,
    expect: { outcome: 'success' },
    expectCancelled: { outcome: 'failure', cause: CANCELLED },
  },
  'during rollback': {
    target: { operation: 'UpdateService', after: 1 },
    marker: /Rolling Back\.\./,
    expect: { outcome: 'failure', cause: CRASHED },
    expectCancelled: { outcome: 'failure', cause: CRASHED },
  },
};

/** The image tag each phase deploys: a deployment that crashes is what gets a rollback. */
export const rollingTag = (phase: Phase): string => (phase === 'during rollback' ? 'crash' : '2');

/** Every violation of the invariant and of the cell's expectation (empty when the cell passes). */
export async function rollingViolations(
  c: RollingClients,
  world: RollingWorld,
  cell: CellRun,
  tag: string,
  expected: Expectation,
): Promise<string[]> {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const service = await settled(c, 120_000);
  const now = await observeRolling(c, world.loadBalancerArn, service);
  const before = world.before;
  const { run } = cell;
  const primary = now.service.deployments.find((d) => d.status === 'PRIMARY');
  check(isDeepStrictEqual(now.listeners, before.listeners), 'listeners and rules changed');
  check(isDeepStrictEqual(now.scalableTargets, before.scalableTargets), `scalable targets ${JSON.stringify(now.scalableTargets)} != before ${JSON.stringify(before.scalableTargets)}`);
  check(isDeepStrictEqual(now.scalingPolicies, before.scalingPolicies), `scaling policies ${JSON.stringify(now.scalingPolicies)} != before ${JSON.stringify(before.scalingPolicies)}`);
  check(now.service.deployments.length === 1 && primary?.rolloutState === 'COMPLETED', `service not settled healthy: ${JSON.stringify(now.service.deployments)}`);
  check(now.service.runningCount === now.service.desiredCount, `running ${now.service.runningCount} != desired ${now.service.desiredCount}`);
  if (run.exitCode === 0) {
    check(now.service.taskDefinition !== world.v1, 'step succeeded but the service runs the previous revision (a rolled-back deployment reported as success)');
    check(now.service.taskDefinition === run.outputs['taskDefinitionArn'], `service runs ${now.service.taskDefinition}, output taskDefinitionArn ${run.outputs['taskDefinitionArn']}`);
    check(now.image === `${IMAGE_REPO}:${tag}`, `service runs image ${now.image}`);
    check(now.service.desiredCount === 2, `desired count ${now.service.desiredCount}, the deployment asked for 2`);
    check(run.outputs['rolledBack'] === 'false', `step succeeded with rolledBack=${run.outputs['rolledBack']}`);
    check(cell.errors.length === 0, `step succeeded with errors: ${cell.errors.join(' | ')}`);
  } else {
    check(run.exitCode === 1, `exit code ${run.exitCode} (signal ${run.signal})`);
    check(now.service.taskDefinition === world.v1, `step failed but the service runs ${now.service.taskDefinition}, not the previous ${world.v1}`);
    check(now.service.desiredCount === before.service.desiredCount, `desired count ${now.service.desiredCount}, before ${before.service.desiredCount}`);
    check(cell.errors.length > 0, 'step failed without an ::error:: naming the cause');
  }
  check(
    (run.exitCode === 0) === (expected.outcome === 'success'),
    `expected ${expected.outcome}, the step ${run.exitCode === 0 ? 'succeeded' : 'failed'}: ${cell.errors.join(' | ')}`,
  );
  if (expected.cause !== undefined && run.exitCode !== 0) {
    check(expected.cause.test(cell.errors.join('\n')), `the error does not name the cause ${String(expected.cause)}: ${cell.errors.join(' | ')}`);
  }
  return problems;
}
