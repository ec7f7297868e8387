/**
 * ecs-canary's checks that need AWS (C1, S3): found with reads before the first change, each a located error and
 * zero mutating calls; a canary larger than the base service is only a warning; a dry run changes nothing (S13).
 */
import { afterAll, beforeAll, beforeEach, describe as suite, expect, it } from '@jest/globals';
import { canaryStatus, createBase, deployInputs, describe, mutatingCalls, putAlarm, runCanary, startCanaryE2e, type CanaryWorld } from '../helpers/ecs-canary-e2e.js';

let w: CanaryWorld;
beforeAll(async () => {
  w = await startCanaryE2e();
});
afterAll(async () => w.stop());
beforeEach(async () => w.emu.control.reset());

function errorLine(stdout: string): string {
  return stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
}

suite('ecs-canary refuses before any change (C1, S3)', () => {
  it('a base service that does not exist, without a service definition', async () => {
    const since = Date.now();
    const run = await runCanary(w, deployInputs('nginx:1.27'));
    expect(run.exitCode).toBe(1);
    expect(errorLine(run.stdout)).toContain("::error::input 'service': the base service web does not exist in cluster default");
    expect(await mutatingCalls(w.emu, since)).toEqual([]);
  });

  it('alarms that do not exist, each named', async () => {
    await createBase(w, 2);
    await putAlarm(w, 'web-5xx');
    const since = Date.now();
    const run = await runCanary(w, deployInputs('nginx:1.27', { 'bake-seconds': 10, alarms: 'web-5xx\nweb-latency\nweb-errors' }));
    expect(run.exitCode).toBe(1);
    expect(errorLine(run.stdout)).toBe("::error::input 'alarms': CloudWatch alarms 'web-latency', 'web-errors' do not exist in this account and region");
    expect(await mutatingCalls(w.emu, since)).toEqual([]);
    expect(await canaryStatus(w.ecs)).toBe('MISSING');
  });

  it('canary-percent without a base service', async () => {
    const since = Date.now();
    const run = await runCanary(w, deployInputs('nginx:1.27', { 'canary-percent': 10 }));
    expect(run.exitCode).toBe(1);
    expect(errorLine(run.stdout)).toMatch(/^::error::input '(service|canary-percent)'/);
    expect(await mutatingCalls(w.emu, since)).toEqual([]);
  });

  it('a canary larger than the base service is a warning, not an error', async () => {
    await createBase(w, 1);
    const run = await runCanary(w, deployInputs('nginx:1.27', { 'canary-count': 2 }));
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('::warning::The canary runs 2 tasks, more than the 1 the base service web wants');
    expect(await describe(w.ecs, 'webCanary')).toMatchObject({ desiredCount: 2, runningCount: 2 });
  });

  it('dry-run prints the canary it would create and changes nothing (S13)', async () => {
    await createBase(w, 2);
    const since = Date.now();
    const run = await runCanary(w, deployInputs('nginx:1.27', { 'dry-run': 'true' }));
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Canary service webCanary would be created with 1 task (canary-count 1)');
    expect(run.stdout).toContain('+ containerDefinitions[web].image: "nginx:1.27"');
    expect(run.outputs['canaryServiceName']).toBe('webCanary');
    expect(await mutatingCalls(w.emu, since)).toEqual([]);
    expect(await canaryStatus(w.ecs)).toBe('MISSING');
  });

  it('dry-run of a delete says what would be deleted and deletes nothing (S13, C2)', async () => {
    await createBase(w, 2);
    expect((await runCanary(w, deployInputs('nginx:1.27'))).exitCode).toBe(0);
    const since = Date.now();
    const run = await runCanary(w, { service: 'web', mode: 'delete', 'dry-run': 'true' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Canary service webCanary (ACTIVE, 1 running) would be deleted (force) and waited INACTIVE.');
    expect(await mutatingCalls(w.emu, since)).toEqual([]);
    expect(await canaryStatus(w.ecs)).toBe('ACTIVE');
  });
});
