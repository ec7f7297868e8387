/**
 * ecs-rolling end to end: deregistered (INACTIVE) task definitions are refused before any change (issue 10:
 * defect 4 and "the rollback target is checked up front"), in deploy, rollback and dry-run alike.
 */
import { describe, expect, it } from '@jest/globals';
import { DeregisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import {
  autoScalingOf,
  failureAnnotation,
  deployInputs,
  describeWeb,
  mutatingCalls,
  runRolling,
  standardWorkspace,
  rollingE2eSuite,
} from '../helpers/ecs-rolling-e2e.js';

const env = rollingE2eSuite();

const withAutoScaling = { 'scalable-targets': 'scalable-target.yaml', 'scaling-policies': 'scaling-policy.yaml' };


/** web:1 then web:2 deployed (with auto scaling); returns their ARNs. */
async function twoRevisions(workspace: string): Promise<[string, string]> {
  const one = await runRolling(env().emu, deployInputs('registry.example.com/web:1', withAutoScaling), { workspace });
  const two = await runRolling(env().emu, deployInputs('registry.example.com/web:2', withAutoScaling), { workspace });
  expect([one.exitCode, two.exitCode]).toEqual([0, 0]);
  return [one.outputs['taskDefinitionArn'] ?? '', two.outputs['taskDefinitionArn'] ?? ''];
}

async function deregister(arn: string): Promise<void> {
  await env().ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: arn }));
}

describe('a deregistered task-definition-arn (defect 4)', () => {
  it.each([
    ['deploy', { cluster: 'default', service: 'web' }],
    ['rollback', { cluster: 'default', service: 'web', mode: 'rollback' }],
    ['dry-run', { cluster: 'default', service: 'web', 'dry-run': true }],
  ])('%s refuses it naming the input, and changes nothing', async (_mode, inputs) => {
    const workspace = standardWorkspace();
    const [one, two] = await twoRevisions(workspace);
    await deregister(one);
    const since = Date.now();
    const run = await runRolling(env().emu, { ...inputs, 'task-definition-arn': one }, { workspace });

    expect(run.exitCode).toBe(1);
    expect(failureAnnotation(run.stdout)).toMatch(/^input 'task-definition-arn': task definition web:1 is INACTIVE/);
    expect(await mutatingCalls(env().emu, since)).toEqual([]);
    expect(await describeWeb(env().ecs)).toMatchObject({ taskDefinition: two, desiredCount: 2 });
    expect(await autoScalingOf(env().autoscaling)).toEqual({ targets: [{ min: 2, max: 6 }], policies: ['cpu60'] });
  });
});

describe('the rollback target is checked up front', () => {
  it('with rollback-on-failure, a deploy over a deregistered running revision is refused before any change', async () => {
    const workspace = standardWorkspace();
    const [, two] = await twoRevisions(workspace);
    await deregister(two);
    const since = Date.now();
    const run = await runRolling(env().emu, deployInputs('registry.example.com/web:3', withAutoScaling), { workspace });

    expect(run.exitCode).toBe(1);
    const message = failureAnnotation(run.stdout);
    expect(message).toMatch(/^input 'rollback-on-failure': service web runs task definition web:2, which is INACTIVE/);
    expect(message).toContain('rollback-on-failure: false');
    expect(await mutatingCalls(env().emu, since)).toEqual([]);
    expect(await autoScalingOf(env().autoscaling)).toEqual({ targets: [{ min: 2, max: 6 }], policies: ['cpu60'] });
  });

  it('with rollback-on-failure false the same deploy goes ahead', async () => {
    const workspace = standardWorkspace();
    const [, two] = await twoRevisions(workspace);
    await deregister(two);
    const run = await runRolling(env().emu, deployInputs('registry.example.com/web:3', { 'rollback-on-failure': false }), { workspace });
    expect(run.exitCode).toBe(0);
    expect((await describeWeb(env().ecs))?.taskDefinition).toBe(run.outputs['taskDefinitionArn']);
  });
});
