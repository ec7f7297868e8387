/**
 * ecs-canary end to end (C1, C2): the committed bundle against the emulator, as the runner runs it. Build first:
 * `node scripts/build.mjs dist ecs-canary`.
 */
import { afterAll, beforeAll, beforeEach, describe as suite, expect, it } from '@jest/globals';
import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { canaryStatus, createBase, deployInputs, describe, runCanary, startCanaryE2e, type CanaryWorld } from '../helpers/ecs-canary-e2e.js';

let w: CanaryWorld;
beforeAll(async () => {
  w = await startCanaryE2e();
});
afterAll(async () => w.stop());
beforeEach(async () => w.emu.control.reset());

suite('ecs-canary deploy (C1)', () => {
  it('creates webCanary with 1 task registered healthy in the base service target group, and says its share', async () => {
    const base = await createBase(w, 4);
    const run = await runCanary(w, deployInputs('nginx:1.27'));
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const canary = await describe(w.ecs, 'webCanary');
    expect(canary).toMatchObject({ status: 'ACTIVE', desiredCount: 1, runningCount: 1, launchType: 'FARGATE' });
    expect(canary?.loadBalancers).toEqual([{ targetGroupArn: base.targetGroupArn, containerName: 'web', containerPort: 8080 }]);
    expect(canary?.tags).toEqual([{ key: 'team', value: 'payments' }]);
    expect(canary?.taskDefinition).toBe(run.outputs['taskDefinitionArn']);
    const health = await w.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: base.targetGroupArn }));
    expect((health.TargetHealthDescriptions ?? []).filter((t) => t.TargetHealth?.State === 'healthy')).toHaveLength(5);
    expect(run.stdout).toContain('Target group web: the canary serves 1 of 5 tasks (20 %) of the healthy targets');
    expect(run.summary).toContain('| Traffic share in web | canary: 1 of 5 tasks (20 %) |');
    expect(run.outputs).toMatchObject({
      canaryServiceName: 'webCanary',
      serviceName: 'web',
      canaryTaskCount: '1',
      targetGroupArns: JSON.stringify([base.targetGroupArn]),
      canaryServiceArn: canary?.serviceArn,
    });
    // The base service is not touched.
    expect(await describe(w.ecs, 'web')).toMatchObject({ desiredCount: 4, taskDefinition: base.taskDefinitionArn });
  });

  it('sizes the canary from canary-percent: 25 % of a 6-task base service is 2 tasks (rounded up)', async () => {
    await createBase(w, 6);
    const run = await runCanary(w, deployInputs('nginx:1.27', { 'canary-percent': 25 }));
    expect(run.exitCode).toBe(0);
    expect(await describe(w.ecs, 'webCanary')).toMatchObject({ desiredCount: 2, runningCount: 2 });
    expect(run.outputs['canaryTaskCount']).toBe('2');
    expect(run.stdout).toContain('Canary tasks: 2 (canary-percent 25 % of the 6 running tasks of web, rounded up).');
    expect(run.stdout).toContain('the canary serves 2 of 8 tasks (25 %)');
  });

  it('replaces the canary of an earlier run: deleted and waited INACTIVE, then created on the new revision', async () => {
    await createBase(w, 2);
    const first = await runCanary(w, deployInputs('nginx:1.27'));
    expect(first.exitCode).toBe(0);
    const second = await runCanary(w, deployInputs('nginx:1.28'));
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('Canary service webCanary from an earlier run is ACTIVE: it is deleted (force) and waited INACTIVE first.');
    expect(second.stdout).toContain('Deleting service webCanary..');
    const canary = await describe(w.ecs, 'webCanary');
    expect(canary).toMatchObject({ status: 'ACTIVE', runningCount: 1, taskDefinition: second.outputs['taskDefinitionArn'] });
    expect(second.outputs['taskDefinitionArn']).not.toBe(first.outputs['taskDefinitionArn']);
    expect(second.stdout).toContain('the canary serves 1 of 3 tasks (33 %)');
  });
});

suite('ecs-canary delete (C2)', () => {
  it('deletes the canary and waits until it is INACTIVE', async () => {
    await createBase(w, 2);
    expect((await runCanary(w, deployInputs('nginx:1.27'))).exitCode).toBe(0);
    const run = await runCanary(w, { service: 'web', mode: 'delete' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/Deleting service webCanary\.\.[\s\S]*Canary service webCanary deleted/);
    expect(await canaryStatus(w.ecs)).toMatch(/^(INACTIVE|MISSING)$/);
    expect(run.outputs).toMatchObject({ canaryDeleted: 'true', canaryServiceName: 'webCanary' });
    expect(await describe(w.ecs, 'web')).toMatchObject({ status: 'ACTIVE', desiredCount: 2 });
  });

  it('succeeds when there is no canary, and says so', async () => {
    const run = await runCanary(w, { service: 'web', mode: 'delete' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Canary service webCanary does not exist in cluster default: nothing to delete.');
    expect(run.outputs['canaryDeleted']).toBe('false');
    const calls = await w.emu.control.calls();
    expect(calls.map((c) => c.operation)).toEqual(['DescribeServices']);
  });
});
