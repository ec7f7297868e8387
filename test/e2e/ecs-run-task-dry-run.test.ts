/**
 * ecs-run-task `dry-run: true` end to end (S13): the bundle dist/ecs-run-task/index.js against the embedded
 * emulator. What a user checks afterwards: the step succeeded, its log and job summary show the task definition
 * diff and the RunTask request, the outputs say nothing ran, and AWS saw only reads (no new revision, no task).
 * Build first: `node scripts/build.mjs dist ecs-run-task`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { ECSClient, ListTaskDefinitionsCommand, ListTasksCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { entryPath, makeWorkspace, runAction } from '../helpers/run-action.js';

const BUNDLE = entryPath('ecs-run-task');
const IMAGE = 'registry.example.com/jobs/migrate';

const taskDefinition = (tag: string) => ({
  family: 'migrate',
  containerDefinitions: [{ name: 'app', image: `${IMAGE}:${tag}`, memory: 128, essential: true }],
});

/** Read-only ECS operations, by the AWS naming convention. */
const READ_ONLY = /^(Describe|List|Get)/;

let emu: TestEmulator;
let ecs: ECSClient;

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  emu = await startTestEmulator({ taskStartMs: 200, speed: 4 });
  ecs = new ECSClient(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

describe('ecs-run-task dry-run bundle against the emulator', () => {
  it('shows the diff against the live revision and the RunTask request, and makes only read calls', async () => {
    const live = await ecs.send(new RegisterTaskDefinitionCommand(taskDefinition('v1')));
    const liveArn = live.taskDefinition?.taskDefinitionArn ?? '';
    const since = Date.now();

    const r = await runAction('ecs-run-task', {
      inputs: { 'task-definition': 'td.json', count: '12', tags: 'run=7', 'dry-run': 'true' },
      env: emu.env(),
      workspace: makeWorkspace({ 'td.json': JSON.stringify(taskDefinition('v2')) }),
      timeoutMs: 60_000,
    });

    expect(r.exitCode).toBe(0);
    const calls = await emu.control.calls(since);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => !READ_ONLY.test(c.operation)).map((c) => c.operation)).toEqual([]);
    expect(calls.map((c) => c.operation)).toContain('DescribeTaskDefinition');

    expect(r.stdout).toContain(`- containerDefinitions[app].image: "${IMAGE}:v1"`);
    expect(r.stdout).toContain(`+ containerDefinitions[app].image: "${IMAGE}:v2"`);
    expect(r.stdout).toContain('Would register a new revision of migrate from td.json: it differs from migrate:1');
    expect(r.stdout).toContain('RunTask would be called 2 times (count 10, 2)');
    expect(r.summary).toContain(`+ containerDefinitions[app].image: "${IMAGE}:v2"`);
    expect(r.summary).toMatch(/```yaml\ncluster: default\ntaskDefinition: <the new revision of migrate, registered from td.json>\ncount: 10\n/);
    expect(r.summary).toContain('- key: run\n    value: "7"');
    expect(r.outputs['taskDefinitionArn']).toBe('');
    expect(r.outputs['taskArns']).toBe('[]');
    expect(r.outputs['exitCodes']).toBe('{}');

    // What a user would check in AWS: still one revision, and no task.
    const revisions = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'migrate' }));
    expect(revisions.taskDefinitionArns).toEqual([liveArn]);
    const tasks = await ecs.send(new ListTasksCommand({ cluster: 'default', desiredStatus: 'STOPPED' }));
    const running = await ecs.send(new ListTasksCommand({ cluster: 'default' }));
    expect([...(tasks.taskArns ?? []), ...(running.taskArns ?? [])]).toEqual([]);
  });
});
