/**
 * CloudWatch Logs through the real SDK client against the running emulator: groups and streams, tailing a stream
 * with GetLogEvents tokens (the same token back while nothing new arrived), FilterLogEvents across streams, and
 * the lines an ECS task using the awslogs driver writes, read the way a user tails them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  PutLogEventsCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import { ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

let emu: TestEmulator;
let logs: CloudWatchLogsClient;
let ecs: ECSClient;

beforeAll(async () => {
  emu = await startTestEmulator({ speed: 50 });
  logs = new CloudWatchLogsClient(emu.clientConfig());
  ecs = new ECSClient(emu.clientConfig());
});
afterAll(async () => {
  logs.destroy();
  ecs.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

const G = '/app/orders';

describe('log groups, streams and events', () => {
  it('creates a group once and a stream in it; unknown ones are ResourceNotFoundException', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: G }));
    await expect(logs.send(new CreateLogGroupCommand({ logGroupName: G }))).rejects.toBeInstanceOf(ResourceAlreadyExistsException);
    await expect(logs.send(new CreateLogStreamCommand({ logGroupName: '/nope', logStreamName: 's' }))).rejects.toThrow('The specified log group does not exist.');
    await logs.send(new CreateLogStreamCommand({ logGroupName: G, logStreamName: 'web/1' }));
    const groups = (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/app' }))).logGroups ?? [];
    expect(groups.map((g) => [g.logGroupName, g.logGroupArn])).toEqual([[G, `arn:aws:logs:us-east-1:123456789012:log-group:${G}`]]);
    await expect(logs.send(new GetLogEventsCommand({ logGroupName: G, logStreamName: 'web/2' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('tails a stream: the forward token comes back unchanged until new events arrive', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: G }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: G, logStreamName: 'web/1' }));
    const t = Date.now();
    await logs.send(new PutLogEventsCommand({ logGroupName: G, logStreamName: 'web/1', logEvents: [{ timestamp: t, message: 'started' }, { timestamp: t + 1, message: 'ready' }] }));
    const first = await logs.send(new GetLogEventsCommand({ logGroupName: G, logStreamName: 'web/1', startFromHead: true }));
    expect(first.events?.map((e) => e.message)).toEqual(['started', 'ready']);
    const idle = await logs.send(new GetLogEventsCommand({ logGroupName: G, logStreamName: 'web/1', nextToken: first.nextForwardToken, startFromHead: true }));
    expect(idle.events).toEqual([]);
    expect(idle.nextForwardToken).toBe(first.nextForwardToken);
    await logs.send(new PutLogEventsCommand({ logGroupName: G, logStreamName: 'web/1', logEvents: [{ timestamp: t + 2, message: 'order 17 placed' }] }));
    const next = await logs.send(new GetLogEventsCommand({ logGroupName: G, logStreamName: 'web/1', nextToken: idle.nextForwardToken, startFromHead: true }));
    expect(next.events?.map((e) => e.message)).toEqual(['order 17 placed']);
  });

  it('filters events across streams in time order', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: G }));
    for (const s of ['web/1', 'web/2']) await logs.send(new CreateLogStreamCommand({ logGroupName: G, logStreamName: s }));
    const t = Date.now();
    await logs.send(new PutLogEventsCommand({ logGroupName: G, logStreamName: 'web/2', logEvents: [{ timestamp: t + 1, message: 'ERROR payment declined' }] }));
    await logs.send(new PutLogEventsCommand({ logGroupName: G, logStreamName: 'web/1', logEvents: [{ timestamp: t, message: 'INFO ok' }, { timestamp: t + 2, message: 'ERROR timeout' }] }));
    const out = await logs.send(new FilterLogEventsCommand({ logGroupName: G, filterPattern: 'ERROR', startTime: t }));
    expect(out.events?.map((e) => [e.logStreamName, e.message])).toEqual([
      ['web/2', 'ERROR payment declined'],
      ['web/1', 'ERROR timeout'],
    ]);
  });
});

describe('the awslogs driver of an ECS task', () => {
  it("writes the container's lines to <prefix>/<container>/<task-id>, readable with DescribeLogStreams and GetLogEvents", async () => {
    const td = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'job',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        containerDefinitions: [
          {
            name: 'main',
            image: 'job:v1',
            essential: true,
            logConfiguration: {
              logDriver: 'awslogs',
              options: { 'awslogs-group': '/ecs/job', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs', 'awslogs-create-group': 'true' },
            },
          },
        ],
      }),
    );
    const run = await ecs.send(
      new RunTaskCommand({
        taskDefinition: td.taskDefinition?.taskDefinitionArn,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      }),
    );
    const taskId = run.tasks?.[0]?.taskArn?.split('/').at(-1) ?? '';
    const stream = await eventually('log stream', async () => {
      const out = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/ecs/job', orderBy: 'LastEventTime', descending: true }));
      return out.logStreams?.[0];
    });
    expect(stream.logStreamName).toBe(`ecs/main/${taskId}`);
    const events = await logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/job', logStreamName: stream.logStreamName, startFromHead: true }));
    expect((events.events ?? []).length).toBeGreaterThan(0);
    expect(events.events?.every((e) => typeof e.message === 'string' && e.message.length > 0 && typeof e.timestamp === 'number')).toBe(true);
  });
});
