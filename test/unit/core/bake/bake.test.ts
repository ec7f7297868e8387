/**
 * src/core/bake (C1, B5): a bake passes when the service's tasks keep running as healthy targets and no alarm goes
 * to ALARM for the whole duration, and ends at the first problem.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeServicesCommand, DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import { DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { bake, type BakeDeps, type BakePlan } from '../../../../src/core/bake/index.js';
import { Deadline } from '../../../../src/core/time.js';
import { FakeTime, RecordingLogger } from '../../../helpers/fakes.js';

const ecsMock = mockClient(ECSClient);
const elbMock = mockClient(ElasticLoadBalancingV2Client);
const cwMock = mockClient(CloudWatchClient);
const TG = 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/stage/1';
const TASK = 'arn:aws:ecs:us-east-1:1:task/prod/0123456789abcdef0123456789abcdef';

let time: FakeTime;
let deps: BakeDeps;
let plan: BakePlan;

beforeEach(() => {
  ecsMock.reset();
  elbMock.reset();
  cwMock.reset();
  time = new FakeTime();
  deps = {
    ecs: new ECSClient({ region: 'us-east-1' }),
    elb: new ElasticLoadBalancingV2Client({ region: 'us-east-1' }),
    cloudwatch: new CloudWatchClient({ region: 'us-east-1' }),
    clock: time.clock,
    sleep: time.sleep,
    log: new RecordingLogger(),
    signal: new AbortController().signal,
  };
  plan = { durationMs: 30_000, deadline: new Deadline(time.clock, 600_000), cluster: 'prod', serviceName: 'shop__2', targetGroupArns: [TG], alarms: ['shop-5xx'], label: 'step 1' };
  ecsMock.on(DescribeServicesCommand).resolves({
    services: [{ serviceName: 'shop__2', status: 'ACTIVE', desiredCount: 1, runningCount: 1, loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 8080 }] }],
  });
  ecsMock.on(ListTasksCommand).resolves({ taskArns: [TASK] });
  ecsMock.on(DescribeTasksCommand).resolves({
    tasks: [{ taskArn: TASK, desiredStatus: 'RUNNING', containers: [{ name: 'web', networkInterfaces: [{ privateIpv4Address: '10.0.0.5' }] }] }],
  });
  elbMock.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [{ Target: { Id: '10.0.0.5', Port: 8080 }, TargetHealth: { State: 'healthy' } }] });
  cwMock.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [{ AlarmName: 'shop-5xx', StateValue: 'OK' }] });
});

describe('bake', () => {
  it('passes after the whole duration with every check passing', async () => {
    expect(await bake(deps, plan)).toEqual({ ok: true });
    expect(time.totalSlept()).toBeGreaterThanOrEqual(30_000);
    expect(cwMock.commandCalls(DescribeAlarmsCommand).length).toBeGreaterThan(3);
  });

  it('ends as soon as an alarm is in ALARM, naming it and its reason', async () => {
    cwMock.on(DescribeAlarmsCommand).resolvesOnce({ MetricAlarms: [{ AlarmName: 'shop-5xx', StateValue: 'OK' }] }).resolves({
      MetricAlarms: [{ AlarmName: 'shop-5xx', StateValue: 'ALARM', StateReason: 'Threshold Crossed' }],
    });
    const r = await bake(deps, plan);
    expect(r).toEqual({ ok: false, cause: 'step 1: alarm shop-5xx is in ALARM (Threshold Crossed)' });
    expect(time.totalSlept()).toBeLessThan(30_000);
  });

  it('ends when a target is not healthy, or tasks stopped', async () => {
    elbMock.on(DescribeTargetHealthCommand).resolves({ TargetHealthDescriptions: [{ Target: { Id: '10.0.0.5', Port: 8080 }, TargetHealth: { State: 'unhealthy', Reason: 'Target.FailedHealthChecks' } }] });
    expect(await bake(deps, plan)).toMatchObject({ ok: false, cause: expect.stringContaining('unhealthy: Target.FailedHealthChecks') });
    ecsMock.on(DescribeServicesCommand).resolves({ services: [{ serviceName: 'shop__2', status: 'ACTIVE', desiredCount: 2, runningCount: 1 }] });
    expect(await bake(deps, plan)).toMatchObject({ ok: false, cause: expect.stringContaining('runs 1 of 2 tasks') });
  });

  it('says it was cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await bake({ ...deps, signal: controller.signal }, plan)).toMatchObject({ ok: false, cancelled: true });
  });
});
