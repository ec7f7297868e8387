/**
 * ecs-rolling end to end: bad inputs and manifests fail before any change (S3), and dry-run changes nothing (S13).
 * Both asserted through the emulator's call log (/_emulator/calls): no mutating call at all.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  deployInputs,
  describeWeb,
  mutatingCalls,
  runRolling,
  standardWorkspace,
  startRollingE2e,
  type RollingE2e,
} from '../helpers/ecs-rolling-e2e.js';

let e: RollingE2e;
beforeAll(async () => {
  e = await startRollingE2e();
});
afterAll(async () => e.stop());
beforeEach(async () => e.emu.control.reset());

function errorAnnotation(stdout: string): string {
  return (stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '').replace(/%0A/g, '\n');
}

const badFiles = {
  'broken.yaml': 'family: web\ncontainerDefinitions:\n  - name: [web\n',
  'bad-field.json': '{\n  "serviceName": "web",\n  "desiredCount": "two"\n}\n',
  'other-service-target.yaml': 'resourceId: service/default/api\nminCapacity: 1\nmaxCapacity: 2\n',
};

/** [what, inputs, text the error must contain]: each fails the step before any AWS call. */
const BAD_INPUTS: [string, Record<string, string | number | boolean>, string][] = [
  ['an unknown mode', { ...deployInputs('web:1'), mode: 'redeploy' }, "input 'mode': expected one of 'deploy', 'rollback'"],
  ['both task definition inputs', { ...deployInputs('web:1'), 'task-definition-arn': 'web:1' }, "give either 'task-definition' or 'task-definition-arn', not both"],
  ['no task definition', { 'service-definition': 'service.json' }, "one of 'task-definition' or 'task-definition-arn' is required"],
  ['a malformed task-definition-arn', { 'task-definition-arn': 'arn:aws:ecs:us-east-1:1:task-definition/web', service: 'web' }, "input 'task-definition-arn'"],
  ['a negative desired count', deployInputs('web:1', { 'desired-count': -1 }), "input 'desired-count'"],
  ['a timeout above 360 minutes', deployInputs('web:1', { 'timeout-minutes': 361 }), "input 'timeout-minutes'"],
  ['max-attempts 0', deployInputs('web:1', { 'max-attempts': 0 }), "input 'max-attempts'"],
  ['a boolean that is not one', deployInputs('web:1', { 'dry-run': 'yes' }), "input 'dry-run': expected a boolean"],
  ['same-as-running with desired-count', deployInputs('web:1', { 'same-as-running': true, 'desired-count': 3 }), "input 'desired-count'"],
  ['a service that is not the manifest one', deployInputs('web:1', { service: 'api' }), "input 'service'"],
  ['no image for <+artifact.image>', { 'task-definition': 'taskdef.yaml', 'service-definition': 'service.json' }, 'taskdef.yaml:10'],
  ['a missing manifest', deployInputs('web:1', { 'task-definition': 'missing.yaml' }), "input 'task-definition', missing.yaml: file not found"],
  ['a YAML syntax error', deployInputs('web:1', { 'task-definition': 'broken.yaml' }), "input 'task-definition', broken.yaml:4: YAML syntax error"],
  ['a wrongly typed manifest field', deployInputs('web:1', { 'service-definition': 'bad-field.json' }), 'bad-field.json:3, field desiredCount'],
  ['a scalable target of another service', deployInputs('web:1', { 'scalable-targets': 'other-service-target.yaml' }), "input 'scalable-targets'"],
  ['container-name without image', { 'task-definition': 'taskdef.yaml', service: 'web', 'container-name': 'web' }, "input 'image'"],
  ['a task definition file in rollback mode', { mode: 'rollback', service: 'web', 'task-definition': 'taskdef.yaml' }, "input 'task-definition': mode 'rollback' does not use it"],
  ['a malformed region', deployInputs('web:1', { region: 'moon-1' }), "input 'region'"],
];

describe('bad inputs make zero AWS calls (S3)', () => {
  it.each(BAD_INPUTS)('%s', async (_what, inputs, expected) => {
    const since = Date.now();
    const run = await runRolling(e.emu, inputs, { workspace: standardWorkspace(badFiles) });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotation(run.stdout)).toContain(expected);
    expect(await e.emu.control.calls(since)).toEqual([]);
  });

  it.each([
    ['a first deployment without a service definition', { 'task-definition': 'taskdef.yaml', service: 'web', image: 'web:1' }, "input 'service-definition'"],
    ['a first deployment without a desired count', deployInputs('web:1', { 'service-definition': 'no-count.yaml' }), 'needs a desired count'],
    ['an unknown task-definition-arn', { 'task-definition-arn': 'web:42', 'service-definition': 'service.json' }, "input 'task-definition-arn': task definition web:42 cannot be used"],
  ])('%s: found by reads, still no change', async (_what, inputs, expected) => {
    const since = Date.now();
    const run = await runRolling(e.emu, inputs, { workspace: standardWorkspace({ 'no-count.yaml': 'serviceName: web\nlaunchType: FARGATE\n' }) });
    expect(run.exitCode).toBe(1);
    expect(errorAnnotation(run.stdout)).toContain(expected);
    expect(await mutatingCalls(e.emu, since)).toEqual([]);
  });
});

describe('dry-run (S13)', () => {
  it('prints the normalised diff against the live service and task definition, and changes nothing', async () => {
    const workspace = standardWorkspace();
    const first = await runRolling(e.emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(first.exitCode).toBe(0);
    const before = await describeWeb(e.ecs);
    const since = Date.now();
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:2', { 'dry-run': true, 'desired-count': 4 }), { workspace });

    expect(run.exitCode).toBe(0);
    expect(await mutatingCalls(e.emu, since)).toEqual([]);
    expect(await describeWeb(e.ecs)).toMatchObject({ taskDefinition: before?.taskDefinition, desiredCount: 2 });
    for (const text of [run.stdout, run.summary]) {
      expect(text).toContain('- containerDefinitions[web].image: "registry.example.com/web:1"');
      expect(text).toContain('+ containerDefinitions[web].image: "registry.example.com/web:2"');
      expect(text).toContain('- desiredCount: 2');
      expect(text).toContain('+ desiredCount: 4');
    }
    // Normalised: the environment and ports written the same way show no change.
    expect(run.stdout).not.toContain('LOG_LEVEL');
    expect(run.outputs).toMatchObject({ serviceName: 'web', previousTaskDefinitionArn: first.outputs['taskDefinitionArn'], firstDeployment: 'false' });
    expect(run.outputs['taskDefinitionArn']).toBeUndefined();
  });

  it('for a service that does not exist yet shows what would be created', async () => {
    const since = Date.now();
    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:1', { 'dry-run': true }));
    expect(run.exitCode).toBe(0);
    expect(await e.emu.control.calls(since).then((calls) => calls.filter((c) => !/^(Describe|List)/.test(c.operation)))).toEqual([]);
    expect(run.stdout).toContain('it would be created (first deployment)');
    expect(run.stdout).toContain('+ desiredCount: 2');
    expect(run.stdout).toContain('+ containerDefinitions[web].image: "registry.example.com/web:1"');
    expect(await describeWeb(e.ecs)).toBeUndefined();
  });

  it('in rollback mode says which revision it would roll back to, and changes nothing', async () => {
    const workspace = standardWorkspace();
    for (const image of ['registry.example.com/web:1', 'registry.example.com/web:2']) {
      expect((await runRolling(e.emu, deployInputs(image), { workspace })).exitCode).toBe(0);
    }
    const since = Date.now();
    const run = await runRolling(e.emu, { mode: 'rollback', service: 'web', 'dry-run': true });
    expect(run.exitCode).toBe(0);
    expect(await mutatingCalls(e.emu, since)).toEqual([]);
    expect(run.stdout).toContain('Would roll back: rolling back to web:1');
    expect(run.stdout).toContain('+ containerDefinitions[web].image: "registry.example.com/web:1"');
  });
});
