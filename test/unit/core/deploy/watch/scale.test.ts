/**
 * waitForScale (issue 11 item 5): an update that started no deployment is waited on by task counts of the PRIMARY
 * deployment it left in place; its rollout state, and the stopped tasks of an earlier run, are never blamed.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeServicesCommand, DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { waitForScale } from '../../../../../src/core/deploy/watch/index.js';
import type { ScaleRequest, WatchDeps } from '../../../../../src/core/deploy/watch/index.js';
import { Deadline } from '../../../../../src/core/time.js';
import { FakeTime, RecordingLogger } from '../../../../helpers/fakes.js';
import { CLUSTER, SERVICE, T0, deployment, described, service, stoppedTask, taskArn, tdArn } from '../../../../helpers/ecs-watch-fixtures.js';

const ecsMock = mockClient(ECSClient);
const PRIMARY = 'ecs-svc/2222222222222222222';
const OLD = 'ecs-svc/1111111111111111111';
const BREAKER = 'ECS deployment circuit breaker: tasks failed to start.';

let time: FakeTime;
let deps: WatchDeps;

beforeEach(() => {
  ecsMock.reset();
  time = new FakeTime(T0);
  deps = { ecs: new ECSClient({ region: 'us-east-1' }), clock: time.clock, sleep: time.sleep, log: new RecordingLogger() };
});

function request(extra: Partial<ScaleRequest> = {}): ScaleRequest {
  return {
    cluster: CLUSTER,
    service: SERVICE,
    deploymentId: PRIMARY,
    taskDefinitionArn: tdArn(2),
    desiredCount: 4,
    deadline: new Deadline(time.clock, 30 * 60_000),
    ...extra,
  };
}

/** The PRIMARY deployment that FAILED in an earlier run, with `counts`; the completed one before it keeps 2 tasks. */
function failedPrimary(counts: { desired: number; running: number; pending?: number }, serviceDesired = counts.desired): ReturnType<typeof service> {
  const failed = deployment(PRIMARY, {
    desiredCount: counts.desired,
    runningCount: counts.running,
    pendingCount: counts.pending ?? 0,
    failedTasks: 3,
    rolloutState: 'FAILED',
    rolloutStateReason: BREAKER,
  });
  const old = deployment(OLD, { status: 'ACTIVE', taskDefinition: tdArn(1), desiredCount: 2, runningCount: 2, rolloutState: 'COMPLETED' });
  return service([failed, old], [], { desiredCount: serviceDesired });
}

describe('waitForScale', () => {
  it('waits for the new count to show, then for the PRIMARY deployment to run it with nothing pending, whatever its rollout state', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(described(failedPrimary({ desired: 2, running: 2 }))) // read before the update is visible
      .resolvesOnce(described(failedPrimary({ desired: 4, running: 3, pending: 1 })))
      .resolves(described(failedPrimary({ desired: 4, running: 4 })));

    const result = await waitForScale(deps, request());

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.deployment).toMatchObject({ id: PRIMARY, rolloutState: 'FAILED', runningCount: 4 });
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(3);
  });

  it('without a count it set (nothing changed), is done as soon as the PRIMARY deployment runs the desired count', async () => {
    ecsMock.on(DescribeServicesCommand).resolves(described(failedPrimary({ desired: 2, running: 2 })));
    const { desiredCount: _set, ...withoutCount } = request();
    const result = await waitForScale(deps, withoutCount);
    expect(result.ok).toBe(true);
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(1);
  });

  it('times out naming the scale change and the counts, reporting only tasks that stopped since it began', async () => {
    ecsMock.on(DescribeServicesCommand).resolves(described(failedPrimary({ desired: 4, running: 2 })));
    // A task of the FAILED deployment stopped in the earlier run; another stops while the scale change waits.
    const stopped = [
      stoppedTask('earlier', { startedBy: PRIMARY, stoppedReason: 'from the earlier run' }),
      stoppedTask('now', { startedBy: PRIMARY, stoppedReason: 'Essential container in task exited' }),
    ];
    ecsMock.on(ListTasksCommand).resolvesOnce({ taskArns: [taskArn('earlier')] }).resolves({ taskArns: [taskArn('earlier'), taskArn('now')] });
    ecsMock.on(DescribeTasksCommand).callsFake((input: { tasks: string[] }) => ({ tasks: stopped.filter((t) => input.tasks.includes(t.taskArn ?? '')) }));

    const result = await waitForScale(deps, request({ deadline: new Deadline(time.clock, 2 * 60_000) }));

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('timeout');
    expect(result.message).toContain(`for deployment ${PRIMARY} of service ${SERVICE} to run 4 tasks (a scale change; no new deployment)`);
    expect(result.message).toContain('last seen: desired 4, pending 0, running 2');
    expect(result.message).not.toMatch(/FAILED|circuit breaker|earlier run/);
    expect(result.stoppedTasks.map((t) => t.taskArn)).toEqual([taskArn('now')]);
    // The earlier run's stopped task was only listed (set aside when the wait began), never described.
    expect(ecsMock.commandCalls(DescribeTasksCommand).flatMap((c) => c.args[0].input.tasks ?? [])).not.toContain(taskArn('earlier'));
  });

  it('fails as replaced when another deployment became PRIMARY during the wait', async () => {
    const newer = deployment('ecs-svc/3333333333333333333', { taskDefinition: tdArn(9), desiredCount: 4 });
    const left = deployment(PRIMARY, { status: 'ACTIVE', desiredCount: 4, runningCount: 4, rolloutState: 'COMPLETED' });
    ecsMock.on(DescribeServicesCommand).resolves(described(service([newer, left])));
    const result = await waitForScale(deps, request());
    expect(result).toMatchObject({ ok: false, reason: 'replaced' });
    if (result.ok) return;
    expect(result.message).toBe(
      `another deployment (ecs-svc/3333333333333333333, task definition ${tdArn(9)}) started while waiting for the scale change of service ${SERVICE}`,
    );
  });

  it('fails when the service was deleted meanwhile', async () => {
    ecsMock.on(DescribeServicesCommand).resolves(described({ ...failedPrimary({ desired: 4, running: 4 }), status: 'DRAINING' }));
    const result = await waitForScale(deps, request());
    expect(result).toMatchObject({ ok: false, reason: 'failed', message: `service ${SERVICE} is DRAINING: it was deleted while waiting for its scale change` });
  });
});
