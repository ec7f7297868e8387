/**
 * ecs-run-task end to end (issue 5): the bundle dist/ecs-run-task/index.js runs as the GitHub runner runs it
 * (Node 24, INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, signals) against the embedded emulator, and the
 * assertions are what a user would check: the step's exit code and log, its outputs, and the tasks in ECS.
 * Build first: `npm run build` (or `node scripts/build.mjs`).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { DescribeTasksCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { eventually, startTestEmulator, type EmulatorCall, type TestEmulator } from '../helpers/emulator.js';
import { entryPath, makeWorkspace, runAction, waitForOutput, type ActionRun } from '../helpers/run-action.js';

const BUNDLE = entryPath('ecs-run-task');
const IMAGE = 'registry.example.com/jobs/migrate';

const TASK_DEFINITION = JSON.stringify({
  family: 'migrate',
  containerDefinitions: [
    {
      name: 'app',
      image: '<+artifact.image>',
      memory: 128,
      essential: true,
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/migrate',
          'awslogs-region': 'us-east-1',
          'awslogs-stream-prefix': 'run',
          'awslogs-create-group': 'true',
        },
      },
    },
  ],
});

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

async function run(inputs: Record<string, string>, extra: Partial<Parameters<typeof runAction>[1]> = {}): Promise<ActionRun> {
  return runAction('ecs-run-task', {
    inputs: { 'task-definition': 'td.json', ...inputs },
    env: emu.env(),
    workspace: makeWorkspace({ 'td.json': TASK_DEFINITION }),
    timeoutMs: 60_000,
    ...extra,
  });
}

const calls = async (operation: string): Promise<EmulatorCall[]> =>
  (await emu.control.calls()).filter((c) => c.operation === operation);

describe('ecs-run-task bundle against the emulator', () => {
  it('exit-0: succeeds, prints the task log lines, sets the outputs and the summary', async () => {
    const r = await run({ image: `${IMAGE}:exit-0` });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`Starting app (${IMAGE}:exit-0)`);
    expect(r.stdout).toContain('Exiting with code 0');
    const taskArns = JSON.parse(r.outputs['taskArns'] ?? 'null') as string[];
    expect(taskArns).toHaveLength(1);
    expect(taskArns[0]).toMatch(/^arn:aws:ecs:us-east-1:\d{12}:task\/default\/[0-9a-f]+$/);
    expect(JSON.parse(r.outputs['exitCodes'] ?? 'null')).toEqual({ [taskArns[0] ?? '']: { app: 0 } });
    expect(r.outputs['taskDefinitionArn']).toMatch(/:task-definition\/migrate:1$/);
    expect(r.outputs['clusterArn']).toMatch(/:cluster\/default$/);
    expect(r.summary).toMatch(/\| `[0-9a-f]+` \| app \| 0 \|/);
    expect(r.summary).toContain(r.outputs['taskDefinitionArn']);
    const tasks = (await ecs.send(new DescribeTasksCommand({ tasks: taskArns }))).tasks ?? [];
    expect(tasks[0]).toMatchObject({ lastStatus: 'STOPPED', startedBy: 'GitHub-Actions' });
  });

  it('exit-3: fails and names exit code 3', async () => {
    const r = await run({ image: `${IMAGE}:exit-3` });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/::error::.*container app exited with code 3/);
    expect(r.stdout).toContain('Exiting with code 3');
    const taskArn = (JSON.parse(r.outputs['taskArns'] ?? '[]') as string[])[0] ?? '';
    expect(JSON.parse(r.outputs['exitCodes'] ?? 'null')).toEqual({ [taskArn]: { app: 3 } });
    expect(r.summary).toMatch(/\| app \| 3 \|.*❌/);
  });

  it('pull-error: fails with the image pull reason', async () => {
    const r = await run({ image: `${IMAGE}:pull-error` });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/::error::.*task did not start: CannotPullContainerError/);
    expect(r.stdout).toContain(`${IMAGE}:pull-error`);
  });

  it('count 25: three RunTask calls (10, 10, 5), waits for all 25', async () => {
    const r = await run({ image: `${IMAGE}:exit-0`, count: '25' });
    expect(r.exitCode).toBe(0);
    const runTask = await calls('RunTask');
    expect(runTask.map((c) => c.parameters['count'])).toEqual([10, 10, 5]);
    const taskArns = JSON.parse(r.outputs['taskArns'] ?? '[]') as string[];
    expect(new Set(taskArns).size).toBe(25);
    const codes = JSON.parse(r.outputs['exitCodes'] ?? '{}') as Record<string, { app: number }>;
    expect(Object.values(codes).map((c) => c.app)).toEqual(Array(25).fill(0));
    const stopped = (await ecs.send(new DescribeTasksCommand({ tasks: taskArns }))).tasks ?? [];
    expect(stopped.filter((t) => t.lastStatus === 'STOPPED')).toHaveLength(25);
  });

  it('wait: none returns right after RunTask with the task ARNs', async () => {
    const r = await run({ image: `${IMAGE}:latest`, wait: 'none' });
    expect(r.exitCode).toBe(0);
    const taskArns = JSON.parse(r.outputs['taskArns'] ?? '[]') as string[];
    expect(taskArns).toHaveLength(1);
    expect(await calls('DescribeTasks')).toEqual([]);
    const tasks = (await ecs.send(new DescribeTasksCommand({ tasks: taskArns }))).tasks ?? [];
    expect(tasks[0]?.desiredStatus).toBe('RUNNING');
  });

  it('wait: running succeeds once every task runs, and leaves them running', async () => {
    const r = await run({ image: `${IMAGE}:latest`, wait: 'running', count: '2' });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/→ RUNNING/);
    const taskArns = JSON.parse(r.outputs['taskArns'] ?? '[]') as string[];
    const tasks = (await ecs.send(new DescribeTasksCommand({ tasks: taskArns }))).tasks ?? [];
    expect(tasks.map((t) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING']);
  });

  it('RunTask failures[] fail the step, each with its reason', async () => {
    const r = await run({ image: `${IMAGE}:no-capacity`, count: '2' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/::error::RunTask reported 2 failure\(s\)/);
    expect(r.stdout).toContain('RESOURCE:MEMORY');
    expect(await calls('DescribeTasks')).toEqual([]);
    expect(r.summary).toContain('RunTask failures');
  });

  it('runs a registered revision given as task-definition-arn without registering anything', async () => {
    const registered = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'report',
        containerDefinitions: [{ name: 'report', image: `${IMAGE}:exit-0`, memory: 64 }],
      }),
    );
    const arn = registered.taskDefinition?.taskDefinitionArn ?? '';
    const since = Date.now();
    const r = await run({ 'task-definition': '', 'task-definition-arn': arn });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['taskDefinitionArn']).toBe(arn);
    const made = (await emu.control.calls(since)).map((c) => c.operation);
    expect(made).toContain('DescribeTaskDefinition');
    expect(made).not.toContain('RegisterTaskDefinition');
    expect(r.stdout).toContain('No container of the task definition uses the awslogs log driver');
  });

  it('SIGINT stops the started tasks with a reason naming the cancellation, then fails', async () => {
    const r = await run(
      { image: `${IMAGE}:latest`, count: '2' },
      {
        onStart: (child, output) => {
          void waitForOutput(output, (text) => (text.match(/→ RUNNING/g) ?? []).length >= 2, 30_000).then(() =>
            child.kill('SIGINT'),
          );
        },
      },
    );
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/::error::The workflow was cancelled \(SIGINT received\)/);
    const stops = await calls('StopTask');
    expect(stops).toHaveLength(2);
    for (const s of stops) expect(String(s.parameters['reason'])).toMatch(/workflow was cancelled/);
    const taskArns = JSON.parse(r.outputs['taskArns'] ?? '[]') as string[];
    expect(taskArns).toHaveLength(2);
    const tasks = await eventually('both tasks STOPPED', async () => {
      const described = (await ecs.send(new DescribeTasksCommand({ tasks: taskArns }))).tasks ?? [];
      return described.every((t) => t.lastStatus === 'STOPPED') ? described : undefined;
    });
    expect(tasks).toHaveLength(2);
    for (const t of tasks) {
      expect(t.stopCode).toBe('UserInitiated');
      expect(t.stoppedReason).toBe('Stopped by ecs-run-task: the GitHub Actions workflow was cancelled');
    }
  });

  it('a missing required input fails with a clear error and makes no AWS call', async () => {
    const r = await run({ 'task-definition': '', image: `${IMAGE}:exit-0` });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/::error::input 'task-definition': one of 'task-definition' .* or 'task-definition-arn' is required/);
    expect(await emu.control.calls()).toEqual([]);
  });
});
