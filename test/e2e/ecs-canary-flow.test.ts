/**
 * C3 end to end: the canary flow as separate processes, each step's outputs read from its GITHUB_OUTPUT file and
 * passed to the next as a workflow passes `needs.<job>.outputs`: canary deploy → (verification) → canary delete →
 * ecs-rolling with the canary's taskDefinitionArn. At the end the base service runs the new revision and no canary
 * is left. Needs the ecs-canary and ecs-rolling bundles (`node scripts/build.mjs dist ecs-canary`).
 */
import { afterAll, beforeAll, beforeEach, describe as suite, expect, it } from '@jest/globals';
import { ROOT_ACTION, runAction } from '../helpers/run-action.js';
import { canaryStatus, canaryWorkspace, createBase, describe, runCanary, startCanaryE2e, type CanaryWorld } from '../helpers/ecs-canary-e2e.js';

let w: CanaryWorld;
beforeAll(async () => {
  w = await startCanaryE2e();
});
afterAll(async () => w.stop());
beforeEach(async () => w.emu.control.reset());

suite('the canary flow across jobs (C3)', () => {
  it('canary deploy → canary delete → ecs-rolling with the same taskDefinitionArn ends on the new revision with no canary', async () => {
    const base = await createBase(w, 3);
    const workspace = canaryWorkspace();
    const canary = await runCanary(w, { service: 'web', 'task-definition': 'taskdef.json', image: 'nginx:1.27', 'bake-seconds': 2 }, { workspace });
    expect(canary.exitCode).toBe(0);
    const taskDefinitionArn = canary.outputs['taskDefinitionArn'] ?? '';
    expect(taskDefinitionArn).toMatch(/:task-definition\/web:2$/);
    expect(await canaryStatus(w.ecs)).toBe('ACTIVE');

    // The verification job runs here (smoke tests against the live service), then:
    const deleted = await runCanary(w, { service: canary.outputs['serviceName'], mode: 'delete' }, { workspace });
    expect(deleted.exitCode).toBe(0);
    expect(deleted.outputs['canaryDeleted']).toBe('true');

    const rolling = await runAction('ecs-rolling', {
      inputs: { service: deleted.outputs['serviceName'], 'task-definition-arn': taskDefinitionArn },
      env: w.emu.env(),
      workspace,
      timeoutMs: 90_000,
    });
    expect(rolling.exitCode).toBe(0);
    expect(rolling.outputs['previousTaskDefinitionArn']).toBe(base.taskDefinitionArn);
    expect(await describe(w.ecs, 'web')).toMatchObject({ status: 'ACTIVE', taskDefinition: taskDefinitionArn, runningCount: 3 });
    expect(await canaryStatus(w.ecs)).toMatch(/^(INACTIVE|MISSING)$/);
  });
});

suite('ecs-canary through the root action', () => {
  it('command ecs-canary deploys the canary with the action defaults, and deletes it (C1, C2)', async () => {
    await createBase(w, 2);
    const workspace = canaryWorkspace();
    const deployed = await runAction(ROOT_ACTION, {
      inputs: { command: 'ecs-canary', service: 'web', 'task-definition': 'taskdef.json', image: 'nginx:1.27' },
      env: w.emu.env(),
      workspace,
      timeoutMs: 90_000,
    });
    expect(deployed.exitCode).toBe(0);
    expect(deployed.outputs).toMatchObject({ canaryServiceName: 'webCanary', canaryTaskCount: '1' });
    expect(await describe(w.ecs, 'webCanary')).toMatchObject({ status: 'ACTIVE', runningCount: 1 });
    const deleted = await runAction(ROOT_ACTION, { inputs: { command: 'ecs-canary', service: 'web', mode: 'delete' }, env: w.emu.env(), workspace, timeoutMs: 90_000 });
    expect(deleted.exitCode).toBe(0);
    expect(deleted.outputs['canaryDeleted']).toBe('true');
    expect(await canaryStatus(w.ecs)).toMatch(/^(INACTIVE|MISSING)$/);
  });
});
