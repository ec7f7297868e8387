/**
 * S9 / D4: a wait that times out while ECS cannot place a task names ECS's placement event as the cause (the latest
 * one seen), after the last state seen; a wait without such an event says nothing about placement.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeServicesCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { waitForDeployment, type WatchDeps } from '../../../../../src/core/deploy/watch/index.js';
import { Deadline } from '../../../../../src/core/time.js';
import { FakeTime, RecordingLogger } from '../../../../helpers/fakes.js';
import { CLUSTER, SERVICE, T0, deployment, described, event, service, tdArn } from '../../../../helpers/ecs-watch-fixtures.js';

const ecsMock = mockClient(ECSClient);
const OURS = 'ecs-svc/2222222222222222222';
const PORT =
  '(service web) was unable to place a task because no container instance met all of its requirements. The closest matching ' +
  '(container-instance 0123456789abcdef0123456789abcdef) is already using a port required by your task. For more information, ' +
  'see the Troubleshooting section of the Amazon ECS Developer Guide.';
const MEMORY = PORT.replace('is already using a port required by your task.', 'has insufficient memory available.');

let time: FakeTime;
let log: RecordingLogger;
let deps: WatchDeps;

beforeEach(() => {
  ecsMock.reset();
  ecsMock.on(ListTasksCommand).resolves({ taskArns: [] });
  time = new FakeTime(T0);
  log = new RecordingLogger();
  deps = { ecs: new ECSClient({ region: 'us-east-1' }), clock: time.clock, sleep: time.sleep, log };
});

const request = (): Parameters<typeof waitForDeployment>[1] => ({
  cluster: CLUSTER,
  service: SERVICE,
  deploymentId: OURS,
  taskDefinitionArn: tdArn(2),
  deadline: new Deadline(time.clock, 60_000),
});

describe('a timeout while ECS cannot place a task (S9)', () => {
  it('names the latest placement event as the cause, after the last state seen', async () => {
    const short = deployment(OURS, { runningCount: 1, pendingCount: 0, desiredCount: 2 });
    ecsMock
      .on(DescribeServicesCommand)
      .resolvesOnce(described(service([short], [event('p1', T0 + 100, MEMORY)])))
      .resolves(described(service([short], [event('p2', T0 + 5000, PORT), event('p1', T0 + 100, MEMORY)])));
    const result = await waitForDeployment(deps, request());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('timeout');
    expect(result.message).toMatch(/^timed out after waiting 1m for deployment .* last seen: Deployment .*desired 2, pending 0, running 1/);
    expect(result.message.endsWith(`; ECS could not place a task: ${PORT}`)).toBe(true);
    expect(log.messages('info').filter((m) => m.includes('unable to place a task'))).toHaveLength(2);
  });

  it('says nothing about placement when ECS reported none', async () => {
    ecsMock.on(DescribeServicesCommand).resolves(described(service([deployment(OURS, { runningCount: 1, pendingCount: 1 })])));
    const result = await waitForDeployment(deps, request());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).not.toContain('could not place');
  });
});
