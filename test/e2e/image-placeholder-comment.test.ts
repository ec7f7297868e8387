/**
 * Issue 10, defect 2, end to end (S2): a `<+artifact.image>` placeholder that is only in a YAML comment does not use
 * the `image` input. The step fails on input `image` before any change, instead of deploying (or running) the
 * file's own image with a green step. A placeholder in a value still deploys the input's image, comment or not.
 * The committed bundles run against the emulator; build first: `npm run build`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import {
  TASK_DEFINITION_YAML,
  deployInputs,
  describeWeb,
  mutatingCalls,
  runRolling,
  standardWorkspace,
  startRollingE2e,
  type RollingE2e,
} from '../helpers/ecs-rolling-e2e.js';
import { makeWorkspace, runAction, type ActionRun } from '../helpers/run-action.js';

const COMMENT = '# CI sets the image: <+artifact.image>';
const INPUT_IMAGE = 'registry.example.com/web:2';

/** The standard web task definition with its own image, the placeholder only in a comment. */
const COMMENTED_TD = TASK_DEFINITION_YAML.replace('    image: <+artifact.image>', `    ${COMMENT}\n    image: nginx:1.24`);

/** What the step must say: the image would not be used, on input `image`. */
function expectImageRefused(run: ActionRun): void {
  expect(run.exitCode).toBe(1);
  const error = (run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '').replace(/%0A/g, '\n');
  expect(error).toContain("input 'image': the image would not be used");
}

let e: RollingE2e;
beforeAll(async () => {
  e = await startRollingE2e();
});
afterAll(async () => e.stop());
beforeEach(async () => e.emu.control.reset());

describe('ecs-rolling: the image placeholder only in a YAML comment', () => {
  it('fails on input image before any change, and no service is created', async () => {
    expect(COMMENTED_TD).toContain(COMMENT);
    const since = Date.now();
    const run = await runRolling(e.emu, deployInputs(INPUT_IMAGE), { workspace: standardWorkspace({ 'taskdef.yaml': COMMENTED_TD }) });
    expectImageRefused(run);
    expect(await mutatingCalls(e.emu, since)).toEqual([]);
    expect(await describeWeb(e.ecs)).toBeUndefined();
  });

  it('a placeholder in the value, with the same comment above it, deploys the input image', async () => {
    const td = TASK_DEFINITION_YAML.replace('    image: <+artifact.image>', `    ${COMMENT}\n    image: <+artifact.image>`);
    const run = await runRolling(e.emu, deployInputs(INPUT_IMAGE), { workspace: standardWorkspace({ 'taskdef.yaml': td }) });
    expect(run.exitCode).toBe(0);
    const out = await e.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: run.outputs['taskDefinitionArn'] }));
    expect(out.taskDefinition?.containerDefinitions?.[0]?.image).toBe(INPUT_IMAGE);
  });
});

describe('ecs-run-task: the image placeholder only in a YAML comment', () => {
  const TD = [
    'family: migrate',
    'containerDefinitions:',
    '  - name: app',
    `    ${COMMENT}`,
    '    image: registry.example.com/jobs/migrate:exit-0',
    '    memory: 128',
    '    essential: true',
    '',
  ].join('\n');

  it('fails on input image before any change: nothing registered, no task run', async () => {
    const since = Date.now();
    const run = await runAction('ecs-run-task', {
      inputs: { 'task-definition': 'td.yaml', image: 'registry.example.com/jobs/migrate:exit-3' },
      env: e.emu.env(),
      workspace: makeWorkspace({ 'td.yaml': TD }),
      timeoutMs: 60_000,
    });
    expectImageRefused(run);
    expect(await mutatingCalls(e.emu, since)).toEqual([]);
  });
});
