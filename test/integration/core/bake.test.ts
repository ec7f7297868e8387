/**
 * The CloudWatch layer and the bake (src/core/cloudwatch, src/core/bake) against the embedded emulator through the
 * real SDK clients, with the real clock: alarms that exist and those that do not, an alarm set to ALARM with
 * SetAlarmState, a bake that passes, and bakes ended by an alarm and by a stopped task (C1, B5).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { ListTasksCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import { bake, type BakeDeps, type BakePlan } from '../../../src/core/bake/index.js';
import { alarmsInAlarm, checkAlarmsExist } from '../../../src/core/cloudwatch/index.js';
import { ConfigurationError } from '../../../src/core/errors.js';
import { Deadline, realSleep, systemClock } from '../../../src/core/time.js';
import { createBase, putAlarm, startCanaryE2e, type BaseService, type CanaryWorld } from '../../helpers/ecs-canary-e2e.js';
import { RecordingLogger } from '../../helpers/fakes.js';
import { rejectionOf } from '../../helpers/rejection.js';

let w: CanaryWorld;
let log: RecordingLogger;
let deps: BakeDeps;

beforeAll(async () => {
  w = await startCanaryE2e();
});
afterAll(async () => w.stop());
beforeEach(async () => {
  await w.emu.control.reset();
  log = new RecordingLogger();
  deps = { ecs: w.ecs, elb: w.elb, cloudwatch: w.cloudwatch, clock: systemClock, sleep: realSleep, log };
});

function plan(base: BaseService, durationMs: number): BakePlan {
  return {
    durationMs,
    deadline: new Deadline(systemClock, 60_000),
    cluster: 'default',
    serviceName: 'web',
    targetGroupArns: [base.targetGroupArn],
    alarms: ['web-5xx'],
    label: 'service web',
    pollIntervalMs: 200,
  };
}

describe('CloudWatch alarms against the emulator', () => {
  it('are found by name; the missing ones are a ConfigurationError naming the input', async () => {
    await putAlarm(w, 'web-5xx');
    await checkAlarmsExist(w.cloudwatch, ['web-5xx'], 'alarms');
    const err = await rejectionOf(checkAlarmsExist(w.cloudwatch, ['web-5xx', 'web-latency'], 'alarms'));
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toBe("input 'alarms': CloudWatch alarm 'web-latency' does not exist in this account and region");
  });

  it('in ALARM after SetAlarmState, with its reason', async () => {
    await putAlarm(w, 'web-5xx');
    expect(await alarmsInAlarm(w.cloudwatch, ['web-5xx'])).toEqual([]);
    await w.cloudwatch.send(new SetAlarmStateCommand({ AlarmName: 'web-5xx', StateValue: 'ALARM', StateReason: 'errors' }));
    expect(await alarmsInAlarm(w.cloudwatch, ['web-5xx'])).toEqual([{ name: 'web-5xx', reason: 'errors' }]);
  });
});

describe('the bake against the emulator (C1)', () => {
  it('passes when the tasks keep running, their targets stay healthy and the alarm stays OK', async () => {
    const base = await createBase(w, 2);
    await putAlarm(w, 'web-5xx');
    expect(await bake(deps, plan(base, 1500))).toEqual({ ok: true });
    expect(log.messages('info')).toContain('Bake: done — 2 tasks running; target group web: 2 of 2 healthy (2 targets in the group); alarms OK (web-5xx)');
  });

  it('fails when the alarm goes into ALARM', async () => {
    const base = await createBase(w, 2);
    await putAlarm(w, 'web-5xx');
    setTimeout(() => void w.cloudwatch.send(new SetAlarmStateCommand({ AlarmName: 'web-5xx', StateValue: 'ALARM', StateReason: 'Threshold Crossed' })), 500);
    const result = await bake(deps, plan(base, 20_000));
    expect(result).toEqual({ ok: false, cause: 'CloudWatch alarm web-5xx is in ALARM (Threshold Crossed) during the bake of service web' });
  });

  it('fails when one of the tasks stops', async () => {
    const base = await createBase(w, 2);
    await putAlarm(w, 'web-5xx');
    const tasks = await w.ecs.send(new ListTasksCommand({ serviceName: 'web' }));
    setTimeout(() => void w.ecs.send(new StopTaskCommand({ task: tasks.taskArns?.[0] ?? '', reason: 'stopped by an operator' })), 500);
    const result = await bake(deps, plan(base, 20_000));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.cause).toMatch(/^service web: (task \w+ stopped: stopped by an operator|target .* in target group web)/);
  });
});
