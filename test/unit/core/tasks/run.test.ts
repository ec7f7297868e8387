import { describe, it, expect } from '@jest/globals';
import { ECSClient, RunTaskCommand } from '@aws-sdk/client-ecs';
import type { RunTaskCommandInput, Task } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { runTasks, runTaskFailuresMessage, RUN_TASK_MAX_COUNT } from '../../../../src/core/tasks/run.js';
import { RecordingLogger } from '../../../helpers/fakes.js';

const CLUSTER = 'arn:aws:ecs:us-east-1:123456789012:cluster/jobs';
const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/migrate:7';

function setup() {
  const ecs = new ECSClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const mock = mockClient(ecs);
  const log = new RecordingLogger();
  let next = 0;
  const started = (n: number): Task[] =>
    Array.from({ length: n }, () => {
      next += 1;
      const id = next.toString(16).padStart(32, '0');
      return { taskArn: `arn:aws:ecs:us-east-1:123456789012:task/jobs/${id}`, lastStatus: 'PROVISIONING' };
    });
  return { ecs, mock, log, started };
}

const runInputs = (mock: ReturnType<typeof setup>['mock']): RunTaskCommandInput[] =>
  mock.commandCalls(RunTaskCommand).map((c) => c.args[0].input);

describe('runTasks', () => {
  it('splits 25 tasks into RunTask calls of 10, 10 and 5 and returns all 25 tasks', async () => {
    const { ecs, mock, log, started } = setup();
    mock.on(RunTaskCommand).callsFake((input: RunTaskCommandInput) => ({ tasks: started(input.count ?? 1), failures: [] }));
    const result = await runTasks(
      { ecs, log },
      { cluster: CLUSTER, taskDefinition: TD, count: 25, launchType: 'FARGATE', startedBy: 'GitHub-Actions' },
    );
    const inputs = runInputs(mock);
    expect(inputs.map((i) => i.count)).toEqual([10, 10, 5]);
    for (const i of inputs) {
      expect(i).toMatchObject({ cluster: CLUSTER, taskDefinition: TD, launchType: 'FARGATE', startedBy: 'GitHub-Actions' });
    }
    expect(result.tasks).toHaveLength(25);
    expect(new Set(result.tasks.map((t) => t.taskArn)).size).toBe(25);
    expect(result.failures).toEqual([]);
    expect(result.calls).toBe(3);
    expect(result.notRequested).toBe(0);
    expect(result.error).toBeUndefined();
    expect(RUN_TASK_MAX_COUNT).toBe(10);
  });

  it('makes a single call for 10 or fewer tasks', async () => {
    const { ecs, mock, log, started } = setup();
    mock.on(RunTaskCommand).callsFake((input: RunTaskCommandInput) => ({ tasks: started(input.count ?? 1) }));
    const result = await runTasks({ ecs, log }, { cluster: CLUSTER, taskDefinition: TD, count: 10 });
    expect(runInputs(mock).map((i) => i.count)).toEqual([10]);
    expect(result.tasks).toHaveLength(10);
  });

  it('gives every call its own idempotency token, derived from the user token when there is one', async () => {
    const { ecs, mock, log, started } = setup();
    mock.on(RunTaskCommand).callsFake((input: RunTaskCommandInput) => ({ tasks: started(input.count ?? 1) }));
    await runTasks({ ecs, log }, { cluster: CLUSTER, taskDefinition: TD, count: 21 });
    const random = runInputs(mock).map((i) => i.clientToken);
    expect(new Set(random).size).toBe(3);
    for (const t of random) expect(t?.length).toBeLessThanOrEqual(64);

    mock.resetHistory();
    const userToken = 'x'.repeat(64);
    await runTasks({ ecs, log }, { cluster: CLUSTER, taskDefinition: TD, count: 12, clientToken: userToken });
    const tokens = runInputs(mock).map((i) => i.clientToken);
    expect(tokens[0]).toBe(userToken);
    expect(tokens[1]).toBe(`${'x'.repeat(62)}-2`);
  });

  it('collects RunTask failures[] with arn, reason and detail, and asks for no more tasks after them', async () => {
    const { ecs, mock, log, started } = setup();
    mock
      .on(RunTaskCommand)
      .resolvesOnce({ tasks: started(10) })
      .resolvesOnce({
        tasks: started(8),
        failures: [
          { arn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/jobs/abc', reason: 'RESOURCE:MEMORY' },
          { arn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/jobs/def', reason: 'AGENT', detail: 'agent disconnected' },
        ],
      });
    const result = await runTasks({ ecs, log }, { cluster: CLUSTER, taskDefinition: TD, count: 25 });
    expect(runInputs(mock).map((i) => i.count)).toEqual([10, 10]);
    expect(result.tasks).toHaveLength(18);
    expect(result.failures).toHaveLength(2);
    expect(result.notRequested).toBe(5);
    const message = runTaskFailuresMessage(result.failures);
    expect(message).toContain('RESOURCE:MEMORY');
    expect(message).toContain('container-instance/jobs/abc');
    expect(message).toContain('AGENT (agent disconnected)');
    expect(log.messages('info').join('\n')).toContain('RESOURCE:MEMORY');
  });

  it('returns the tasks already started when a later RunTask call throws', async () => {
    const { ecs, mock, log, started } = setup();
    const boom = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: {} });
    mock.on(RunTaskCommand).resolvesOnce({ tasks: started(10) }).rejectsOnce(boom);
    const result = await runTasks({ ecs, log }, { cluster: CLUSTER, taskDefinition: TD, count: 25 });
    expect(result.tasks).toHaveLength(10);
    expect(result.error).toBe(boom);
    expect(result.notRequested).toBe(15);
    expect(runInputs(mock)).toHaveLength(2);
    expect(log.messages('info').join('\n')).toContain('Rate exceeded');
  });

  it('stops between calls when cancelled, returning what was started', async () => {
    const { ecs, mock, log, started } = setup();
    const controller = new AbortController();
    mock.on(RunTaskCommand).callsFake((input: RunTaskCommandInput) => {
      controller.abort(new Error('cancelled'));
      return { tasks: started(input.count ?? 1) };
    });
    const result = await runTasks({ ecs, log, signal: controller.signal }, { cluster: CLUSTER, taskDefinition: TD, count: 25 });
    expect(runInputs(mock)).toHaveLength(1);
    expect(result.tasks).toHaveLength(10);
    expect(result.error).toEqual(new Error('cancelled'));
  });

  it('rejects a count that is not a positive integer before calling AWS', async () => {
    const { ecs, mock, log } = setup();
    await expect(runTasks({ ecs, log }, { cluster: CLUSTER, taskDefinition: TD, count: 0 })).rejects.toThrow(RangeError);
    await expect(runTasks({ ecs, log }, { cluster: CLUSTER, taskDefinition: TD, count: 2.5 })).rejects.toThrow(RangeError);
    expect(runInputs(mock)).toHaveLength(0);
  });
});
