import { beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeServicesCommand, DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { waitForDeployment, waitForServiceStable } from '../../../../../src/core/deploy/watch/index.js';
import type { WatchDeps } from '../../../../../src/core/deploy/watch/index.js';
import { Deadline } from '../../../../../src/core/time.js';
import { FakeTime, RecordingLogger } from '../../../../helpers/fakes.js';
import {
  CLUSTER,
  SERVICE,
  T0,
  deployment,
  described,
  event,
  service,
  stoppedTask,
  taskArn,
  tdArn,
} from '../../../../helpers/ecs-watch-fixtures.js';

const ecsMock = mockClient(ECSClient);
const OURS = 'ecs-svc/2222222222222222222';
const OLD = 'ecs-svc/1111111111111111111';

let time: FakeTime;
let log: RecordingLogger;
let deps: WatchDeps;

beforeEach(() => {
  ecsMock.reset();
  time = new FakeTime(T0);
  log = new RecordingLogger();
  deps = { ecs: new ECSClient({ region: 'us-east-1' }), clock: time.clock, sleep: time.sleep, log };
});

function request(extra: Partial<Parameters<typeof waitForDeployment>[1]> = {}): Parameters<typeof waitForDeployment>[1] {
  return {
    cluster: CLUSTER,
    service: SERVICE,
    deploymentId: OURS,
    taskDefinitionArn: tdArn(2),
    deadline: new Deadline(time.clock, 30 * 60_000),
    ...extra,
  };
}

const awsEvents = (): string[] => log.messages('info').filter((m) => m.startsWith('# AWS Event:'));
const progress = (): string[] => log.messages('info').filter((m) => m.startsWith('Deployment '));

describe('waitForDeployment: success (S6, S8)', () => {
  it('polls at once, prints each new event once oldest first, progress on change, and succeeds on COMPLETED', async () => {
    const before = event('e0', T0 - 30_000, '(service web) has reached a steady state.');
    const e1 = event('e1', T0 + 100, '(service web) has started 2 tasks: (task a) (task b).');
    const e2 = event('e2', T0 + 2100, '(service web) registered 2 targets in (target-group tg)');
    const e3 = event('e3', T0 + 4100, '(service web) has stopped 2 running tasks: (task c) (task d).');
    const e4 = event('e4', T0 + 4100, '(service web) has reached a steady state.');
    const old = deployment(OLD, { status: 'ACTIVE', taskDefinition: tdArn(1), runningCount: 2, rolloutState: 'COMPLETED' });
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(described(service([deployment(OURS, { pendingCount: 2 }), old], [before, e1])))
      .resolvesOnce(described(service([deployment(OURS, { runningCount: 2 }), old], [before, e1, e2])))
      .resolvesOnce(described(service([deployment(OURS, { runningCount: 2 }), old], [before, e1, e2])))
      .resolves(described(service([deployment(OURS, { runningCount: 2, rolloutState: 'COMPLETED' })], [before, e1, e2, e3, e4])));

    const result = await waitForDeployment(deps, request({ seenEventIds: ['e0'] }));

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.deployment.id).toBe(OURS);
    expect(result.durationMs).toBe(6600);
    expect(time.sleeps).toEqual([2200, 2200, 2200]);
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(4);
    expect(ecsMock.commandCalls(DescribeServicesCommand)[0]!.args[0].input).toEqual({ cluster: CLUSTER, services: [SERVICE] });
    expect(awsEvents()).toEqual([
      '# AWS Event: 2024-05-01 12:00:00.100 (service web) has started 2 tasks: (task a) (task b).',
      '# AWS Event: 2024-05-01 12:00:02.100 (service web) registered 2 targets in (target-group tg)',
      '# AWS Event: 2024-05-01 12:00:04.100 (service web) has stopped 2 running tasks: (task c) (task d).',
      '# AWS Event: 2024-05-01 12:00:04.100 (service web) has reached a steady state.',
    ]);
    expect(progress()).toEqual([
      `Deployment ${OURS}: desired 2, pending 2, running 0, rollout IN_PROGRESS`,
      `Deployment ${OLD}: desired 2, pending 0, running 2, rollout COMPLETED`,
      `Deployment ${OURS}: desired 2, pending 0, running 2, rollout IN_PROGRESS`,
      `Deployment ${OURS}: desired 2, pending 0, running 2, rollout COMPLETED`,
    ]);
    expect(ecsMock.commandCalls(ListTasksCommand)).toHaveLength(0);
  });

  it('returns on the first poll, without sleeping, when the deployment is already complete', async () => {
    ecsMock.on(DescribeServicesCommand).resolves(described(service([deployment(OURS, { runningCount: 2, rolloutState: 'COMPLETED' })])));
    const result = await waitForDeployment(deps, request());
    expect(result).toMatchObject({ ok: true, durationMs: 0 });
    expect(time.sleeps).toEqual([]);
  });

  it('without seenEventIds, skips events from more than a minute before the wait', async () => {
    const stale = event('old', T0 - 5 * 60_000, '(service web) has reached a steady state.');
    const fresh = event('new', T0 - 2000, '(service web) has started 2 tasks: (task a) (task b).');
    ecsMock.on(DescribeServicesCommand).resolves(described(service([deployment(OURS, { runningCount: 2, rolloutState: 'COMPLETED' })], [stale, fresh])));
    await waitForDeployment(deps, request());
    expect(awsEvents()).toEqual(['# AWS Event: 2024-05-01 11:59:58.000 (service web) has started 2 tasks: (task a) (task b).']);
  });

  it('without rolloutState (no circuit breaker reported), succeeds when counts match and no other deployment is left', async () => {
    const ours = (fields: object) => deployment(OURS, { rolloutState: undefined, ...fields });
    const old = deployment(OLD, { status: 'ACTIVE', taskDefinition: tdArn(1), runningCount: 1, rolloutState: undefined });
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(described(service([ours({ runningCount: 2 }), old])))
      .resolves(described(service([ours({ runningCount: 2 })])));
    const result = await waitForDeployment(deps, request());
    expect(result.ok).toBe(true);
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(2);
    expect(progress()).toContain(`Deployment ${OURS}: desired 2, pending 0, running 2, status PRIMARY`);
  });

  it('waitForServiceStable follows the PRIMARY deployment seen first', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(described(service([deployment(OURS, { taskDefinition: tdArn(1), runningCount: 1 })])))
      .resolves(described(service([deployment(OURS, { taskDefinition: tdArn(1), runningCount: 2, rolloutState: 'COMPLETED' })])));
    const result = await waitForServiceStable(deps, { cluster: CLUSTER, service: SERVICE, deadline: new Deadline(time.clock, 60_000) });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.deployment.taskDefinition).toBe(tdArn(1));
  });
});

describe('waitForDeployment: truthful outcome (S8)', () => {
  it('does not report success when the COMPLETED deployment runs another task definition', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolves(described(service([deployment(OURS, { taskDefinition: tdArn(1), runningCount: 2, rolloutState: 'COMPLETED' })])));
    const result = await waitForDeployment(deps, request());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('failed');
    expect(result.message).toBe(
      `deployment ${OURS} runs task definition ${tdArn(1)}, not ${tdArn(2)} that this action deployed`,
    );
  });

  it('is not fooled by another deployment that completed with our task definition', async () => {
    const other = 'ecs-svc/3333333333333333333';
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(described(service([deployment(OURS)])))
      .resolves(
        described(
          service([
            deployment(other, { runningCount: 2, rolloutState: 'COMPLETED' }),
            deployment(OURS, { status: 'ACTIVE', runningCount: 0 }),
          ]),
        ),
      );
    const result = await waitForDeployment(deps, request());
    expect(result).toMatchObject({ ok: false, reason: 'replaced' });
    if (!result.ok) expect(result.message).toContain(`deployment ${OURS} was replaced before it completed`);
  });

  it('reports a FAILED rollout with its reason', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(described(service([deployment(OURS)])))
      .resolves(
        described(
          service([
            deployment(OURS, { rolloutState: 'FAILED', rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' }),
          ]),
        ),
      );
    const result = await waitForDeployment(deps, request());
    expect(result).toMatchObject({
      ok: false,
      reason: 'failed',
      message: `deployment ${OURS} failed: ECS deployment circuit breaker: tasks failed to start.`,
    });
  });

  it('appends the stopped tasks to a reason that ends with a period without doubling it', async () => {
    const reason = 'ECS deployment circuit breaker: tasks failed to start.';
    ecsMock
      .on(DescribeServicesCommand)
      .resolves(described(service([deployment(OURS, { failedTasks: 1, rolloutState: 'FAILED', rolloutStateReason: reason })])));
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [taskArn('aaa')] });
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [stoppedTask('aaa', { startedBy: OURS })] });
    const result = await waitForDeployment(deps, request());
    expect(result).toMatchObject({
      ok: false,
      message: `deployment ${OURS} failed: ${reason} Stopped tasks: Essential container in task exited (container app exit code 1) [1 task]`,
    });
  });
});

describe('waitForDeployment: circuit breaker and stopped tasks (S8, S9)', () => {
  const cbReason = 'ECS deployment circuit breaker: tasks failed to start.';

  it('reports the rollback with the exact message and the stopped-task reasons, reading tasks only when failedTasks rises', async () => {
    const rollback = 'ecs-svc/4444444444444444444';
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(described(service([deployment(OURS, { pendingCount: 2 })])))
      .resolvesOnce(described(service([deployment(OURS, { pendingCount: 2, failedTasks: 2 })])))
      .resolvesOnce(described(service([deployment(OURS, { pendingCount: 2, failedTasks: 2 })])))
      .resolves(
        described(
          service([
            deployment(rollback, { taskDefinition: tdArn(1), pendingCount: 2 }),
            deployment(OURS, { status: 'ACTIVE', failedTasks: 3, rolloutState: 'FAILED', rolloutStateReason: cbReason }),
          ]),
        ),
      );
    ecsMock
      .on(ListTasksCommand)
      .resolvesOnce({ taskArns: [taskArn('aaa'), taskArn('bbb'), taskArn('old')] })
      .resolves({ taskArns: [taskArn('aaa'), taskArn('bbb'), taskArn('old'), taskArn('ccc')] });
    ecsMock
      .on(DescribeTasksCommand)
      .resolvesOnce({
        tasks: [
          stoppedTask('aaa', { startedBy: OURS }),
          stoppedTask('bbb', { startedBy: OURS }),
          // A task of the previous deployment scaled in earlier: not a failure of ours.
          stoppedTask('old', { taskDefinitionArn: tdArn(1), stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1)' }),
        ],
      })
      .resolves({
        tasks: [
          stoppedTask('ccc', {
            startedBy: OURS,
            stopCode: 'TaskFailedToStart',
            stoppedReason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s)',
            containers: [{ name: 'app' }],
          }),
        ],
      });

    const result = await waitForDeployment(deps, request());

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('circuit-breaker');
    expect(result.message).toBe(
      `deployment ${OURS} was rolled back by the ECS deployment circuit breaker (${cbReason}). ` +
        'Stopped tasks: Essential container in task exited (container app exit code 1) [2 tasks]; ' +
        'CannotPullContainerError: pull image manifest has been retried 5 time(s) [1 task]',
    );
    expect(result.stoppedTasks.map((t) => t.taskArn)).toEqual([taskArn('aaa'), taskArn('bbb'), taskArn('ccc')]);
    expect(result.stoppedTasks[0]).toEqual({
      taskArn: taskArn('aaa'),
      taskDefinitionArn: tdArn(2),
      stoppedReason: 'Essential container in task exited',
      stopCode: 'EssentialContainerExited',
      containers: [{ name: 'app', exitCode: 1 }],
    });
    expect(log.messages('info')).toContain('Task aaa stopped: Essential container in task exited (container app exit code 1)');
    // failedTasks rose once (poll 2) and the failure made one last read; the unchanged poll 3 read nothing.
    const lists = ecsMock.commandCalls(ListTasksCommand);
    expect(lists).toHaveLength(2);
    expect(lists[0]!.args[0].input).toEqual({ cluster: CLUSTER, serviceName: SERVICE, desiredStatus: 'STOPPED', maxResults: 100 });
    // Each task is described once: the second DescribeTasks asks only for the new one.
    const describes = ecsMock.commandCalls(DescribeTasksCommand);
    expect(describes.map((c) => c.args[0].input.tasks)).toEqual([[taskArn('aaa'), taskArn('bbb'), taskArn('old')], [taskArn('ccc')]]);
  });

  it('recognises a rollback from the service events when the failed deployment vanished between two polls', async () => {
    const rollback = 'ecs-svc/4444444444444444444';
    ecsMock
      .on(DescribeServicesCommand)
      // Last seen IN_PROGRESS with ECS's "in progress" reason: that stale reason must not be given as the cause.
      .resolvesOnce(described(service([deployment(OURS, { rolloutStateReason: `ECS deployment ${OURS} in progress.` })])))
      .resolves(
        described(
          service(
            [deployment(rollback, { taskDefinition: tdArn(1), runningCount: 2, rolloutState: 'COMPLETED' })],
            [
              event('f1', T0 + 1500, `(service web) (deployment ${OURS}) deployment failed: tasks failed to start.`),
              event('f2', T0 + 1600, `(service web) rolling back to deployment ${OLD}.`),
            ],
          ),
        ),
      );
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [] });
    const result = await waitForDeployment(deps, request());
    expect(result).toMatchObject({
      ok: false,
      reason: 'circuit-breaker',
      message: `deployment ${OURS} was rolled back by the ECS deployment circuit breaker`,
      stoppedTasks: [],
    });
    expect(awsEvents()).toHaveLength(2);
  });
});

describe('waitForDeployment: deadline and cancellation (S7, S10)', () => {
  it('times out at the deadline, naming how long it waited and the last state seen', async () => {
    ecsMock.on(DescribeServicesCommand).resolves(described(service([deployment(OURS, { runningCount: 1, pendingCount: 1 })])));
    const result = await waitForDeployment(deps, request({ deadline: new Deadline(time.clock, 5 * 60_000) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('timeout');
    expect(result.message).toBe(
      `timed out after waiting 5m for deployment ${OURS} of service web to reach a steady state ` +
        "(the action's deadline, timeout-minutes, is 5m); " +
        `last seen: Deployment ${OURS}: desired 2, pending 1, running 1, rollout IN_PROGRESS`,
    );
    expect(time.clock.now()).toBe(T0 + 5 * 60_000);
    // The last poll happens at the deadline itself: 0 s, 2.2 s, ... 299.2 s, then 300 s.
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(138);
    expect(result.service?.serviceName).toBe(SERVICE);
  });

  it('stops promptly when the signal aborts during a poll, making no further call', async () => {
    const controller = new AbortController();
    let calls = 0;
    ecsMock.on(DescribeServicesCommand).callsFake(async () => {
      calls += 1;
      if (calls === 3) controller.abort(new Error('The workflow was cancelled (SIGINT received)'));
      return described(service([deployment(OURS)]));
    });
    const result = await waitForDeployment(deps, request({ signal: controller.signal }));
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
    if (!result.ok) {
      expect(result.message).toBe(
        `cancelled after 4s while waiting for deployment ${OURS} of service web to reach a steady state: The workflow was cancelled (SIGINT received)`,
      );
    }
    expect(calls).toBe(3);
    expect(time.sleeps).toEqual([2200, 2200]);
  });

  it('stops promptly when the signal aborts while sleeping, and when the aborted request rejects', async () => {
    const controller = new AbortController();
    time.onSleep = (_ms, now) => {
      if (now - T0 >= 6000) controller.abort(new Error('cancelled'));
    };
    ecsMock.on(DescribeServicesCommand).resolves(described(service([deployment(OURS)])));
    const result = await waitForDeployment(deps, request({ signal: controller.signal }));
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(3);

    ecsMock.reset();
    const second = new AbortController();
    ecsMock.on(DescribeServicesCommand).callsFake(async () => {
      second.abort(new Error('cancelled'));
      throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    });
    const aborted = await waitForDeployment(deps, request({ signal: second.signal }));
    expect(aborted).toMatchObject({ ok: false, reason: 'cancelled' });
    // The SDK request carries the signal.
    expect((ecsMock.commandCalls(DescribeServicesCommand)[0]!.args as unknown[])[1]).toEqual({ abortSignal: second.signal });
  });
});
