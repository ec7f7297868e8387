/**
 * Issue 10, defect 5, end to end: manifest paths are checked by path segment, so names inside the workspace that
 * start with `..` (`..taskdef.yaml`, `..cfg/service.json`) are accepted; and a file under RUNNER_TEMP — where
 * aws-actions/amazon-ecs-render-task-definition writes the task definition it rendered — is accepted too. (What lies
 * outside both stays refused: test/bad-inputs.) The committed bundles run against the emulator; build first:
 * `npm run build`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  TASK_DEFINITION_YAML,
  describeWeb,
  runRolling,
  serviceDefinitionJson,
  startRollingE2e,
  type RollingE2e,
} from '../helpers/ecs-rolling-e2e.js';
import { makeWorkspace, runAction, type ActionRun } from '../helpers/run-action.js';

const WEB_IMAGE = 'registry.example.com/web:7';
const JOB_IMAGE = 'registry.example.com/jobs/migrate:exit-0';
const JOB_TD = JSON.stringify({
  family: 'migrate',
  containerDefinitions: [{ name: 'app', image: '<+artifact.image>', memory: 128, essential: true }],
});

/** A folder with `files` (relative paths, folders created): a workspace, or the runner's temporary folder. */
function folderWith(prefix: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

let e: RollingE2e;
beforeAll(async () => {
  e = await startRollingE2e();
});
afterAll(async () => e.stop());
beforeEach(async () => e.emu.control.reset());

async function expectDeployed(run: ActionRun): Promise<void> {
  expect(run.stdout).not.toContain('leaves the workspace');
  expect(run.exitCode).toBe(0);
  expect((await describeWeb(e.ecs))?.taskDefinition).toBe(run.outputs['taskDefinitionArn']);
  const td = await e.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: run.outputs['taskDefinitionArn'] }));
  expect(td.taskDefinition?.containerDefinitions?.[0]?.image).toBe(WEB_IMAGE);
}

async function runJob(inputs: Record<string, string>, workspace: string, env: Record<string, string> = {}): Promise<ActionRun> {
  return runAction('ecs-run-task', { inputs: { image: JOB_IMAGE, ...inputs }, env: { ...e.emu.env(), ...env }, workspace, timeoutMs: 60_000 });
}

async function expectJobRan(run: ActionRun): Promise<void> {
  expect(run.stdout).not.toContain('leaves the workspace');
  expect(run.exitCode).toBe(0);
  const td = await e.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: run.outputs['taskDefinitionArn'] }));
  expect(td.taskDefinition?.containerDefinitions?.[0]?.image).toBe(JOB_IMAGE);
  expect(JSON.parse(run.outputs['taskArns'] ?? '[]')).toHaveLength(1);
}

describe('ecs-rolling: manifest paths', () => {
  it('deploys from files inside the workspace whose names start with ..', async () => {
    const workspace = folderWith('ws-', { '..taskdef.yaml': TASK_DEFINITION_YAML, '..cfg/service.json': serviceDefinitionJson() });
    const inputs = { 'task-definition': '..taskdef.yaml', 'service-definition': '..cfg/service.json', image: WEB_IMAGE };
    await expectDeployed(await runRolling(e.emu, inputs, { workspace }));
  });

  it('deploys a task definition file written under RUNNER_TEMP (absolute path)', async () => {
    const runnerTemp = folderWith('runner-temp-', { 'task-definition-abc123.yaml': TASK_DEFINITION_YAML });
    const workspace = makeWorkspace({ 'service.json': serviceDefinitionJson() });
    const inputs = { 'task-definition': join(runnerTemp, 'task-definition-abc123.yaml'), 'service-definition': 'service.json', image: WEB_IMAGE };
    await expectDeployed(await runRolling(e.emu, inputs, { workspace, env: { RUNNER_TEMP: runnerTemp } }));
  });
});

describe('ecs-run-task: manifest paths', () => {
  it('runs a task definition inside the workspace whose folder name starts with ..', async () => {
    await expectJobRan(await runJob({ 'task-definition': '..cfg/td.json' }, folderWith('ws-', { '..cfg/td.json': JOB_TD })));
  });

  it('runs a task definition file written under RUNNER_TEMP (absolute path)', async () => {
    const runnerTemp = folderWith('runner-temp-', { 'task-definition-def456.json': JOB_TD });
    const run = await runJob({ 'task-definition': join(runnerTemp, 'task-definition-def456.json') }, makeWorkspace(), { RUNNER_TEMP: runnerTemp });
    await expectJobRan(run);
  });
});
