import { describe, it, expect } from '@jest/globals';
import { ECSClient, InvalidParameterException, StopTaskCommand } from '@aws-sdk/client-ecs';
import type { StopTaskCommandInput } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { stopTasks } from '../../../../src/core/tasks/stop.js';
import { RecordingLogger } from '../../../helpers/fakes.js';

const arn = (n: number): string => `arn:aws:ecs:us-east-1:123456789012:task/jobs/${n.toString(16).padStart(32, '0')}`;

function setup() {
  const ecs = new ECSClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  return { ecs, mock: mockClient(ecs), log: new RecordingLogger() };
}

describe('stopTasks', () => {
  it('calls StopTask for every task with the cluster and reason, and logs what it stopped', async () => {
    const { ecs, mock, log } = setup();
    mock.on(StopTaskCommand).callsFake((input: StopTaskCommandInput) => ({
      task: { taskArn: input.task, lastStatus: 'RUNNING', desiredStatus: 'STOPPED' },
    }));
    const arns = Array.from({ length: 25 }, (_, i) => arn(i + 1));
    const result = await stopTasks({ ecs, log }, 'jobs', arns, 'Workflow cancelled');
    const inputs = mock.commandCalls(StopTaskCommand).map((c) => c.args[0].input);
    expect(inputs.map((i) => i.task).sort()).toEqual([...arns].sort());
    for (const i of inputs) expect(i).toMatchObject({ cluster: 'jobs', reason: 'Workflow cancelled' });
    expect(result.stopped.sort()).toEqual([...arns].sort());
    expect(log.messages('info')).toContain(`Stopped task ${'1'.padStart(32, '0')} (Workflow cancelled)`);
    expect(log.messages('info')).toContain('Stop tasks: stopped 25');
  });

  it('tolerates tasks that already stopped or that ECS no longer knows', async () => {
    const { ecs, mock, log } = setup();
    mock
      .on(StopTaskCommand, { task: arn(1) })
      .resolves({ task: { taskArn: arn(1), lastStatus: 'STOPPED' } })
      .on(StopTaskCommand, { task: arn(2) })
      .rejects(new InvalidParameterException({ message: 'The referenced task was not found.', $metadata: {} }));
    const result = await stopTasks({ ecs, log }, 'jobs', [arn(1), arn(2)], 'cancelled');
    expect(result.alreadyStopped.sort()).toEqual([arn(1), arn(2)].sort());
    expect(result.failed).toEqual([]);
    expect(log.messages('warning')).toEqual([]);
  });

  it('never throws: a task it could not stop is reported and warned about', async () => {
    const { ecs, mock, log } = setup();
    mock
      .on(StopTaskCommand)
      .rejects(Object.assign(new Error('User is not authorized to perform: ecs:StopTask'), { name: 'AccessDeniedException', $metadata: {} }));
    const result = await stopTasks({ ecs, log }, 'jobs', [arn(1)], 'cancelled');
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]?.error).toContain('not authorized');
    expect(log.messages('warning')[0]).toContain('may still be running');
  });

  it('trims the reason to the 255 characters StopTask accepts', async () => {
    const { ecs, mock, log } = setup();
    mock.on(StopTaskCommand).resolves({ task: { lastStatus: 'RUNNING' } });
    await stopTasks({ ecs, log }, 'jobs', [arn(1)], 'r'.repeat(300));
    expect(mock.commandCalls(StopTaskCommand)[0]?.args[0].input.reason).toHaveLength(255);
  });
});
