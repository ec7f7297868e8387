/**
 * ecs-canary end to end when the canary fails (C1): a crashing canary, a canary failing the load balancer's health
 * checks, an alarm going into ALARM during the bake, and a cancelled workflow during the bake. Each fails the step
 * with the cause first and leaves no canary service; the base service is never touched.
 */
import { afterAll, beforeAll, beforeEach, describe as suite, expect, it } from '@jest/globals';
import { SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { waitForOutput } from '../helpers/run-action.js';
import { canaryStatus, createBase, deployInputs, describe, putAlarm, runCanary, startCanaryE2e, type CanaryWorld } from '../helpers/ecs-canary-e2e.js';

let w: CanaryWorld;
beforeAll(async () => {
  w = await startCanaryE2e();
});
afterAll(async () => w.stop());
beforeEach(async () => w.emu.control.reset());

async function expectNoCanaryAndBaseUntouched(base: { taskDefinitionArn: string }, count: number): Promise<void> {
  expect(await canaryStatus(w.ecs)).toMatch(/^(INACTIVE|MISSING)$/);
  expect(await describe(w.ecs, 'web')).toMatchObject({ status: 'ACTIVE', desiredCount: count, taskDefinition: base.taskDefinitionArn });
}

suite('a failing canary is deleted (C1)', () => {
  it('a crashing canary fails the step and leaves no canary service', async () => {
    const base = await createBase(w, 2);
    const run = await runCanary(w, deployInputs('nginx:crash', { 'timeout-minutes': 2 }));
    expect(run.exitCode).toBe(1);
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error).toMatch(/Essential container in task exited|crash|stopped/i);
    expect(run.stdout).toContain('Deleting service webCanary..');
    expect(run.stdout).toContain('Canary service webCanary deleted');
    expect(run.outputs['canaryTaskCount']).toBe('0');
    await expectNoCanaryAndBaseUntouched(base, 2);
  });

  it('an unhealthy canary (fails the ELB health checks) fails and is deleted', async () => {
    const base = await createBase(w, 2);
    const run = await runCanary(w, deployInputs('nginx:unhealthy', { 'bake-seconds': 5, 'timeout-minutes': 2 }));
    expect(run.exitCode).toBe(1);
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error).toMatch(/unhealthy|health checks/i);
    expect(run.stdout).toContain('Canary service webCanary deleted');
    await expectNoCanaryAndBaseUntouched(base, 2);
  });

  it('an alarm set to ALARM during the bake fails the step, naming the alarm, and deletes the canary', async () => {
    const base = await createBase(w, 2);
    await putAlarm(w, 'web-5xx');
    const run = await runCanary(w, deployInputs('nginx:1.27', { 'bake-seconds': 60, alarms: 'web-5xx' }), {
      onStart: (_child, output) => {
        void waitForOutput(output, (t) => /Bake: \d+s left/.test(t)).then(() =>
          w.cloudwatch.send(new SetAlarmStateCommand({ AlarmName: 'web-5xx', StateValue: 'ALARM', StateReason: 'Threshold Crossed: 9 errors' })),
        );
      },
    });
    expect(run.exitCode).toBe(1);
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error).toContain('CloudWatch alarm web-5xx is in ALARM (Threshold Crossed: 9 errors) during the bake of canary service webCanary');
    expect(run.stdout).toContain('Canary service webCanary deleted');
    expect(run.durationMs).toBeLessThan(30_000);
    await expectNoCanaryAndBaseUntouched(base, 2);
  });

  it('SIGINT during the bake deletes the canary before exiting', async () => {
    const base = await createBase(w, 2);
    const run = await runCanary(w, deployInputs('nginx:1.27', { 'bake-seconds': 60 }), {
      onStart: (child, output) => {
        void waitForOutput(output, (t) => /Bake: \d+s left/.test(t)).then(() => child.kill('SIGINT'));
      },
    });
    expect(run.exitCode).toBe(1);
    const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
    expect(error).toMatch(/cancelled/);
    expect(run.stdout).toContain('Canary service webCanary deleted');
    expect(run.durationMs).toBeLessThan(30_000);
    await expectNoCanaryAndBaseUntouched(base, 2);
  });
});
