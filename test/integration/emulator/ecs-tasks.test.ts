/**
 * Standalone tasks through the real ECS client: RunTask (count, failures[], tags), the task lifecycle and exit
 * codes chosen by the image tag, StopTask, DescribeTasks limits and ListTasks filters.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type ContainerDefinition,
  type Task,
} from '@aws-sdk/client-ecs';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

let emu: TestEmulator;
let ecs: ECSClient;

beforeAll(async () => {
  emu = await startTestEmulator({ taskStartMs: 1000, speed: 50 });
  ecs = new ECSClient(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

async function register(family: string, containers: ContainerDefinition[]): Promise<string> {
  const out = await ecs.send(new RegisterTaskDefinitionCommand({ family, memory: '512', containerDefinitions: containers }));
  return out.taskDefinition?.taskDefinitionArn ?? '';
}

async function describeTasks(arns: string[]): Promise<Task[]> {
  return (await ecs.send(new DescribeTasksCommand({ tasks: arns, include: ['TAGS'] }))).tasks ?? [];
}

const allStopped = (arns: string[]): Promise<Task[]> =>
  eventually('tasks stopped', async () => {
    const tasks = await describeTasks(arns);
    return tasks.every((t) => t.lastStatus === 'STOPPED') ? tasks : undefined;
  });

describe('RunTask', () => {
  it('runs tasks that exit with the code their image tag names', async () => {
    const td = await register('job', [{ name: 'job', image: 'job:exit-0' }]);
    const out = await ecs.send(new RunTaskCommand({ taskDefinition: td, count: 3, startedBy: 'ci-42', tags: [{ key: 'run', value: '42' }] }));
    expect(out.failures).toEqual([]);
    expect(out.tasks).toHaveLength(3);
    expect(out.tasks?.[0]).toMatchObject({ lastStatus: 'PROVISIONING', desiredStatus: 'RUNNING', group: 'family:job', startedBy: 'ci-42' });
    expect(out.tasks?.[0]?.tags).toEqual([{ key: 'run', value: '42' }]);
    const arns = out.tasks?.map((t) => t.taskArn ?? '') ?? [];
    expect((await ecs.send(new ListTasksCommand({ startedBy: 'ci-42' }))).taskArns?.sort()).toEqual([...arns].sort());

    const done = await allStopped(arns);
    for (const t of done) {
      expect(t).toMatchObject({ stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' });
      expect(t.containers?.[0]?.exitCode).toBe(0);
      expect(t.startedAt).toBeInstanceOf(Date);
      expect(t.stoppedAt?.getTime()).toBeGreaterThanOrEqual(t.startedAt?.getTime() ?? Infinity);
      expect(t.tags).toEqual([{ key: 'run', value: '42' }]);
    }
    expect((await ecs.send(new ListTasksCommand({ family: 'job', desiredStatus: 'STOPPED' }))).taskArns).toHaveLength(3);
    expect((await ecs.send(new ListTasksCommand({ family: 'job' }))).taskArns).toEqual([]);
  });

  it('keeps a task running when a non-essential sidecar exits', async () => {
    const td = await register('app', [
      { name: 'app', image: 'app:v1', essential: true },
      { name: 'init', image: 'init:exit-7', essential: false },
    ]);
    const [task] = (await ecs.send(new RunTaskCommand({ taskDefinition: td }))).tasks ?? [];
    const arn = task?.taskArn ?? '';
    const sidecarDone = await eventually('sidecar exit', async () => {
      const [t] = await describeTasks([arn]);
      return t?.containers?.find((c) => c.name === 'init')?.exitCode === 7 ? t : undefined;
    });
    expect(sidecarDone.lastStatus).toBe('RUNNING');
    expect(sidecarDone.containers?.find((c) => c.name === 'app')?.lastStatus).toBe('RUNNING');

    const stopped = await ecs.send(new StopTaskCommand({ task: arn, reason: 'done testing' }));
    expect(stopped.task).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'UserInitiated', stoppedReason: 'done testing' });
    const [final] = await allStopped([arn]);
    expect(final?.containers?.find((c) => c.name === 'app')?.exitCode).toBe(143);
  });

  it('reports placement failures in failures[] and refuses more than 10 tasks', async () => {
    const td = await register('big', [{ name: 'big', image: 'big:no-capacity' }]);
    const out = await ecs.send(new RunTaskCommand({ taskDefinition: td, count: 2 }));
    expect(out.tasks).toEqual([]);
    expect(out.failures?.map((f) => f.reason)).toEqual(['RESOURCE:MEMORY', 'RESOURCE:MEMORY']);
    await expect(ecs.send(new RunTaskCommand({ taskDefinition: td, count: 11 }))).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });
});

describe('task queries', () => {
  it('limits DescribeTasks to 100 tasks and reports unknown ones as MISSING', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => i.toString(16).padStart(32, '0'));
    await expect(ecs.send(new DescribeTasksCommand({ tasks: ids }))).rejects.toMatchObject({ name: 'InvalidParameterException' });
    const out = await ecs.send(new DescribeTasksCommand({ tasks: [ids[0] ?? ''] }));
    expect(out.failures).toEqual([{ arn: `arn:aws:ecs:us-east-1:123456789012:task/default/${ids[0]}`, reason: 'MISSING' }]);
    await expect(ecs.send(new StopTaskCommand({ task: ids[0] }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'The referenced task was not found.',
    });
  });

  it('pages ListTasks with nextToken', async () => {
    const td = await register('job', [{ name: 'job', image: 'job:v1' }]);
    for (let i = 0; i < 3; i++) await ecs.send(new RunTaskCommand({ taskDefinition: td, count: 2 }));
    const first = await ecs.send(new ListTasksCommand({ maxResults: 4 }));
    expect(first.taskArns).toHaveLength(4);
    const second = await ecs.send(new ListTasksCommand({ maxResults: 4, nextToken: first.nextToken }));
    expect(second.taskArns).toHaveLength(2);
    expect(second.nextToken).toBeUndefined();
  });
});
