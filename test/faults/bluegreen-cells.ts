/**
 * ecs-bluegreen-swap in the fault matrix, kept to a few fast rows: mode deploy between its mutations (CreateService
 * after the registration) and while it waits for healthy targets, and mode swap between its two listener changes.
 * Invariants: deploy never changes a listener, and either the stage service is steady (step succeeded) or it was
 * deleted (step failed naming the cause); swap leaves the two listeners a consistent pair — swapped with the new
 * service BLUE and the step succeeded, or as before with the step failed — never both forwarding to one group.
 */
import type { BlueGreenE2e, BlueGreenWorld } from '../helpers/bluegreen-e2e.js';
import type { CellRun } from './cell.js';
import { CANCELLED, type Expectation, type Phase, type PhasePlan } from './matrix.js';

export type BlueGreenMode = 'deploy' | 'swap';

const SERVICE_GONE = new Set(['INACTIVE', 'DRAINING', undefined]);

/** The rows run, per mode (a phase not listed is not run for that mode). */
export const BLUEGREEN_PHASES: Record<BlueGreenMode, Partial<Record<Phase, PhasePlan>>> = {
  deploy: {
    'between mutations': {
      target: { operation: 'CreateService', after: 0 },
      marker: /::group::Create service shop__1/,
      stretch: { operation: 'CreateService', error: 'delay', delayMs: 1500, count: 1 },
      expect: { outcome: 'success' },
      expectCancelled: { outcome: 'failure', cause: CANCELLED },
    },
    'while waiting': {
      target: { operation: 'DescribeTargetHealth', after: 0 },
      marker: /::group::Wait for the tasks of shop__1/,
      stretch: { operation: 'DescribeTargetHealth', error: 'delay', delayMs: 1500, count: 1 },
      expect: { outcome: 'success' },
      expectCancelled: { outcome: 'failure', cause: /cancelled/ },
    },
  },
  swap: {
    'between mutations': {
      target: { operation: 'ModifyListener', after: 1 },
      marker: /::group::Swap the prod and stage listeners/,
      stretch: { operation: 'ModifyListener', error: 'delay', delayMs: 1500, count: 1 },
      expect: { outcome: 'success' },
      // A signal before the first change: nothing changes and the step fails naming the cancel; once the first
      // change is sent, both finish as one unit and the step succeeds (swapViolations accepts either).
      expectCancelled: { outcome: 'failure', cause: CANCELLED },
    },
  },
};

function outcomeProblems(cell: CellRun, expected: Expectation): string[] {
  const ok = cell.run.exitCode === 0;
  const problems: string[] = [];
  if (expected.outcome === 'success' && !ok) problems.push(`the step failed: ${cell.errors.join(' | ') || 'no ::error::'}`);
  if (expected.outcome === 'failure' && ok) problems.push('the step succeeded but should have failed');
  if (!ok && cell.errors.length === 0) problems.push('the step failed without an ::error::');
  if (!ok && expected.cause !== undefined && !cell.errors.some((e) => expected.cause?.test(e) === true)) {
    problems.push(`the error does not name the cause ${String(expected.cause)}: ${cell.errors.join(' | ')}`);
  }
  return problems;
}

export async function deployViolations(env: BlueGreenE2e, world: BlueGreenWorld, cell: CellRun, expected: Expectation): Promise<string[]> {
  const problems = outcomeProblems(cell, expected);
  const prod = await env.forwardsTo(world.prodListener);
  const stage = await env.forwardsTo(world.stageListener);
  if (prod.join() !== world.tgA || stage.join() !== world.tgB) problems.push(`deploy changed a listener: prod → ${prod.join()}, stage → ${stage.join()}`);
  const service = await env.service('shop__1');
  if (cell.run.exitCode === 0) {
    if (service?.status !== 'ACTIVE' || service.runningCount !== 2) problems.push(`the stage service is ${service?.status ?? 'missing'} with ${service?.runningCount ?? 0} running`);
    if ((await env.colour('shop__1')) !== 'GREEN') problems.push('the stage service is not tagged GREEN');
  } else if (!SERVICE_GONE.has(service?.status)) {
    problems.push(`the failed deploy left the stage service ${service?.status ?? ''}`);
  }
  return problems;
}

export async function swapViolations(env: BlueGreenE2e, world: BlueGreenWorld, cell: CellRun, expected: Expectation): Promise<string[]> {
  const signalled = cell.signals.sigintAt !== undefined;
  const problems = signalled && cell.run.exitCode === 0 ? [] : outcomeProblems(cell, expected);
  const pair = `${(await env.forwardsTo(world.prodListener)).join()} / ${(await env.forwardsTo(world.stageListener)).join()}`;
  const swapped = `${world.tgB} / ${world.tgA}`;
  const before = `${world.tgA} / ${world.tgB}`;
  const colour = await env.colour('shop__1');
  if (pair !== swapped && pair !== before) problems.push(`the listeners are not a consistent pair: prod / stage → ${pair}`);
  if (cell.run.exitCode === 0 && (pair !== swapped || colour !== 'BLUE')) problems.push(`the step succeeded but prod / stage → ${pair}, shop__1 ${colour ?? '-'}`);
  if (cell.run.exitCode !== 0 && pair === swapped && colour !== 'BLUE') problems.push('the listeners are swapped but shop__1 is not tagged BLUE');
  return problems;
}
