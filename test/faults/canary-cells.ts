/**
 * ecs-canary in the fault matrix: a base service `web` (2 tasks behind a load balancer) and a canary of 1 task,
 * how each phase is targeted, and the invariant checked after every cell — the base service is never touched; either
 * the step succeeded and webCanary is ACTIVE with its task running the new revision, or the step failed naming the
 * cause and no ACTIVE canary is left (DRAINING only when the second signal ended the wait for INACTIVE).
 */
import type { CellRun } from './cell.js';
import { CANCELLED, type Expectation, type Phase, type PhasePlan } from './matrix.js';
import { canaryStatus, describe, type BaseService, type CanaryWorld } from '../helpers/ecs-canary-e2e.js';

const CRASHED = /circuit breaker|exit code|Essential container/;

/**
 * Before the first mutation: RegisterTaskDefinition (after the reads of prepare); between mutations: CreateService;
 * while waiting: the bake's DescribeAlarms (the first DescribeAlarms is prepare's existence check); the rollback is
 * the deletion of a `crash` canary (DeleteService).
 */
export const CANARY_PHASES: Record<Phase, PhasePlan> = {
  'before the first mutation': {
    target: { operation: 'RegisterTaskDefinition', after: 0 },
    marker: /::group::Task definition/,
    stretch: { operation: 'RegisterTaskDefinition', error: 'delay', delayMs: 1500, count: 1 },
    expect: { outcome: 'success' },
    expectCancelled: { outcome: 'failure', cause: CANCELLED },
  },
  'between mutations': {
    target: { operation: 'CreateService', after: 0 },
    marker: /::group::Create service webCanary/,
    stretch: { operation: 'CreateService', error: 'delay', delayMs: 1500, count: 1 },
    expect: { outcome: 'success' },
    expectCancelled: { outcome: 'failure', cause: CANCELLED },
  },
  'while waiting': {
    target: { operation: 'DescribeAlarms', after: 1 },
    marker: /Bake: \d+s left/,
    expect: { outcome: 'success' },
    expectCancelled: { outcome: 'failure', cause: CANCELLED },
  },
  'during rollback': {
    target: { operation: 'DeleteService', after: 0 },
    marker: /Deleting service webCanary\.\./,
    stretch: { operation: 'DeleteService', error: 'delay', delayMs: 1500, count: 1 },
    expect: { outcome: 'failure', cause: CRASHED },
    expectCancelled: { outcome: 'failure', cause: CRASHED },
  },
};

export const ALARM = 'web-5xx';

/** The inputs of a phase: a `crash` canary for the rollback phase; a 2 s bake watching ALARM while waiting. */
export function canaryInputs(phase: Phase): Record<string, string | number> {
  return {
    service: 'web',
    'task-definition': 'taskdef.json',
    image: phase === 'during rollback' ? 'nginx:crash' : 'nginx:1.27',
    ...(phase === 'while waiting' ? { 'bake-seconds': 2, alarms: ALARM } : {}),
    'timeout-minutes': 3,
  };
}

/** Every violation of the invariant and of the cell's expectation (empty when the cell passes). */
export async function canaryViolations(w: CanaryWorld, base: BaseService, cell: CellRun, expected: Expectation): Promise<string[]> {
  const problems: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) problems.push(what);
  };
  const { run } = cell;
  const web = await describe(w.ecs, 'web');
  check(web?.status === 'ACTIVE' && web.desiredCount === 2 && web.taskDefinition === base.taskDefinitionArn, `base service web changed: ${web?.status} desired ${web?.desiredCount} ${web?.taskDefinition}`);
  const canary = await describe(w.ecs, 'webCanary');
  if (run.exitCode === 0) {
    check(canary?.status === 'ACTIVE' && canary.runningCount === 1, `step succeeded but webCanary is ${canary?.status ?? 'MISSING'} with ${canary?.runningCount} running`);
    check(canary?.taskDefinition === run.outputs['taskDefinitionArn'], `webCanary runs ${canary?.taskDefinition}, not ${run.outputs['taskDefinitionArn']}`);
    check(cell.errors.length === 0, `step succeeded with errors: ${cell.errors.join(' | ')}`);
  } else {
    check(run.exitCode === 1, `exit code ${run.exitCode} (signal ${run.signal})`);
    check(cell.errors.length > 0, 'step failed without an ::error:: naming the cause');
    const status = await canaryStatus(w.ecs);
    const allowed = cell.signals.sigtermAt !== undefined ? ['DRAINING', 'INACTIVE', 'MISSING'] : ['INACTIVE', 'MISSING'];
    check(allowed.includes(status), `step failed but webCanary is ${status}`);
  }
  check((run.exitCode === 0) === (expected.outcome === 'success'), `expected ${expected.outcome}, the step ${run.exitCode === 0 ? 'succeeded' : 'failed'}: ${cell.errors.join(' | ')}`);
  if (expected.cause !== undefined && run.exitCode !== 0) {
    check(expected.cause.test(cell.errors.join('\n')), `the error does not name the cause ${String(expected.cause)}: ${cell.errors.join(' | ')}`);
  }
  return problems;
}
