import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  AccessDeniedException,
  ClusterNotFoundException,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import type { DescribeTasksCommandInput } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { waitForDeployment } from '../../../../../src/core/deploy/watch/index.js';
import type { WatchDeps, WatchRequest } from '../../../../../src/core/deploy/watch/index.js';
import { Deadline } from '../../../../../src/core/time.js';
import { FakeTime, RecordingLogger } from '../../../../helpers/fakes.js';
import {
  CLUSTER,
  SERVICE,
  T0,
  deployment,
  described,
  retryableThrottle,
  service,
  serviceUnavailable,
  stoppedTask,
  taskArn,
  tdArn,
  throttlingError,
} from '../../../../helpers/ecs-watch-fixtures.js';

const ecsMock = mockClient(ECSClient);
const OURS = 'ecs-svc/2222222222222222222';
const inProgress = described(service([deployment(OURS, { pendingCount: 2 })]));
const completed = described(service([deployment(OURS, { runningCount: 2, rolloutState: 'COMPLETED' })]));

let time: FakeTime;
let log: RecordingLogger;
let deps: WatchDeps;

beforeEach(() => {
  ecsMock.reset();
  time = new FakeTime(T0);
  log = new RecordingLogger();
  deps = { ecs: new ECSClient({ region: 'us-east-1' }), clock: time.clock, sleep: time.sleep, log };
});

function request(timeoutMs = 30 * 60_000): WatchRequest {
  return {
    cluster: CLUSTER,
    service: SERVICE,
    deploymentId: OURS,
    taskDefinitionArn: tdArn(2),
    deadline: new Deadline(time.clock, timeoutMs),
  };
}

describe('waitForDeployment: throttling and transient errors (S7)', () => {
  it('doubles the interval on ThrottlingException up to 15 s, then returns to 2 s step by step', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .rejectsOnce(throttlingError())
      .rejectsOnce(retryableThrottle())
      .rejectsOnce(throttlingError())
      .resolvesOnce(inProgress)
      .resolvesOnce(inProgress)
      .resolvesOnce(inProgress)
      .resolves(completed);
    const result = await waitForDeployment(deps, request());
    expect(result.ok).toBe(true);
    expect(time.sleeps).toEqual([4400, 8800, 15_000, 7500, 3750, 2200]);
    expect(log.messages('debug').filter((m) => m.startsWith('Throttled'))).toHaveLength(3);
  });

  it('retries transient server errors within the deadline and says so', async () => {
    ecsMock.on(DescribeServicesCommand).rejectsOnce(serviceUnavailable()).resolves(completed);
    const result = await waitForDeployment(deps, request());
    expect(result.ok).toBe(true);
    expect(time.sleeps).toEqual([4400]);
    expect(log.messages('warning')).toEqual([
      'Transient error while polling service web (ServiceUnavailable: Service Unavailable (HTTP 503)); next poll in 4s',
    ]);
  });

  it('times out when throttling never stops, naming the last error', async () => {
    ecsMock.on(DescribeServicesCommand).rejects(throttlingError());
    const result = await waitForDeployment(deps, request(60_000));
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    if (!result.ok) expect(result.message).toContain('last error: ThrottlingException: Rate exceeded');
    expect(time.sleeps.every((ms) => ms <= 15_000)).toBe(true);
    expect(time.clock.now()).toBe(T0 + 60_000);
  });

  it('throws errors that waiting cannot fix', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .rejectsOnce(new ClusterNotFoundException({ message: 'Cluster not found.', $metadata: { httpStatusCode: 400 } }));
    await expect(waitForDeployment(deps, request())).rejects.toThrow('Cluster not found.');
    ecsMock.reset();
    ecsMock
      .on(DescribeServicesCommand)
      .rejectsOnce(new AccessDeniedException({ message: 'not authorized to perform: ecs:DescribeServices', $metadata: {} }));
    await expect(waitForDeployment(deps, request())).rejects.toBeInstanceOf(AccessDeniedException);
  });

  it('keeps waiting when reading stopped tasks is throttled, and gives up on them (warning once) when it is denied', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(described(service([deployment(OURS, { failedTasks: 1 })])))
      .resolvesOnce(described(service([deployment(OURS, { failedTasks: 1 })])))
      .resolvesOnce(described(service([deployment(OURS, { failedTasks: 2 })])))
      .resolves(completed);
    ecsMock
      .on(ListTasksCommand)
      .rejectsOnce(throttlingError())
      .rejectsOnce(new AccessDeniedException({ message: 'no ecs:ListTasks', $metadata: {} }));
    const result = await waitForDeployment(deps, request());
    expect(result.ok).toBe(true);
    // Poll 1: throttled; poll 2: still pending, retried and denied; poll 3: no more attempts.
    expect(ecsMock.commandCalls(ListTasksCommand)).toHaveLength(2);
    expect(log.messages('warning')).toEqual(['Cannot read the stopped tasks of service web: AccessDeniedException: no ecs:ListTasks']);
  });
});

describe('waitForDeployment: read budget over 10 simulated minutes (S7)', () => {
  it('polls DescribeServices every 2.2 s: 274 polls (the last at the deadline) in 10 minutes', async () => {
    ecsMock.on(DescribeServicesCommand).resolves(inProgress);
    const result = await waitForDeployment(deps, request(10 * 60_000));
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(274);
    expect(new Set(time.sleeps.slice(0, -1))).toEqual(new Set([2200]));
    expect(time.sleeps.at(-1)).toBe(600_000 - 272 * 2200); // the rest of the way to the deadline
  });

  it('polls faster only when the caller asks for a shorter interval', async () => {
    ecsMock.on(DescribeServicesCommand).resolvesOnce(inProgress).resolvesOnce(inProgress).resolves(completed);
    const result = await waitForDeployment(deps, { ...request(), pollIntervalMs: 500 });
    expect(result.ok).toBe(true);
    expect(time.sleeps).toEqual([500, 500]);
  });

  it('stays within 30 reads in any minute even when tasks keep failing and every poll reads stopped tasks', async () => {
    const at: number[] = [];
    let polls = 0;
    ecsMock.on(DescribeServicesCommand).callsFake(async () => {
      at.push(time.clock.now());
      polls += 1;
      return described(service([deployment(OURS, { pendingCount: 1, failedTasks: polls })]));
    });
    ecsMock.on(ListTasksCommand).callsFake(async () => {
      at.push(time.clock.now());
      return { taskArns: Array.from({ length: polls }, (_, i) => taskArn(`t${i}`)) };
    });
    ecsMock.on(DescribeTasksCommand).callsFake(async (input: DescribeTasksCommandInput) => {
      at.push(time.clock.now());
      return { tasks: (input.tasks ?? []).map((arn) => stoppedTask(arn.slice(arn.lastIndexOf('/') + 1), { startedBy: OURS })) };
    });

    const result = await waitForDeployment(deps, request(10 * 60_000));

    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    // 30 a minute for 10 minutes, plus the poll (and its two task reads) at the deadline itself.
    expect(at.length).toBeLessThanOrEqual(303);
    expect(at.length).toBeGreaterThan(250); // it did keep polling
    for (const start of at) {
      const inWindow = at.filter((t) => t >= start && t < start + 60_000).length;
      expect(inWindow).toBeLessThanOrEqual(30);
    }
    if (!result.ok) expect(result.stoppedTasks.length).toBe(polls);
  });
});

describe('waitForDeployment: reads that explain failed tasks do not delay the next poll', () => {
  it('polls again one interval after the poll that saw a failed task, although it also read the stopped tasks', async () => {
    const at: number[] = [];
    let polls = 0;
    ecsMock.on(DescribeServicesCommand).callsFake(async () => {
      at.push(time.clock.now());
      polls += 1;
      return polls < 20
        ? described(service([deployment(OURS, { pendingCount: 1, failedTasks: polls >= 15 ? 1 : 0 })]))
        : completed;
    });
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [taskArn('t1')] });
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [stoppedTask('t1', { startedBy: OURS })] });
    const result = await waitForDeployment(deps, request());
    expect(result.ok).toBe(true);
    // Poll 15 saw the failed task and read ListTasks + DescribeTasks; poll 16 still came 2.2 s later.
    expect((at[15] ?? 0) - (at[14] ?? 0)).toBe(2200);
    expect(ecsMock.commandCalls(ListTasksCommand)).toHaveLength(1);
  });
});
