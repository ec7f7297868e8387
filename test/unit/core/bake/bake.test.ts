import { beforeEach, describe, expect, it } from '@jest/globals';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeServicesCommand, DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import type { Task } from '@aws-sdk/client-ecs';
import { DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { bake } from '../../../../src/core/bake/index.js';
import type { BakeDeps, BakePlan } from '../../../../src/core/bake/index.js';
import { Deadline } from '../../../../src/core/time.js';
import { FakeTime, RecordingLogger } from '../../../helpers/fakes.js';

const ecsMock = mockClient(ECSClient);
const elbMock = mockClient(ElasticLoadBalancingV2Client);
const cwMock = mockClient(CloudWatchClient);
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/0123456789abcdef';
const TASK = 'arn:aws:ecs:us-east-1:123456789012:task/prod/aaaabbbbccccddddeeeeffff00001111';

function task(over: Partial<Task> = {}): Task {
  return {
    taskArn: TASK,
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    attachments: [{ type: 'ElasticNetworkInterface', details: [{ name: 'privateIPv4Address', value: '10.0.0.7' }] }],
    ...over,
  };
}

function setup(): { deps: BakeDeps; time: FakeTime; log: RecordingLogger; plan: (o?: Partial<BakePlan>) => BakePlan } {
  const time = new FakeTime(1_000_000);
  const log = new RecordingLogger();
  const deps: BakeDeps = {
    ecs: new ECSClient({ region: 'us-east-1' }),
    elb: new ElasticLoadBalancingV2Client({ region: 'us-east-1' }),
    cloudwatch: new CloudWatchClient({ region: 'us-east-1' }),
    clock: time.clock,
    sleep: time.sleep,
    log,
  };
  const plan = (o: Partial<BakePlan> = {}): BakePlan => ({
    durationMs: 30_000,
    deadline: new Deadline(time.clock, 600_000),
    cluster: 'prod',
    serviceName: 'webCanary',
    targetGroupArns: [TG],
    alarms: ['web-5xx'],
    label: 'canary service webCanary',
    ...o,
  });
  return { deps, time, log, plan };
}

beforeEach(() => {
  ecsMock.reset();
  elbMock.reset();
  cwMock.reset();
  ecsMock.on(DescribeServicesCommand).resolves({
    services: [{ serviceName: 'webCanary', status: 'ACTIVE', loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 8080 }] }],
  });
  ecsMock.on(ListTasksCommand).resolves({ taskArns: [TASK] });
  ecsMock.on(DescribeTasksCommand).resolves({ tasks: [task()] });
  elbMock.on(DescribeTargetHealthCommand).resolves({
    TargetHealthDescriptions: [
      { Target: { Id: '10.0.0.7', Port: 8080 }, TargetHealth: { State: 'healthy' } },
      { Target: { Id: '10.0.0.8', Port: 8080 }, TargetHealth: { State: 'healthy' } },
    ],
  });
  cwMock.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [{ AlarmName: 'web-5xx', StateValue: 'OK' }] });
});

describe('bake (C1)', () => {
  it('passes after the whole duration when tasks run, targets stay healthy and alarms stay OK, counting down', async () => {
    const { deps, time, log, plan } = setup();
    const started = time.clock.now();
    expect(await bake(deps, plan())).toEqual({ ok: true });
    expect(time.clock.now() - started).toBe(30_000);
    const lines = log.messages('info');
    expect(lines).toContain('Watching 1 task of service webCanary: aaaabbbbccccddddeeeeffff00001111');
    expect(lines).toContain('Bake: 30s left — 1 task running; target group web-tg: 1 of 1 healthy (2 targets in the group); alarms OK (web-5xx)');
    expect(lines).toContain('Bake: done — 1 task running; target group web-tg: 1 of 1 healthy (2 targets in the group); alarms OK (web-5xx)');
    expect(lines.at(-1)).toBe('Bake of canary service webCanary passed: 30s without a problem');
    // The service and its tasks are read once; then every round reads the tasks, the target group and the alarms.
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(1);
    expect(ecsMock.commandCalls(ListTasksCommand)).toHaveLength(1);
    const rounds = ecsMock.commandCalls(DescribeTasksCommand).length;
    expect(rounds).toBeGreaterThan(3);
    expect(elbMock.commandCalls(DescribeTargetHealthCommand)).toHaveLength(rounds);
    expect(cwMock.commandCalls(DescribeAlarmsCommand)).toHaveLength(rounds);
  });

  it('does nothing when the duration is 0', async () => {
    const { deps, plan } = setup();
    expect(await bake(deps, plan({ durationMs: 0 }))).toEqual({ ok: true });
    expect(ecsMock.calls()).toHaveLength(0);
  });

  it('fails as soon as an alarm is in ALARM, naming it and its reason', async () => {
    const { deps, time, plan } = setup();
    cwMock
      .on(DescribeAlarmsCommand)
      .resolvesOnce({ MetricAlarms: [{ AlarmName: 'web-5xx', StateValue: 'OK' }] })
      .resolves({ MetricAlarms: [{ AlarmName: 'web-5xx', StateValue: 'ALARM', StateReason: 'Threshold Crossed' }] });
    const started = time.clock.now();
    const result = await bake(deps, plan());
    expect(result).toEqual({ ok: false, cause: 'CloudWatch alarm web-5xx is in ALARM (Threshold Crossed) during the bake of canary service webCanary' });
    expect(time.clock.now() - started).toBeLessThan(10_000);
  });

  it('fails when a task stops, with its stop reason', async () => {
    const { deps, plan } = setup();
    ecsMock
      .on(DescribeTasksCommand)
      .resolvesOnce({ tasks: [task()] })
      .resolves({
        tasks: [task({ lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedReason: 'Essential container in task exited', containers: [{ name: 'web', exitCode: 137 }] })],
      });
    const result = await bake(deps, plan());
    expect(result).toEqual({
      ok: false,
      cause: 'canary service webCanary: task aaaabbbbccccddddeeeeffff00001111 stopped: Essential container in task exited (container web exit code 137)',
    });
  });

  it('fails when a target of the service turns unhealthy, but not for other targets of the group', async () => {
    const { deps, plan } = setup();
    elbMock
      .on(DescribeTargetHealthCommand)
      .resolvesOnce({
        TargetHealthDescriptions: [
          { Target: { Id: '10.0.0.7', Port: 8080 }, TargetHealth: { State: 'healthy' } },
          { Target: { Id: '10.0.0.8', Port: 8080 }, TargetHealth: { State: 'unhealthy' } },
        ],
      })
      .resolves({
        TargetHealthDescriptions: [{ Target: { Id: '10.0.0.7', Port: 8080 }, TargetHealth: { State: 'unhealthy', Reason: 'Target.FailedHealthChecks' } }],
      });
    const result = await bake(deps, plan({ alarms: [] }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.cause).toBe(
      'canary service webCanary: target 10.0.0.7:8080 (task aaaabbbbccccddddeeeeffff00001111) unhealthy: Target.FailedHealthChecks in target group web-tg',
    );
    expect(cwMock.commandCalls(DescribeAlarmsCommand)).toHaveLength(0);
  });

  it('fails when the service has no running task or does not use the target group', async () => {
    const { deps, plan } = setup();
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [] });
    expect(await bake(deps, plan())).toEqual({ ok: false, cause: 'canary service webCanary: service webCanary has no running task to bake' });
    const other = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/other/0123456789abcdef';
    expect(await bake(deps, plan({ targetGroupArns: [other] }))).toEqual({
      ok: false,
      cause: `canary service webCanary: target group ${other} is not one of service webCanary's load balancers`,
    });
  });

  it('ends at once, cancelled, when the signal aborts', async () => {
    const { deps, time, plan } = setup();
    const controller = new AbortController();
    time.onSleep = (_ms, now) => {
      if (now > 1_010_000) controller.abort(new Error('cancelled'));
    };
    const result = await bake({ ...deps, signal: controller.signal }, plan());
    expect(result).toMatchObject({ ok: false, cancelled: true });
    expect(!result.ok && result.cause).toMatch(/^the workflow was cancelled 1\d+s into the bake of canary service webCanary$/);
  });

  it('fails when timeout-minutes runs out before the bake is over', async () => {
    const { deps, time, log, plan } = setup();
    const result = await bake(deps, plan({ deadline: new Deadline(time.clock, 12_000) }));
    expect(result).toEqual({ ok: false, cause: 'timeout-minutes ran out 12s into the 30s bake of canary service webCanary' });
    expect(log.messages('warning')).toEqual(['Only 12s of timeout-minutes is left: the bake cannot finish in time']);
  });

  it('rides out a throttled read', async () => {
    const { deps, plan } = setup();
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } });
    cwMock.on(DescribeAlarmsCommand).rejectsOnce(throttled).resolves({ MetricAlarms: [{ AlarmName: 'web-5xx', StateValue: 'OK' }] });
    expect(await bake(deps, plan())).toEqual({ ok: true });
  });
});
