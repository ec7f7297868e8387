import { describe, it, expect } from '@jest/globals';
import { awslogsTargets, containersWithoutAwslogs, logStreamName } from '../../../../src/core/logs/awslogs.js';
import { formatLogLines } from '../../../../src/core/logs/format.js';

const td = {
  containerDefinitions: [
    {
      name: 'app',
      logConfiguration: {
        logDriver: 'awslogs' as const,
        options: { 'awslogs-group': '/ecs/migrate', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' },
      },
    },
    { name: 'envoy', logConfiguration: { logDriver: 'awsfirelens' as const, options: {} } },
    { name: 'ec2-only', logConfiguration: { logDriver: 'awslogs' as const, options: { 'awslogs-group': '/ecs/ec2' } } },
    { name: 'no-group', logConfiguration: { logDriver: 'awslogs' as const, options: { 'awslogs-stream-prefix': 'x' } } },
    { name: 'plain' },
  ],
};

describe('awslogs targets', () => {
  it('lists the awslogs containers with group, region and prefix', () => {
    expect(awslogsTargets(td)).toEqual([
      { containerName: 'app', group: '/ecs/migrate', region: 'eu-west-1', streamPrefix: 'ecs' },
      { containerName: 'ec2-only', group: '/ecs/ec2', region: undefined, streamPrefix: undefined },
    ]);
    expect(containersWithoutAwslogs(td)).toEqual(['envoy', 'no-group', 'plain']);
  });

  it('names the stream <prefix>/<container>/<task id>, as ECS does', () => {
    const [app] = awslogsTargets(td);
    const task = { taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/jobs/0123456789abcdef0123456789abcdef' };
    expect(app && logStreamName(app, task)).toBe('ecs/app/0123456789abcdef0123456789abcdef');
    const oldFormat = { taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/9f2c1e0a-1111-2222-3333-444455556666' };
    expect(app && logStreamName(app, oldFormat)).toBe('ecs/app/9f2c1e0a-1111-2222-3333-444455556666');
  });

  it('without a prefix, uses the Docker container id (runtimeId) once ECS reports it', () => {
    const ec2 = awslogsTargets(td)[1];
    const arn = 'arn:aws:ecs:eu-west-1:123456789012:task/jobs/0123456789abcdef0123456789abcdef';
    expect(ec2 && logStreamName(ec2, { taskArn: arn, containers: [{ name: 'ec2-only' }] })).toBeUndefined();
    expect(ec2 && logStreamName(ec2, { taskArn: arn, containers: [{ name: 'ec2-only', runtimeId: 'abc123def' }] })).toBe(
      'abc123def',
    );
  });
});

describe('formatLogLines', () => {
  it('splits multi-line messages and prefixes each line only when asked', () => {
    expect(formatLogLines('one\ntwo\r\n', '[t/app] ', false)).toEqual(['one', 'two']);
    expect(formatLogLines('one\ntwo', '[t/app] ', true)).toEqual(['[t/app] one', '[t/app] two']);
  });

  it('always prefixes a line that would read as a workflow command', () => {
    expect(formatLogLines('::add-mask::x\n  ::error::y\nok', '[t/app] ', false)).toEqual([
      '[t/app] ::add-mask::x',
      '[t/app]   ::error::y',
      'ok',
    ]);
  });
});
