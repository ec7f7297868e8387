/**
 * main's orchestration against a mocked ECS (aws-sdk-client-mock on the ECSClient class, since main builds its own
 * clients) with fake time: what is stopped, with which reason, and what the step says, for the paths the e2e
 * tests cannot reach deterministically (timeout, cancellation mid-wait, RunTask failing part-way, wait: running
 * failing, a registered revision that cannot be run).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
} from '@aws-sdk/client-ecs';
import type { Container, RunTaskCommandInput, Task, TaskDefinition } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { CancelledError, ConfigurationError } from '../../../../src/core/errors.js';
import { INPUT_NAMES } from '../../../../src/actions/ecs-run-task/inputs.js';
import { main } from '../../../../src/actions/ecs-run-task/main.js';
import { fakeRuntime } from '../../../helpers/fakes.js';
import type { FakeRuntime } from '../../../helpers/fakes.js';
import { makeWorkspace } from '../../../helpers/run-action.js';

const ACCOUNT = 'arn:aws:ecs:us-east-1:123456789012';
const TD_ARN = `${ACCOUNT}:task-definition/job:4`;
const TD: TaskDefinition = {
  taskDefinitionArn: TD_ARN,
  family: 'job',
  revision: 4,
  status: 'ACTIVE',
  networkMode: 'bridge',
  containerDefinitions: [{ name: 'app', image: 'img:1', memory: 64, essential: true }],
};

const mockEcs = () => mockClient(ECSClient);
type EcsMock = ReturnType<typeof mockEcs>;
type CommandCalls = (command: unknown) => Array<{ args: [{ input: unknown }] }>;

/** A tiny ECS: RunTask creates PROVISIONING tasks, `advance` moves them, StopTask stops them with the reason. */
class World {
  readonly tasks = new Map<string, Task>();
  private next = 0;
  constructor(readonly ecs: EcsMock) {
    ecs.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: TD });
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: TD });
    ecs.on(RunTaskCommand).callsFake((input: RunTaskCommandInput) => ({ tasks: this.start(input.count ?? 1), failures: [] }));
    ecs.on(DescribeTasksCommand).callsFake((input: { tasks: string[] }) => ({
      tasks: input.tasks.map((arn) => this.tasks.get(arn)).filter((t) => t !== undefined),
      failures: [],
    }));
    ecs.on(StopTaskCommand).callsFake((input: { task: string; reason: string }) => {
      const t = this.tasks.get(input.task);
      if (t === undefined) throw new Error('unknown task');
      this.set(t.taskArn ?? '', { lastStatus: 'STOPPED', stoppedReason: input.reason, desiredStatus: 'STOPPED' });
      return { task: { ...t, lastStatus: 'RUNNING' } };
    });
  }

  start(count: number): Task[] {
    return Array.from({ length: count }, () => {
      this.next += 1;
      const arn = `${ACCOUNT}:task/default/${this.next.toString(16).padStart(32, '0')}`;
      const task: Task = {
        taskArn: arn,
        clusterArn: `${ACCOUNT}:cluster/default`,
        lastStatus: 'PROVISIONING',
        containers: [{ name: 'app', lastStatus: 'PENDING' }],
      };
      this.tasks.set(arn, task);
      return task;
    });
  }

  set(arn: string, patch: Partial<Task>, containers?: Container[]): void {
    const t = this.tasks.get(arn);
    if (t === undefined) throw new Error(`no task ${arn}`);
    this.tasks.set(arn, { ...t, ...patch, ...(containers ? { containers } : {}) });
  }

  runAll(): void {
    for (const arn of this.tasks.keys()) this.set(arn, { lastStatus: 'RUNNING', startedAt: new Date() }, [{ name: 'app', lastStatus: 'RUNNING' }]);
  }

  calls(command: unknown): Array<Record<string, unknown>> {
    const commandCalls = this.ecs.commandCalls.bind(this.ecs) as unknown as CommandCalls;
    return commandCalls(command).map((c) => c.args[0].input as Record<string, unknown>);
  }
}

let ecs: EcsMock;
let world: World;
beforeEach(() => {
  ecs = mockEcs();
  world = new World(ecs);
});
afterEach(() => ecs.restore());

const TD_FILE = JSON.stringify({ family: 'job', containerDefinitions: [{ name: 'app', image: 'img:1', memory: 64 }] });

function runtime(inputs: Record<string, string>): FakeRuntime {
  return fakeRuntime({
    inputs: { 'task-definition': 'td.json', ...inputs },
    declared: INPUT_NAMES,
    env: { AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' },
    workspace: makeWorkspace({ 'td.json': TD_FILE }),
  });
}

async function failure(fake: FakeRuntime): Promise<Error> {
  try {
    await main(fake.rt);
  } catch (e) {
    if (e instanceof Error) return e;
  }
  throw new Error('expected main to fail');
}

describe('ecs-run-task main', () => {
  it('timeout: stops the unfinished tasks with a reason naming timeout-minutes, then fails naming the timeout', async () => {
    const fake = runtime({ 'timeout-minutes': '1', count: '2' });
    fake.time.onSleep = () => world.runAll();
    const e = await failure(fake);
    expect(e.message).toMatch(/^Timed out after 1m \(timeout-minutes: 1\) waiting for the tasks to be STOPPED; the action stopped 2 task\(s\)/);
    const stops = world.calls(StopTaskCommand);
    expect(stops).toHaveLength(2);
    for (const s of stops) expect(s['reason']).toBe('Stopped by ecs-run-task: timeout-minutes (1) reached');
    expect(fake.time.totalSlept()).toBeGreaterThanOrEqual(60_000);
    expect(fake.summary.join('')).toContain('❌ Timed out');
  });

  it('cancellation while waiting: stops the tasks with a reason naming the cancellation', async () => {
    const fake = runtime({ count: '3' });
    fake.time.onSleep = () => {
      world.runAll();
      fake.cancel(new CancelledError('SIGINT'));
    };
    const e = await failure(fake);
    expect(e.message).toMatch(/^The workflow was cancelled \(SIGINT received\) while waiting for the tasks to be STOPPED/);
    expect(e.message).toMatch(/stopped 3 task\(s\) it started/);
    const reasons = world.calls(StopTaskCommand).map((s) => s['reason']);
    expect(reasons).toEqual(Array(3).fill('Stopped by ecs-run-task: the GitHub Actions workflow was cancelled'));
    expect(JSON.parse(fake.sink.outputs.get('taskArns') ?? '[]')).toHaveLength(3);
  });

  it('an error waiting cannot fix (access denied) stops the started tasks before the step fails', async () => {
    const fake = runtime({ count: '2' });
    ecs
      .on(DescribeTasksCommand)
      .rejects(Object.assign(new Error('not authorized to perform: ecs:DescribeTasks'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }));
    const e = await failure(fake);
    expect(e.message).toContain('not authorized to perform: ecs:DescribeTasks');
    const reasons = world.calls(StopTaskCommand).map((s) => s['reason']);
    expect(reasons).toEqual(Array(2).fill('Stopped by ecs-run-task: the action could not follow the tasks (see the step log)'));
  });

  it('RunTask failing part-way: stops what the earlier calls started and lists each failure', async () => {
    let call = 0;
    ecs.on(RunTaskCommand).callsFake((input: RunTaskCommandInput) => {
      call += 1;
      if (call === 1) return { tasks: world.start(input.count ?? 1), failures: [] };
      return { tasks: [], failures: [{ arn: `${ACCOUNT}:container-instance/default/abc`, reason: 'RESOURCE:MEMORY' }] };
    });
    const fake = runtime({ count: '15' });
    const e = await failure(fake);
    expect(e.message).toMatch(/^RunTask reported 1 failure\(s\):\n {2}- .*container-instance\/default\/abc: RESOURCE:MEMORY/);
    expect(e.message).toMatch(/The action stopped 10 task\(s\) it started/);
    const stops = world.calls(StopTaskCommand);
    expect(stops).toHaveLength(10);
    expect(stops[0]?.['reason']).toBe('Stopped by ecs-run-task: RunTask could not start every task of this run');
    expect(world.calls(DescribeTasksCommand)).toHaveLength(0);
  });

  it('wait: running fails when a task stops with a non-zero exit code, and leaves the other running', async () => {
    const fake = runtime({ wait: 'running', count: '2' });
    fake.time.onSleep = () => {
      const [first, second] = [...world.tasks.keys()];
      world.set(first ?? '', { lastStatus: 'RUNNING', startedAt: new Date() }, [{ name: 'app', lastStatus: 'RUNNING' }]);
      world.set(
        second ?? '',
        { lastStatus: 'STOPPED', startedAt: new Date(), stoppedAt: new Date(), stoppedReason: 'Essential container in task exited' },
        [{ name: 'app', lastStatus: 'STOPPED', exitCode: 1 }],
      );
    };
    const e = await failure(fake);
    expect(e.message).toMatch(/1 of 2 task\(s\) did not reach RUNNING:\n {2}- task 0+2: container app exited with code 1/);
    expect(e.message).toMatch(/1 other task\(s\) were left as they are/);
    expect(world.calls(StopTaskCommand)).toHaveLength(0);
  });

  it('wait: running succeeds when a task already stopped with exit code 0', async () => {
    const fake = runtime({ wait: 'running' });
    fake.time.onSleep = () => {
      const [arn] = [...world.tasks.keys()];
      world.set(arn ?? '', { lastStatus: 'STOPPED', startedAt: new Date(), stoppedAt: new Date() }, [
        { name: 'app', lastStatus: 'STOPPED', exitCode: 0 },
      ]);
    };
    await main(fake.rt);
    expect(fake.summary.join('')).toContain('✅ 1 task(s) reached RUNNING');
  });

  it('a registered revision that is INACTIVE fails before RunTask', async () => {
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { ...TD, status: 'INACTIVE' } });
    const e = await failure(runtime({ 'task-definition': '', 'task-definition-arn': TD_ARN }));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e.message).toMatch(/^input 'task-definition-arn': task definition job:4 is INACTIVE/);
    expect(world.calls(RunTaskCommand)).toHaveLength(0);
  });

  it('a registered awsvpc revision without subnets fails naming subnets before RunTask', async () => {
    ecs.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { ...TD, networkMode: 'awsvpc' } });
    const e = await failure(runtime({ 'task-definition': '', 'task-definition-arn': TD_ARN }));
    expect((e as ConfigurationError).location).toEqual({ input: 'subnets' });
    expect(world.calls(RunTaskCommand)).toHaveLength(0);
    expect(world.calls(RegisterTaskDefinitionCommand)).toHaveLength(0);
  });

  it('a revision ECS does not know fails naming the input', async () => {
    const err = Object.assign(new Error('Unable to describe task definition.'), { name: 'ClientException', $metadata: {} });
    ecs.on(DescribeTaskDefinitionCommand).rejects(err);
    const e = await failure(runtime({ 'task-definition': '', 'task-definition-arn': 'job:99' }));
    expect(e.message).toMatch(/^input 'task-definition-arn': task definition job:99 cannot be used: ClientException/);
  });

  it('RunTask gets the registered ARN, the cluster and the request; wait: none makes no DescribeTasks call', async () => {
    const fake = runtime({ cluster: 'jobs', wait: 'none', tags: 'run=42', 'container-overrides': '[{"name":"app","command":["go"]}]' });
    await main(fake.rt);
    expect(world.calls(RunTaskCommand)[0]).toMatchObject({
      cluster: 'jobs',
      taskDefinition: TD_ARN,
      count: 1,
      startedBy: 'GitHub-Actions',
      tags: [{ key: 'run', value: '42' }],
      overrides: { containerOverrides: [{ name: 'app', command: ['go'] }] },
    });
    expect(world.calls(DescribeTasksCommand)).toHaveLength(0);
    expect(fake.sink.outputs.get('taskDefinitionArn')).toBe(TD_ARN);
    expect(fake.log.entries.filter((x) => x.level === 'group').map((x) => x.message)).toEqual([
      'Inputs',
      'Task definition',
      'Run 1 task(s) in cluster jobs',
      'Result',
    ]);
  });
});
