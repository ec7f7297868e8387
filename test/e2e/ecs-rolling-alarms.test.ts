/**
 * ecs-rolling end to end, ECS deployment alarms (issue 11 "ECS deployment alarms"; S8, S9, R6): the service
 * definition's `deploymentConfiguration.alarms` reaches ECS; a CloudWatch alarm that goes into ALARM while the action
 * waits fails the step, naming the alarm, and the service ends on its previous revision; a malformed `alarms` is a
 * located manifest error before any AWS call.
 */
import { describe, expect, it } from '@jest/globals';
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import {
  deployInputs,
  describeWeb,
  failureAnnotation,
  rollingE2eSuite,
  runRolling,
  serviceDefinitionJson,
  standardWorkspace,
  type RollingE2e,
} from '../helpers/ecs-rolling-e2e.js';
import { waitForOutput } from '../helpers/run-action.js';

const e = rollingE2eSuite();

const ALARM = 'web-5xx';

function withAlarms(alarms: Record<string, unknown>): string {
  return serviceDefinitionJson({
    deploymentConfiguration: {
      maximumPercent: 200,
      minimumHealthyPercent: 100,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      alarms,
    },
  });
}

/** Runs `fn` with a CloudWatch client of the emulator (as a user's own alarm tooling would talk to CloudWatch). */
async function withCloudWatch<T>(env: RollingE2e, fn: (cw: CloudWatchClient) => Promise<T>): Promise<T> {
  const cw = new CloudWatchClient(env.emu.clientConfig());
  try {
    return await fn(cw);
  } finally {
    cw.destroy();
  }
}

/** The alarm; its Period × EvaluationPeriods is the bake time the emulator's ECS derives from it. */
async function putAlarm(env: RollingE2e, periodSeconds = 60): Promise<void> {
  await withCloudWatch(env, (cw) =>
    cw.send(
      new PutMetricAlarmCommand({
        AlarmName: ALARM,
        Namespace: 'AWS/ApplicationELB',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Statistic: 'Sum',
        Period: periodSeconds,
        EvaluationPeriods: 1,
        Threshold: 10,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    ),
  );
}

const fireAlarm = (env: RollingE2e): Promise<unknown> =>
  withCloudWatch(env, (cw) => cw.send(new SetAlarmStateCommand({ AlarmName: ALARM, StateValue: 'ALARM', StateReason: '5xx above 10 (test)' })));

/** Deploys web:1 (good), then web:2 with the alarm set to ALARM once the action waits for the deployment. */
async function deployWhileAlarmFires(alarms: Record<string, unknown>, env = e(), periodSeconds = 60) {
  await putAlarm(env, periodSeconds);
  const workspace = standardWorkspace({ 'service.json': withAlarms(alarms) });
  const good = await runRolling(env.emu, deployInputs('registry.example.com/web:1'), { workspace });
  expect(good.exitCode).toBe(0);
  // CreateService took them; so does the UpdateService of the next deployment.
  expect((await describeWeb(env.ecs))?.deploymentConfiguration?.alarms).toEqual(alarms);
  const since = Date.now();
  const run = await runRolling(env.emu, deployInputs('registry.example.com/web:2'), {
    workspace,
    onStart: (_child, output) => {
      void waitForOutput(output, (text) => text.includes('::group::Wait for deployment')).then(() => fireAlarm(env));
    },
  });
  const update = (await env.emu.control.calls(since)).find((c) => c.operation === 'UpdateService');
  expect(update?.parameters['deploymentConfiguration']).toMatchObject({ alarms });
  return { env, good, run };
}

describe('ECS deployment alarms (issue 11)', () => {
  it('an alarm that fires during the deployment fails the step naming it; ECS rolls the service back', async () => {
    const { env, good, run } = await deployWhileAlarmFires({ alarmNames: [ALARM], enable: true, rollback: true });

    expect(run.exitCode).toBe(1);
    const message = failureAnnotation(run.stdout);
    const cause = message.split('\n')[0] ?? '';
    expect(cause).toMatch(/^deployment ecs-svc\/\d+ was rolled back by ECS because CloudWatch alarm web-5xx went into ALARM/);
    expect(cause).not.toContain('circuit breaker');
    expect(message).toContain('Rollback succeeded');
    expect(run.outputs).toMatchObject({ rolledBack: 'true', previousTaskDefinitionArn: good.outputs['taskDefinitionArn'] });
    expect(await describeWeb(env.ecs)).toMatchObject({ taskDefinition: good.outputs['taskDefinitionArn'], desiredCount: 2, runningCount: 2 });
    expect(run.summary).toContain('failed: rolled back by ECS (CloudWatch alarm web-5xx)');
    expect(run.summary).toContain('CloudWatch alarm web-5xx went into ALARM');
    expect(run.summary).not.toContain('circuit breaker or alarm');
  });

  it('with alarms that fail without rolling back, the step names the alarm and the action rolls back itself', async () => {
    const { env, good, run } = await deployWhileAlarmFires({ alarmNames: [ALARM], enable: true, rollback: false });

    expect(run.exitCode).toBe(1);
    const message = failureAnnotation(run.stdout);
    expect(message).toMatch(/^deployment ecs-svc\/\d+ failed because CloudWatch alarm web-5xx went into ALARM/);
    expect(message).toContain('\nRollback succeeded: service web runs');
    expect(run.stdout).toContain('Rollback Successful.');
    expect(run.outputs).toMatchObject({ rolledBack: 'true' });
    expect(await describeWeb(env.ecs)).toMatchObject({ taskDefinition: good.outputs['taskDefinitionArn'], runningCount: 2 });
    expect(run.summary).toContain('failed: the deployment failed (CloudWatch alarm web-5xx)');
  });

  it('a malformed alarms member is a located manifest error, before any AWS call', async () => {
    const env = e();
    const bad = withAlarms({ alarmNames: ALARM, enable: 'yes', rollback: true });
    const since = Date.now();
    const run = await runRolling(env.emu, deployInputs('registry.example.com/web:1'), { workspace: standardWorkspace({ 'service.json': bad }) });

    expect(run.exitCode).toBe(1);
    const message = failureAnnotation(run.stdout);
    expect(message).toMatch(/service\.json:\d+, field deploymentConfiguration\.alarms\.alarmNames: expected a list/);
    expect(message).toMatch(/service\.json:\d+, field deploymentConfiguration\.alarms\.enable: expected true or false/);
    expect(await env.emu.control.calls(since)).toEqual([]);
  });
});

describe('ECS deployment alarms, with ECS still rolling back when the action notices (issue 11)', () => {
  // Tasks take 4 s to start at real speed, and the alarm's 10 s period makes a 10 s bake time.
  const slow = rollingE2eSuite({ taskStartMs: 4000, speed: 1 });

  it("names the alarm from the failed deployment's reason and follows ECS's rollback to its end", async () => {
    const { env, good, run } = await deployWhileAlarmFires({ alarmNames: [ALARM], enable: true, rollback: true }, slow(), 10);

    expect(run.exitCode).toBe(1);
    const message = failureAnnotation(run.stdout);
    expect(message).toMatch(/^deployment ecs-svc\/\d+ was rolled back by ECS because CloudWatch alarm web-5xx went into ALARM \(.+\)/);
    expect(run.stdout).toMatch(/ECS is already rolling service web back to web:1 \(deployment ecs-svc\/\d+, IN_PROGRESS\): following it instead/);
    expect(run.outputs).toMatchObject({ rolledBack: 'true' });
    expect(await describeWeb(env.ecs)).toMatchObject({ taskDefinition: good.outputs['taskDefinitionArn'], runningCount: 2 });
    expect(run.summary).toContain('failed: rolled back by ECS (CloudWatch alarm web-5xx)');
  }, 150_000);
});
