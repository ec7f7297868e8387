import { beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { waitForServiceInactive } from '../../../../../src/core/deploy/watch/index.js';
import type { WatchDeps } from '../../../../../src/core/deploy/watch/index.js';
import { Deadline } from '../../../../../src/core/time.js';
import { FakeTime, RecordingLogger } from '../../../../helpers/fakes.js';
import { CLUSTER, SERVICE, T0, deployment, described, event, missing, service } from '../../../../helpers/ecs-watch-fixtures.js';

const ecsMock = mockClient(ECSClient);
let time: FakeTime;
let log: RecordingLogger;
let deps: WatchDeps;

beforeEach(() => {
  ecsMock.reset();
  time = new FakeTime(T0);
  log = new RecordingLogger();
  deps = { ecs: new ECSClient({ region: 'us-east-1' }), clock: time.clock, sleep: time.sleep, log };
});

const draining = (running: number) =>
  service([deployment('ecs-svc/1', { desiredCount: 0, runningCount: running })], [], {
    status: 'DRAINING',
    desiredCount: 0,
    runningCount: running,
  });

const req = (timeoutMs = 10 * 60_000) => ({ cluster: CLUSTER, service: SERVICE, deadline: new Deadline(time.clock, timeoutMs) });

describe('waitForServiceInactive', () => {
  it('waits while the service drains and succeeds when it is INACTIVE, printing progress and events', async () => {
    const stopping = event('s1', T0 + 500, '(service web) has stopped 2 running tasks: (task a) (task b).');
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(described(draining(2)))
      .resolvesOnce(described({ ...draining(0), events: [stopping] }))
      .resolvesOnce(described({ ...draining(0), events: [stopping] }))
      .resolves(described({ ...draining(0), status: 'INACTIVE', events: [stopping] }));
    const result = await waitForServiceInactive(deps, req());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.service.status).toBe('INACTIVE');
      expect(result.durationMs).toBe(6600);
    }
    expect(log.messages('info')).toEqual([
      'Service web: status DRAINING, desired 0, pending 0, running 2',
      '# AWS Event: 2024-05-01 12:00:00.500 (service web) has stopped 2 running tasks: (task a) (task b).',
      'Service web: status DRAINING, desired 0, pending 0, running 0',
    ]);
  });

  it('treats a service ECS reports MISSING as gone', async () => {
    ecsMock.on(DescribeServicesCommand).resolvesOnce(described(draining(1))).resolves(missing());
    const result = await waitForServiceInactive(deps, req());
    expect(result).toMatchObject({ ok: true, service: { serviceName: SERVICE, status: 'INACTIVE' }, deployment: {} });
    expect(time.sleeps).toEqual([2200]);
  });

  it('fails as replaced when a draining service becomes ACTIVE again', async () => {
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(described(draining(1)))
      .resolves(described(service([deployment('ecs-svc/9')])));
    const result = await waitForServiceInactive(deps, req());
    expect(result).toMatchObject({ ok: false, reason: 'replaced' });
  });

  it('times out with the deadline and the last status seen', async () => {
    ecsMock.on(DescribeServicesCommand).resolves(described(draining(1)));
    const result = await waitForServiceInactive(deps, req(90_000));
    expect(result).toMatchObject({
      ok: false,
      reason: 'timeout',
      message:
        "timed out after waiting 1m 30s for service web to become INACTIVE (the action's deadline, timeout-minutes, is 1m 30s); " +
        'last seen: status DRAINING, desired 0, pending 0, running 1',
      stoppedTasks: [],
    });
  });

  it('does not print again the events given as seen (e.g. printed by the wait on a failed first deployment)', async () => {
    const failedTask = event('e1', T0 - 5_000, '(service web) has started 1 tasks: (task a).');
    const stopped = event('e2', T0 - 1_000, '(service web) deployment ecs-svc/1 deployment failed: tasks failed to start.');
    const drained = event('e3', T0 + 500, '(service web) has stopped 1 running tasks: (task a).');
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(described({ ...draining(1), events: [stopped, failedTask] }))
      .resolves(described({ ...draining(0), status: 'INACTIVE', events: [drained, stopped, failedTask] }));
    const result = await waitForServiceInactive(deps, { ...req(), seenEventIds: ['e1', 'e2'] });
    expect(result.ok).toBe(true);
    const printed = log.messages('info').filter((m) => m.startsWith('# AWS Event'));
    expect(printed).toEqual(['# AWS Event: 2024-05-01 12:00:00.500 (service web) has stopped 1 running tasks: (task a).']);
  });

  it('without seen ids prints the events of the last minute (so a caller that knows them must pass them)', async () => {
    const recent = event('e1', T0 - 5_000, '(service web) has started 1 tasks: (task a).');
    ecsMock.on(DescribeServicesCommand).resolves(described({ ...draining(0), status: 'INACTIVE', events: [recent] }));
    await waitForServiceInactive(deps, req());
    expect(log.messages('info')).toContain('# AWS Event: 2024-05-01 11:59:55.000 (service web) has started 1 tasks: (task a).');
  });

  it('is cancelled by the signal', async () => {
    const controller = new AbortController();
    time.onSleep = () => controller.abort(new Error('SIGINT'));
    ecsMock.on(DescribeServicesCommand).resolves(described(draining(1)));
    const result = await waitForServiceInactive(deps, { ...req(), signal: controller.signal });
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(1);
  });
});
