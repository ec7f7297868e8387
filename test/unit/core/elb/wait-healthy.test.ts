import { beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import type { Task } from '@aws-sdk/client-ecs';
import { DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { TargetHealthDescription } from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { Deadline } from '../../../../src/core/time.js';
import {
  describeTargetReport,
  expectedTargetOf,
  matchTargets,
  serviceTargets,
  waitForHealthyTargets,
} from '../../../../src/core/elb/index.js';
import type { TargetReport } from '../../../../src/core/elb/index.js';
import { FakeTime } from '../../../helpers/fakes.js';
import { BLUE_TG } from './fixtures.js';

const elbMock = mockClient(ElasticLoadBalancingV2Client);
const ecsMock = mockClient(ECSClient);
const elb = new ElasticLoadBalancingV2Client({ region: 'us-east-1' });
const ecs = new ECSClient({ region: 'us-east-1' });
const binding = { containerName: 'web', containerPort: 8080 };
const TASK = (n: number): string => `arn:aws:ecs:us-east-1:123456789012:task/prod/${String(n).repeat(32).slice(0, 32)}`;

function awsvpcTask(n: number, ip: string): Task {
  return {
    taskArn: TASK(n),
    desiredStatus: 'RUNNING',
    lastStatus: 'RUNNING',
    attachments: [{ type: 'ElasticNetworkInterface', details: [{ name: 'privateIPv4Address', value: ip }] }],
    containers: [{ name: 'web', networkInterfaces: [{ privateIpv4Address: ip }] }],
  };
}

function bridgeTask(n: number, hostPort: number | undefined): Task {
  return {
    taskArn: TASK(n),
    desiredStatus: 'RUNNING',
    containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/prod/ci${n}`,
    containers: [{ name: 'web', networkBindings: hostPort === undefined ? [] : [{ containerPort: 8080, hostPort }] }],
  };
}

const target = (id: string, port: number, State: string, Reason?: string, Description?: string): TargetHealthDescription =>
  ({ Target: { Id: id, Port: port }, TargetHealth: { State, ...(Reason ? { Reason } : {}), ...(Description ? { Description } : {}) } }) as TargetHealthDescription;

beforeEach(() => {
  elbMock.reset();
  ecsMock.reset();
});

describe('targets of tasks', () => {
  it('are the private IP and container port of an awsvpc task', () => {
    expect(expectedTargetOf(awsvpcTask(1, '10.0.1.5'), binding)).toEqual({ taskArn: TASK(1), id: '10.0.1.5', port: 8080 });
    const noAttachment = { ...awsvpcTask(2, '10.0.1.6'), attachments: [] };
    expect(expectedTargetOf(noAttachment, binding).id).toBe('10.0.1.6');
  });

  it('are the instance and the host port of a bridge task, matched by port alone when the instance is unknown', () => {
    const instanceIdOf = (arn: string): string | undefined => (arn.endsWith('ci1') ? 'i-0abc' : undefined);
    expect(expectedTargetOf(bridgeTask(1, 32768), binding, instanceIdOf)).toEqual({ taskArn: TASK(1), id: 'i-0abc', port: 32768 });
    expect(expectedTargetOf(bridgeTask(2, 32769), binding, instanceIdOf)).toEqual({ taskArn: TASK(2), port: 32769, byPortAlone: true });
    expect(expectedTargetOf(bridgeTask(3, undefined), binding)).toEqual({ taskArn: TASK(3), id: undefined, port: 8080 });
  });

  it('are matched to registered targets, never by a port several targets share', () => {
    const registered = [target('i-1', 8080, 'healthy'), target('i-2', 8080, 'healthy'), target('i-3', 32769, 'initial', 'Elb.InitialHealthChecking')];
    const reports = matchTargets(
      [
        { taskArn: TASK(1), port: 8080, byPortAlone: true },
        { taskArn: TASK(2), port: 32769, byPortAlone: true },
        { taskArn: TASK(3), id: '10.0.0.9', port: 8080 },
        { taskArn: TASK(4), id: undefined, port: 8080 },
      ],
      registered,
    );
    expect(reports.map((r) => r.state)).toEqual(['unknown', 'initial', 'not-registered', 'unknown']);
    expect(reports[0]?.description).toContain("2 targets use port 8080; the task's instance id is needed");
    expect(reports[1]).toMatchObject({ id: 'i-3', port: 32769, reason: 'Elb.InitialHealthChecking' });
    expect(describeTargetReport(reports[1] as TargetReport)).toBe('i-3:32769 (task 22222222222222222222222222222222) initial: Elb.InitialHealthChecking');
  });
});

describe('waitForHealthyTargets', () => {
  function tasks(...list: Task[]): void {
    ecsMock.on(ListTasksCommand).resolves({ taskArns: list.map((t) => t.taskArn ?? '') });
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: list });
  }

  function health(...rounds: TargetHealthDescription[][]): void {
    let chain = elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: BLUE_TG });
    for (const round of rounds.slice(0, -1)) chain = chain.resolvesOnce({ TargetHealthDescriptions: round });
    chain.resolves({ TargetHealthDescriptions: rounds[rounds.length - 1] ?? [] });
  }

  const request = (extra: object = {}) => ({
    targetGroupArn: BLUE_TG,
    targets: serviceTargets(ecs, { cluster: 'prod', service: 'web', ...binding }),
    ...extra,
  });

  it("ends when every task's target is healthy, reading the tasks again only while a target is missing", async () => {
    const time = new FakeTime();
    tasks(awsvpcTask(1, '10.0.1.5'), awsvpcTask(2, '10.0.1.6'));
    health(
      [target('10.0.1.5', 8080, 'initial', 'Elb.RegistrationInProgress')],
      [target('10.0.1.5', 8080, 'initial', 'Elb.InitialHealthChecking'), target('10.0.1.6', 8080, 'initial', 'Elb.RegistrationInProgress')],
      [target('10.0.1.5', 8080, 'healthy'), target('10.0.1.6', 8080, 'initial', 'Elb.InitialHealthChecking')],
      [target('10.0.1.5', 8080, 'healthy'), target('10.0.1.6', 8080, 'healthy')],
    );
    const changes: string[] = [];
    const calls: string[] = [];
    const end = await waitForHealthyTargets(
      { elb, clock: time.clock, sleep: time.sleep },
      request({ minimum: 2, onChange: (r: TargetReport) => changes.push(`${r.id ?? '-'} ${r.state} ${r.reason ?? ''}`.trim()) }),
      { deadline: new Deadline(time.clock, 60_000), intervalMs: 1000, onCall: (op) => calls.push(op) },
    );
    expect(end.kind).toBe('healthy');
    expect(end.rounds).toBe(4);
    expect(end.targets.map((t) => `${t.id ?? ''}:${t.state}`)).toEqual(['10.0.1.5:healthy', '10.0.1.6:healthy']);
    expect(changes).toEqual([
      '10.0.1.5 initial Elb.RegistrationInProgress',
      '- not-registered',
      '10.0.1.5 initial Elb.InitialHealthChecking',
      '10.0.1.6 initial Elb.RegistrationInProgress',
      '10.0.1.5 healthy',
      '10.0.1.6 initial Elb.InitialHealthChecking',
      '10.0.1.6 healthy',
    ]);
    // Tasks are read on the first round and after the round that found one not registered.
    expect(ecsMock.commandCalls(ListTasksCommand)).toHaveLength(2);
    expect(calls.filter((op) => op === 'DescribeTargetHealth')).toHaveLength(4);
    expect(calls.filter((op) => op === 'DescribeTasks')).toHaveLength(2);
    expect(time.sleeps).toEqual([1000, 1000, 1000]);
  });

  it('waits for at least the minimum, and fails fast on an unhealthy target when asked to', async () => {
    const time = new FakeTime();
    tasks(awsvpcTask(1, '10.0.1.5'));
    health([target('10.0.1.5', 8080, 'healthy')], [target('10.0.1.5', 8080, 'unhealthy', 'Target.FailedHealthChecks', 'Health checks failed')]);
    const end = await waitForHealthyTargets({ elb, clock: time.clock, sleep: time.sleep }, request({ minimum: 2, failOnUnhealthy: true }), {
      deadline: new Deadline(time.clock, 60_000),
      intervalMs: 1000,
    });
    expect(end.kind).toBe('unhealthy');
    expect(end.rounds).toBe(2);
    expect(end.targets.map(describeTargetReport)).toEqual([
      `10.0.1.5:8080 (task ${'1'.repeat(32)}) unhealthy: Target.FailedHealthChecks (Health checks failed)`,
    ]);
  });

  it('reports the last states at the deadline, and ends at once when cancelled', async () => {
    const time = new FakeTime();
    tasks(awsvpcTask(1, '10.0.1.5'));
    health([target('10.0.1.5', 8080, 'unhealthy', 'Target.FailedHealthChecks')]);
    const timeout = await waitForHealthyTargets({ elb, clock: time.clock, sleep: time.sleep }, request(), {
      deadline: new Deadline(time.clock, 5_000),
      intervalMs: 1000,
    });
    expect(timeout.kind).toBe('timeout');
    expect(timeout.targets[0]).toMatchObject({ state: 'unhealthy', reason: 'Target.FailedHealthChecks' });
    expect(time.totalSlept()).toBe(5_000);

    const cancel = new AbortController();
    cancel.abort();
    const cancelled = await waitForHealthyTargets({ elb, clock: time.clock, sleep: time.sleep }, request(), {
      deadline: new Deadline(time.clock, 5_000),
      signal: cancel.signal,
    });
    expect(cancelled).toEqual({ kind: 'cancelled', targets: [], rounds: 0 });
  });

  it('never ends healthy while the service has no task', async () => {
    const time = new FakeTime();
    tasks();
    health([]);
    const end = await waitForHealthyTargets({ elb, clock: time.clock, sleep: time.sleep }, request(), {
      deadline: new Deadline(time.clock, 3_000),
      intervalMs: 1000,
    });
    expect(end.kind).toBe('timeout');
    expect(ecsMock.commandCalls(DescribeTasksCommand)).toHaveLength(0);
  });
});
