/**
 * The root action (action.yml at the repository root, entry dist/index.js on the shared bundle) end to end: it runs
 * ecs-rolling and ecs-run-task in its own process with only the inputs the step gives (the root declares no
 * defaults, so each action's defaults apply in code), and a wrong command or an input of another command fails
 * before any AWS call, naming the command and the input (S3). Build first: `npm run build`.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { DescribeTasksCommand } from '@aws-sdk/client-ecs';
import { describeWeb, failureAnnotation, mutatingCalls, revisionOf, rollingE2eSuite, standardWorkspace, taskDefinitionJson } from '../helpers/ecs-rolling-e2e.js';
import { entryPath, makeWorkspace, ROOT_ACTION, runAction, type ActionRun } from '../helpers/run-action.js';
import type { TestEmulator } from '../helpers/emulator.js';

const e = rollingE2eSuite();

function runRoot(emu: TestEmulator, inputs: Record<string, string>, workspace = standardWorkspace()): Promise<ActionRun> {
  if (!existsSync(entryPath(ROOT_ACTION))) throw new Error(`${entryPath(ROOT_ACTION)} is missing: run \`npm run build\` first`);
  return runAction(ROOT_ACTION, { inputs, env: emu.env(), workspace, timeoutMs: 90_000 });
}

describe('root action: the command runs the action in the same process', () => {
  it('ecs-rolling: first and second deployment, outputs and the service as ecs-rolling leaves them (R2, R3, R8)', async () => {
    const workspace = standardWorkspace();
    const inputs = { command: 'ecs-rolling', 'task-definition': 'taskdef.yaml', 'service-definition': 'service.json' };
    const first = await runRoot(e().emu, { ...inputs, image: 'registry.example.com/web:1' }, workspace);
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({ serviceName: 'web', firstDeployment: 'true', rolledBack: 'false', previousTaskDefinitionArn: '' });

    const since = Date.now();
    const second = await runRoot(e().emu, { ...inputs, image: 'registry.example.com/web:2' }, workspace);
    expect(second.exitCode).toBe(0);
    expect(revisionOf(second.outputs['taskDefinitionArn'])).toBe('web:2');
    expect(second.outputs['previousTaskDefinitionArn']).toBe(first.outputs['taskDefinitionArn']);
    expect(second.outputs['firstDeployment']).toBe('false');
    // Defaults applied in code as action.yml would: mode deploy, waiting for steady state, rollback on failure.
    const service = await describeWeb(e().ecs);
    expect(service).toMatchObject({ desiredCount: 2, runningCount: 2, taskDefinition: second.outputs['taskDefinitionArn'] });
    expect(service?.deployments?.[0]?.rolloutState).toBe('COMPLETED');
    expect(await mutatingCalls(e().emu, since)).toEqual(['ecs:RegisterTaskDefinition', 'ecs:UpdateService']);
    expect(second.summary).toContain('web:1');
  });

  it('ecs-run-task: runs the task to its exit and sets the outputs, startedBy from the code default (T1–T3)', async () => {
    const workspace = makeWorkspace({ 'job.json': taskDefinitionJson('registry.example.com/jobs/migrate:exit-0', 'migrate') });
    const run = await runRoot(e().emu, { command: 'ecs-run-task', 'task-definition': 'job.json', 'launch-type': 'FARGATE', subnets: 'subnet-0a1b2c3d' }, workspace);
    expect(run.exitCode).toBe(0);
    const taskArns = JSON.parse(run.outputs['taskArns'] ?? '[]') as string[];
    expect(taskArns).toHaveLength(1);
    expect(JSON.parse(run.outputs['exitCodes'] ?? '{}')).toEqual({ [taskArns[0] ?? '']: { web: 0 } });
    expect(run.outputs['taskDefinitionArn']).toMatch(/:task-definition\/migrate:1$/);
    const tasks = (await e().ecs.send(new DescribeTasksCommand({ tasks: taskArns }))).tasks ?? [];
    expect(tasks[0]).toMatchObject({ lastStatus: 'STOPPED', startedBy: 'GitHub-Actions' });
  });
});

describe('root action: mistakes fail before any AWS call (S3)', () => {
  const cases: { name: string; inputs: Record<string, string>; input: string; message: RegExp }[] = [
    { name: 'no command', inputs: { 'task-definition': 'taskdef.yaml' }, input: 'command', message: /a value is required: one of .*ecs-rolling.*ecs-run-task/ },
    { name: 'an unknown command', inputs: { command: 'deploy' }, input: 'command', message: /command 'deploy' is not in this build/ },
    {
      name: "another command's input",
      inputs: { command: 'ecs-run-task', 'task-definition': 'taskdef.yaml', 'scalable-targets': 'scalable-target.yaml' },
      input: 'scalable-targets',
      message: /is not an input of command 'ecs-run-task': it is an input of ecs-rolling/,
    },
    {
      name: 'an input of another command given with its default value (given explicitly, so still wrong)',
      inputs: { command: 'ecs-run-task', 'task-definition': 'taskdef.yaml', 'rollback-on-failure': 'true' },
      input: 'rollback-on-failure',
      message: /is not an input of command 'ecs-run-task'/,
    },
    { name: 'an input no command has', inputs: { command: 'ecs-rolling', 'task-definition': 'taskdef.yaml', strategy: 'canary' }, input: 'strategy', message: /command 'ecs-rolling': no command has it/ },
  ];
  for (const c of cases) {
    it(`${c.name}: exit 1, one located error naming the input, zero AWS calls`, async () => {
      const since = Date.now();
      const run = await runRoot(e().emu, c.inputs);
      expect(run.exitCode).toBe(1);
      const error = failureAnnotation(run.stdout);
      expect(error.startsWith(`input '${c.input}': `)).toBe(true);
      expect(error).toMatch(c.message);
      expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toHaveLength(1);
      expect(await e().emu.control.calls(since + 1)).toEqual([]);
    });
  }

  it("the chosen action's own input check still applies: a bad value fails as ecs-rolling's does", async () => {
    const since = Date.now();
    const run = await runRoot(e().emu, { command: 'ecs-rolling', 'task-definition': 'taskdef.yaml', 'service-definition': 'service.json', mode: 'sideways' });
    expect(run.exitCode).toBe(1);
    expect(failureAnnotation(run.stdout)).toMatch(/^input 'mode': /);
    expect(await e().emu.control.calls(since + 1)).toEqual([]);
  });
});
