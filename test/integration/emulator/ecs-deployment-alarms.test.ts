/**
 * ECS deployment alarms through the real SDK clients (`deploymentConfiguration.alarms`): stored, validated and
 * described; an alarm that goes into ALARM (SetAlarmState) while a deployment is in progress, or during the bake time
 * after its steady state, fails the deployment, and with `rollback: true` ECS rolls back to the last completed
 * deployment as it does for the circuit breaker. An alarm already in ALARM when the deployment starts is ignored.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import {
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  UpdateServiceCommand,
  type DeploymentAlarms,
  type HealthCheck,
  type Service,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { registerWeb } from '../../helpers/emulator/web-service.js';

let emu: TestEmulator;
let ecs: ECSClient;
let cloudwatch: CloudWatchClient;

beforeAll(async () => {
  emu = await startTestEmulator({ taskStartMs: 1000, speed: 50 });
  ecs = new ECSClient(emu.clientConfig());
  cloudwatch = new CloudWatchClient(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  cloudwatch.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

const network = { awsvpcConfiguration: { subnets: ['subnet-1'] } };

const register = (image: string, healthCheck?: HealthCheck): Promise<string> =>
  registerWeb(ecs, image, healthCheck !== undefined ? { healthCheck } : {});

/** A 5xx alarm: evaluation over `periods` minutes, which is the bake time ECS derives from it here. */
async function putAlarm(name: string, periods = 1): Promise<void> {
  await cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: periods,
      Threshold: 10,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );
}

const setAlarm = (name: string, state: 'OK' | 'ALARM'): Promise<unknown> =>
  cloudwatch.send(new SetAlarmStateCommand({ AlarmName: name, StateValue: state, StateReason: `test sets ${state}` }));

async function service(): Promise<Service> {
  const s = (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services?.[0];
  if (!s) throw new Error('service missing');
  return s;
}

const completed = (notId?: string): Promise<Service> =>
  eventually(
    'a completed deployment',
    async () => {
      const s = await service();
      const only = s.deployments?.length === 1 ? s.deployments[0] : undefined;
      return only?.rolloutState === 'COMPLETED' && only.id !== notId && s.runningCount === s.desiredCount ? s : undefined;
    },
    20_000,
  );

async function create(taskDefinition: string, alarms: DeploymentAlarms): Promise<string> {
  const deploymentConfiguration = { alarms };
  await ecs.send(new CreateServiceCommand({ serviceName: 'web', taskDefinition, desiredCount: 2, launchType: 'FARGATE', networkConfiguration: network, deploymentConfiguration }));
  return (await completed()).deployments?.[0]?.id ?? '';
}

async function update(taskDefinition: string): Promise<string> {
  const out = await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition }));
  return out.service?.deployments?.find((d) => d.status === 'PRIMARY')?.id ?? '';
}

async function latestServiceDeployment(): Promise<ServiceDeployment | undefined> {
  const briefs = (await ecs.send(new ListServiceDeploymentsCommand({ service: 'web' }))).serviceDeployments ?? [];
  const arn = briefs[0]?.serviceDeploymentArn ?? '';
  return (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))).serviceDeployments?.[0];
}

const messages = (s: Service): string[] => (s.events ?? []).map((e) => e.message ?? '');

describe('deploymentConfiguration.alarms is stored, validated and described', () => {
  it('keeps the alarms as given (names need not exist yet) and records them on the service deployment', async () => {
    const v1 = await register('app:v1');
    const alarms = { alarmNames: ['web-5xx', 'not-created-yet'], enable: true, rollback: true };
    await create(v1, alarms);
    expect((await service()).deploymentConfiguration?.alarms).toEqual(alarms);
    expect((await latestServiceDeployment())?.alarms).toEqual({
      status: 'MONITORING_COMPLETE',
      alarmNames: ['web-5xx', 'not-created-yet'],
      triggeredAlarmNames: [],
    });
  });

  it('refuses alarms without all of alarmNames, enable and rollback, and on an EXTERNAL service', async () => {
    const v1 = await register('app:v1');
    const refused = async (deploymentConfiguration: object, extra: object = {}): Promise<unknown> =>
      ecs
        .send(new CreateServiceCommand({ serviceName: 'x', taskDefinition: v1, desiredCount: 1, networkConfiguration: network, deploymentConfiguration, ...extra }))
        .then(() => undefined, (e: unknown) => e);
    expect(await refused({ alarms: { alarmNames: ['a'], enable: true } })).toMatchObject({ name: 'InvalidParameterException' });
    expect(await refused({ alarms: { enable: false, rollback: false } })).toMatchObject({ name: 'InvalidParameterException' });
    const external = await refused(
      { alarms: { alarmNames: ['a'], enable: true, rollback: false } },
      { taskDefinition: undefined, networkConfiguration: undefined, deploymentController: { type: 'EXTERNAL' } },
    );
    expect(external).toMatchObject({ name: 'InvalidParameterException' });
  });
});

describe('an alarm in ALARM during a deployment', () => {
  it('fails the deployment and, with rollback, ECS rolls back to the last completed deployment', async () => {
    await putAlarm('web-5xx');
    const v1 = await register('app:v1');
    const v2 = await register('app:v2');
    const goodId = await create(v1, { alarmNames: ['web-5xx'], enable: true, rollback: true });
    const badId = await update(v2);
    await setAlarm('web-5xx', 'ALARM');

    const back = await completed(badId);
    expect(back.taskDefinition).toBe(v1);
    expect(back.runningCount).toBe(2);
    const events = messages(back);
    const failedAt = events.indexOf(`(service web) (deployment ${badId}) deployment failed: alarm detected.`);
    const rollingAt = events.indexOf(`(service web) rolling back to deployment ${goodId}.`);
    expect(failedAt).toBeGreaterThan(-1);
    expect(rollingAt).toBeGreaterThan(-1);
    expect(rollingAt).toBeLessThan(failedAt); // newest first
    const sd = await latestServiceDeployment();
    expect(sd).toMatchObject({
      status: 'ROLLBACK_SUCCESSFUL',
      alarms: { status: 'TRIGGERED', alarmNames: ['web-5xx'], triggeredAlarmNames: ['web-5xx'] },
      deploymentCircuitBreaker: { status: 'DISABLED' },
    });
    expect(sd?.statusReason).toContain('web-5xx');
    expect(sd?.rollback?.reason).toContain('web-5xx');
  });

  it('without rollback the failed deployment stays PRIMARY (its reason naming the alarm), launches nothing more, and the old tasks keep running', async () => {
    await putAlarm('web-5xx');
    const v1 = await register('app:v1');
    await create(v1, { alarmNames: ['web-5xx'], enable: true, rollback: false });
    // minimumHealthyPercent 100: the two old tasks run until new ones are healthy, which these never are.
    const badId = await update(await register('app:v2-unhealthy', { command: ['CMD-SHELL', 'curl -f http://localhost/'] }));
    await setAlarm('web-5xx', 'ALARM');
    const failed = await eventually('the deployment FAILED', async () => {
      const s = await service();
      return s.deployments?.[0]?.id === badId && s.deployments[0].rolloutState === 'FAILED' ? s : undefined;
    });
    expect(failed.deployments?.[0]?.status).toBe('PRIMARY');
    expect(failed.deployments?.[0]?.rolloutStateReason).toMatch(/alarm/i);
    expect(failed.deployments?.[0]?.rolloutStateReason).toContain('web-5xx');
    expect(messages(failed)).toContain(`(service web) (deployment ${badId}) deployment failed: alarm detected.`);
    expect(messages(failed).some((m) => m.includes('rolling back'))).toBe(false);
    expect(await latestServiceDeployment()).toMatchObject({ status: 'STOPPED', alarms: { status: 'TRIGGERED', triggeredAlarmNames: ['web-5xx'] } });
    const started = messages(failed).filter((m) => m.includes('has started')).length;
    await new Promise((resolve) => setTimeout(resolve, 500)); // 25 s of simulated time
    const later = await service();
    expect(messages(later).filter((m) => m.includes('has started')).length).toBe(started);
    expect(later.deployments?.find((d) => d.taskDefinition === v1)?.runningCount).toBe(2);
  });
});

describe('watching the alarms', () => {
  it('keeps a steady deployment IN_PROGRESS for the bake time, the scaled-in one still listed, and an alarm then fails it', async () => {
    await putAlarm('web-5xx', 3);
    const v1 = await register('app:v1');
    await create(v1, { alarmNames: ['web-5xx'], enable: true, rollback: true });
    const badId = await update(await register('app:v2'));
    const baking = await eventually('the bake time', async () => {
      const s = await service();
      const ours = s.deployments?.find((d) => d.id === badId);
      return ours?.runningCount === 2 && s.runningCount === 2 ? s : undefined;
    });
    expect(baking.deployments?.map((d) => [d.status, d.rolloutState, d.runningCount])).toEqual([
      ['PRIMARY', 'IN_PROGRESS', 2],
      ['ACTIVE', 'COMPLETED', 0],
    ]);
    await setAlarm('web-5xx', 'ALARM');
    const back = await completed(badId);
    expect(back.taskDefinition).toBe(v1);
    expect(messages(back)).toContain(`(service web) (deployment ${badId}) deployment failed: alarm detected.`);
  });

  it('completes after the bake time when no alarm went into ALARM, and ignores one already in ALARM at the start', async () => {
    await putAlarm('web-5xx');
    await putAlarm('already-firing');
    await setAlarm('already-firing', 'ALARM');
    const v1 = await register('app:v1');
    await create(v1, { alarmNames: ['web-5xx', 'already-firing'], enable: true, rollback: true });
    const v2 = await register('app:v2');
    const id = await update(v2);
    const done = await completed();
    expect(done.deployments?.[0]).toMatchObject({ id, taskDefinition: v2, rolloutState: 'COMPLETED' });
    const ours = done.deployments?.[0];
    // The bake time here is Period × EvaluationPeriods = 60 s of simulated time after the steady state.
    expect((ours?.updatedAt?.getTime() ?? 0) - (ours?.createdAt?.getTime() ?? 0)).toBeGreaterThanOrEqual(60_000);
    expect((await latestServiceDeployment())?.alarms?.status).toBe('MONITORING_COMPLETE');
  });

  it('starts watching only once a task of the deployment is RUNNING', async () => {
    await putAlarm('web-5xx');
    const v1 = await register('app:v1');
    await create(v1, { alarmNames: ['web-5xx'], enable: true, rollback: true });
    const badId = await update(await register('app:v2-pull-error'));
    await setAlarm('web-5xx', 'ALARM');
    // 40 s of simulated time: four polls of the alarms, and no task of the deployment ever ran.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const s = await service();
    expect(s.deployments?.find((d) => d.id === badId)).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS' });
    expect(messages(s).some((m) => m.includes('alarm detected'))).toBe(false);
  });

  it('does nothing with alarms that are not enabled', async () => {
    await putAlarm('web-5xx');
    const v1 = await register('app:v1');
    await create(v1, { alarmNames: ['web-5xx'], enable: false, rollback: true });
    const v2 = await register('app:v2');
    const id = await update(v2);
    await setAlarm('web-5xx', 'ALARM');
    const done = await completed();
    expect(done.deployments?.[0]).toMatchObject({ id, taskDefinition: v2 });
    expect((await latestServiceDeployment())?.alarms).toEqual({ status: 'DISABLED', alarmNames: ['web-5xx'], triggeredAlarmNames: [] });
  });
});
