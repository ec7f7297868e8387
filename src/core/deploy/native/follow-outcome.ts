/**
 * N3, N4: a later job's follow of a deployment it did not start (`mode: continue` after a ContinueServiceDeployment,
 * `mode: rollback` after a StopServiceDeployment), to an Outcome. A forward deployment this run times out on or is
 * cancelled from is stopped and rolled back when rollback-on-failure is on, as a deploy's would be (N4).
 */
import type { Service } from '@aws-sdk/client-ecs';
import type { Deadline } from '../../time.js';
import type { Outcome } from '../outcome.js';
import type { RollingDeps } from '../rolling-plan.js';
import { snapshotOf } from '../snapshot.js';
import { followServiceDeployment, type FollowResult } from './follow.js';
import type { InProgress } from './in-progress.js';
import { nativeRun } from './rollout.js';
import { shortId } from './progress.js';
import type { WaitUntil } from './stages.js';
import { stopAndFollow } from './stop.js';

export interface FollowOutcomeRequest {
  cluster: string;
  service: string;
  live: Service;
  deployment: InProgress;
  deadline: Deadline;
  rollbackOnFailure: boolean;
  expect: 'forward' | 'rollback';
  answeredHookIds?: ReadonlySet<string>;
  waitUntil?: WaitUntil | undefined;
  pollIntervalMs?: number | undefined;
}

export async function followToOutcome(deps: RollingDeps, req: FollowOutcomeRequest): Promise<Outcome> {
  const startedAt = deps.clock.now();
  const snapshot = await snapshotOf(deps, req.cluster, req.service, req.live);
  const arn = req.deployment.serviceDeploymentArn;
  const base = {
    cluster: req.cluster,
    service: req.service,
    serviceDeploymentArn: arn,
    taskDefinitionArn: req.deployment.taskDefinitionArn,
    pollIntervalMs: req.pollIntervalMs,
    seenEventIds: (req.live.events ?? []).flatMap((e) => (e.id === undefined ? [] : [e.id])),
  };
  const followed = await deps.log.group(`Follow service deployment ${shortId(arn)}`, () =>
    followServiceDeployment(deps, {
      ...base,
      deadline: req.deadline,
      signal: deps.signal,
      expect: req.expect,
      ...(req.answeredHookIds !== undefined ? { answeredHookIds: req.answeredHookIds } : {}),
      ...(req.waitUntil !== undefined ? { waitUntil: req.waitUntil } : {}),
    }),
  );
  const outcome: Outcome = {
    status: followed.ok ? 'succeeded' : 'failed',
    firstDeployment: false,
    taskDefinitionArn: req.expect === 'rollback' ? (req.deployment.sourceTaskDefinitionArn ?? req.deployment.taskDefinitionArn) : req.deployment.taskDefinitionArn,
    service: { name: req.service, ...(req.live.serviceArn !== undefined ? { arn: req.live.serviceArn } : {}) },
    rolledBack: req.expect === 'rollback' && followed.ok,
    stoppedTasks: followed.ok ? [] : followed.stoppedTasks,
    timings: { startedAt, finishedAt: startedAt, totalMs: 0, waitMs: deps.clock.now() - startedAt },
    snapshot,
    deploymentId: arn,
    native: nativeRun(arn, followed),
  };
  const previous = req.expect === 'rollback' ? req.deployment.taskDefinitionArn : req.deployment.sourceTaskDefinitionArn;
  if (previous !== undefined) outcome.previousTaskDefinitionArn = previous;
  if (!followed.ok) await failed(deps, req, base, followed, outcome);
  outcome.timings.finishedAt = deps.clock.now();
  outcome.timings.totalMs = outcome.timings.finishedAt - startedAt;
  return outcome;
}

async function failed(
  deps: RollingDeps,
  req: FollowOutcomeRequest,
  base: Omit<Parameters<typeof stopAndFollow>[1], 'deadline'>,
  followed: Extract<FollowResult, { ok: false }>,
  outcome: Outcome,
): Promise<void> {
  outcome.failureReason = followed.reason;
  outcome.cause = followed.message;
  if (followed.ecsRolledBack) {
    outcome.rolledBack = true;
    outcome.rollback = { status: 'succeeded', detail: 'ECS rolled the service back to the revision it ran before' };
    return;
  }
  const stillGoing = followed.reason === 'timeout' || followed.reason === 'cancelled';
  if (!stillGoing || req.expect !== 'forward' || !req.rollbackOnFailure) return;
  const rolled = await deps.log.group('Rollback', async () => {
    deps.log.info('Rolling Back..');
    const r = await stopAndFollow(deps, { ...base, deadline: req.deadline, signal: deps.hardSignal });
    deps.log.info(r.ok ? 'Rollback Successful.' : `Rollback Failed. ${r.message}`);
    return r;
  });
  outcome.rolledBack = rolled.ok;
  outcome.rollback = rolled.ok
    ? { status: 'succeeded', detail: `service deployment ${shortId(base.serviceDeploymentArn)} was stopped and ECS rolled back` }
    : { status: rolled.reason === 'cancelled' ? 'abandoned' : 'failed', detail: rolled.message };
  if (!rolled.ok) outcome.cause = `${followed.message}\nRollback ${outcome.rollback.status}: ${rolled.message}`;
}
