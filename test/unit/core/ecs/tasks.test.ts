import { beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs';
import type { DescribeTasksCommandInput } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { EcsFailureError } from '../../../../src/core/ecs/failures.js';
import { describeTasks, listServiceTaskArns } from '../../../../src/core/ecs/tasks.js';
import { CLUSTER, SERVICE, stoppedTask, taskArn } from '../../../helpers/ecs-watch-fixtures.js';

const ecsMock = mockClient(ECSClient);
const ecs = new ECSClient({ region: 'us-east-1' });
beforeEach(() => {
  ecsMock.reset();
});

describe('listServiceTaskArns', () => {
  it('follows nextToken, 100 per page', async () => {
    ecsMock
      .on(ListTasksCommand)
      .resolvesOnce({ taskArns: [taskArn('a')], nextToken: 'p2' })
      .resolvesOnce({ taskArns: [taskArn('b')], nextToken: 'p3' })
      .resolves({ taskArns: [taskArn('c')] });
    const arns = await listServiceTaskArns(ecs, { cluster: CLUSTER, serviceName: SERVICE, desiredStatus: 'STOPPED' });
    expect(arns).toEqual([taskArn('a'), taskArn('b'), taskArn('c')]);
    expect(ecsMock.commandCalls(ListTasksCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: CLUSTER, serviceName: SERVICE, desiredStatus: 'STOPPED', maxResults: 100 },
      { cluster: CLUSTER, serviceName: SERVICE, desiredStatus: 'STOPPED', maxResults: 100, nextToken: 'p2' },
      { cluster: CLUSTER, serviceName: SERVICE, desiredStatus: 'STOPPED', maxResults: 100, nextToken: 'p3' },
    ]);
  });

  it('stops after maxPages', async () => {
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [taskArn('a')], nextToken: 'more' });
    const calls: string[] = [];
    await listServiceTaskArns(ecs, { cluster: CLUSTER, serviceName: SERVICE, maxPages: 2 }, { onCall: (op) => calls.push(op) });
    expect(calls).toEqual(['ListTasks', 'ListTasks']);
  });
});

describe('describeTasks', () => {
  it('describes at most 100 tasks per call and collects MISSING ones', async () => {
    const arns = Array.from({ length: 250 }, (_, i) => taskArn(`t${i}`));
    ecsMock.on(DescribeTasksCommand).callsFake(async (input: DescribeTasksCommandInput) => ({
      tasks: (input.tasks ?? []).filter((arn) => !arn.endsWith('/t7')).map((arn) => stoppedTask(arn.slice(arn.lastIndexOf('/') + 1))),
      failures: (input.tasks ?? []).filter((arn) => arn.endsWith('/t7')).map((arn) => ({ arn, reason: 'MISSING' })),
    }));
    const { tasks, missing } = await describeTasks(ecs, CLUSTER, arns);
    expect(ecsMock.commandCalls(DescribeTasksCommand).map((c) => c.args[0].input.tasks?.length)).toEqual([100, 100, 50]);
    expect(ecsMock.commandCalls(DescribeTasksCommand)[0]!.args[0].input.cluster).toBe(CLUSTER);
    expect(tasks).toHaveLength(249);
    expect(missing).toEqual([taskArn('t7')]);
  });

  it('makes no call for no tasks, and throws on a failure other than MISSING', async () => {
    expect(await describeTasks(ecs, CLUSTER, [])).toEqual({ tasks: [], missing: [] });
    expect(ecsMock.calls()).toHaveLength(0);
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [], failures: [{ arn: 'x', reason: 'INVALID_ARN' }] });
    await expect(describeTasks(ecs, CLUSTER, ['x'])).rejects.toBeInstanceOf(EcsFailureError);
  });
});
