/** describeLatestRevision (src/core/ecs/task-definitions.ts): the latest ACTIVE revision of a family, or none. */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { ClientException, DescribeTaskDefinitionCommand, ECSClient, ServerException } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { describeLatestRevision } from '../../../../src/core/ecs/task-definitions.js';

const ecsMock = mockClient(ECSClient);
const ecs = new ECSClient({ region: 'us-east-1' });
beforeEach(() => {
  ecsMock.reset();
});

describe('describeLatestRevision', () => {
  it('asks DescribeTaskDefinition for the bare family and counts the call', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { family: 'job', revision: 4 } });
    const calls: string[] = [];
    expect(await describeLatestRevision(ecs, 'job', { onCall: (op) => calls.push(op) })).toEqual({ family: 'job', revision: 4 });
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand).map((c) => c.args[0].input)).toEqual([{ taskDefinition: 'job' }]);
    expect(calls).toEqual(['DescribeTaskDefinition']);
  });

  it('answers undefined for a family without an ACTIVE revision (ClientException), and rethrows anything else', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).rejects(new ClientException({ message: 'Unable to describe task definition.', $metadata: {} }));
    expect(await describeLatestRevision(ecs, 'job')).toBeUndefined();
    ecsMock.on(DescribeTaskDefinitionCommand).rejects(new ServerException({ message: 'boom', $metadata: {} }));
    await expect(describeLatestRevision(ecs, 'job')).rejects.toThrow('boom');
  });
});
