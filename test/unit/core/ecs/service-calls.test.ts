import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  ServiceNotFoundException,
  ClientException,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { createService, deleteService, describeServices, tagResource, tagValue, untagResource } from '../../../../src/core/ecs/services.js';
import { listTaskDefinitionArns, resolveTaskDefinition } from '../../../../src/core/ecs/task-definitions.js';
import { ConfigurationError } from '../../../../src/core/errors.js';

const ecsMock = mockClient(ECSClient);
const ecs = new ECSClient({ region: 'us-east-1' });
const ARN = 'arn:aws:ecs:us-east-1:123456789012';
beforeEach(() => {
  ecsMock.reset();
});

describe('describeServices', () => {
  it('asks in batches of 10, with tags when asked, and keys the answer by the name asked', async () => {
    ecsMock.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => ({
      services: input.services.filter((s) => s !== 's3').map((s) => ({ serviceName: s, serviceArn: `${ARN}:service/demo/${s}`, tags: [{ key: 'BG_VERSION', value: 'BLUE' }] })),
      failures: input.services.filter((s) => s === 's3').map((s) => ({ arn: `${ARN}:service/demo/${s}`, reason: 'MISSING' })),
    }));
    const names = Array.from({ length: 12 }, (_, i) => `s${i}`);
    const found = await describeServices(ecs, 'demo', names, { tags: true });
    const calls = ecsMock.commandCalls(DescribeServicesCommand).map((c) => c.args[0].input);
    expect(calls.map((c) => c.services?.length)).toEqual([10, 2]);
    expect(calls[0]).toMatchObject({ cluster: 'demo', include: ['TAGS'] });
    expect([...found.keys()]).toEqual(names.filter((n) => n !== 's3'));
    expect(tagValue(found.get('s1'), 'BG_VERSION')).toBe('BLUE');
    expect(tagValue(found.get('s1'), 'nope')).toBeUndefined();
  });
});

describe('service mutations', () => {
  it('CreateService carries a client token (kept when given)', async () => {
    ecsMock.on(CreateServiceCommand).resolves({ service: { serviceName: 'web' } });
    await createService(ecs, { cluster: 'demo', serviceName: 'web' });
    await createService(ecs, { cluster: 'demo', serviceName: 'web', clientToken: 'mine' });
    const tokens = ecsMock.commandCalls(CreateServiceCommand).map((c) => c.args[0].input.clientToken);
    expect(tokens[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokens[1]).toBe('mine');
  });

  it('DeleteService is forced, and a service ECS no longer knows counts as gone', async () => {
    ecsMock.on(DeleteServiceCommand).resolvesOnce({ service: { serviceName: 'web', status: 'DRAINING' } }).rejects(
      new ServiceNotFoundException({ message: 'Service not found.', $metadata: {} }),
    );
    expect(await deleteService(ecs, 'demo', 'web')).toMatchObject({ status: 'DRAINING' });
    expect(await deleteService(ecs, 'demo', 'web')).toBeUndefined();
    expect(ecsMock.commandCalls(DeleteServiceCommand)[0]?.args[0].input).toEqual({ cluster: 'demo', service: 'web', force: true });
  });

  it('tags and untags, and makes no call for nothing', async () => {
    ecsMock.on(TagResourceCommand).resolves({});
    ecsMock.on(UntagResourceCommand).resolves({});
    const svc = `${ARN}:service/demo/web`;
    await tagResource(ecs, svc, [{ key: 'BG_VERSION', value: 'GREEN' }]);
    await untagResource(ecs, svc, ['BG_VERSION']);
    await tagResource(ecs, svc, []);
    await untagResource(ecs, svc, []);
    expect(ecsMock.commandCalls(TagResourceCommand).map((c) => c.args[0].input)).toEqual([{ resourceArn: svc, tags: [{ key: 'BG_VERSION', value: 'GREEN' }] }]);
    expect(ecsMock.commandCalls(UntagResourceCommand).map((c) => c.args[0].input)).toEqual([{ resourceArn: svc, tagKeys: ['BG_VERSION'] }]);
  });
});

describe('task definitions', () => {
  const td = (revision: number, status = 'ACTIVE') => ({
    taskDefinition: { taskDefinitionArn: `${ARN}:task-definition/web:${revision}`, family: 'web', revision, status: status as 'ACTIVE' },
  });

  it('registers a file and looks up a registered revision, labelled family:revision', async () => {
    ecsMock.on(RegisterTaskDefinitionCommand).resolves(td(4));
    ecsMock.on(DescribeTaskDefinitionCommand).resolves(td(3));
    const file = await resolveTaskDefinition(ecs, { kind: 'file', path: 'td.json', definition: { family: 'web', containerDefinitions: [] } }, { inactive: 'refuse' });
    expect(file).toMatchObject({ arn: `${ARN}:task-definition/web:4`, label: 'web:4', registered: true });
    const ref = await resolveTaskDefinition(ecs, { kind: 'registered', ref: 'web:3', input: 'task-definition-arn' }, { inactive: 'refuse' });
    expect(ref).toMatchObject({ arn: `${ARN}:task-definition/web:3`, label: 'web:3', registered: false });
  });

  it('blames the input for a revision ECS does not know, and for an INACTIVE one when refused', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).rejectsOnce(new ClientException({ message: 'Unable to describe task definition.', $metadata: {} }));
    const unknown = await resolveTaskDefinition(ecs, { kind: 'registered', ref: 'web:99', input: 'task-definition-arn' }, { inactive: 'accept' }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(ConfigurationError);
    expect((unknown as ConfigurationError).location).toEqual({ input: 'task-definition-arn' });

    ecsMock.on(DescribeTaskDefinitionCommand).resolves(td(2, 'INACTIVE'));
    const source = { kind: 'registered', ref: 'web:2', input: 'run-task-request' } as const;
    await expect(resolveTaskDefinition(ecs, source, { inactive: 'refuse' })).rejects.toMatchObject({ location: { input: 'run-task-request' } });
    expect((await resolveTaskDefinition(ecs, source, { inactive: 'accept' })).definition.status).toBe('INACTIVE');
  });

  it('lists revisions page by page and stops as soon as the visitor has what it wants', async () => {
    ecsMock
      .on(ListTaskDefinitionsCommand)
      .resolvesOnce({ taskDefinitionArns: ['web:9', 'web:8'], nextToken: 't1' })
      .resolvesOnce({ taskDefinitionArns: ['web:7', 'web:6'], nextToken: 't2' })
      .resolves({ taskDefinitionArns: ['web:5'] });
    const seen = await listTaskDefinitionArns(ecs, { familyPrefix: 'web', status: 'ACTIVE', sort: 'DESC', maxPages: 5 }, (arn) => arn === 'web:7');
    expect(seen).toEqual(['web:9', 'web:8', 'web:7']);
    const calls = ecsMock.commandCalls(ListTaskDefinitionsCommand).map((c) => c.args[0].input);
    expect(calls).toEqual([
      { familyPrefix: 'web', status: 'ACTIVE', sort: 'DESC', maxResults: 100 },
      { familyPrefix: 'web', status: 'ACTIVE', sort: 'DESC', maxResults: 100, nextToken: 't1' },
    ]);
  });
});
