/**
 * ECS API behaviour that does not need simulated time: clusters, task definitions, the validation rules that
 * bite real users, idempotent CreateService, tags, and error shapes mapped by the SDK to its exception classes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  ClientException,
  ClusterNotFoundException,
  CreateClusterCommand,
  CreateServiceCommand,
  DeregisterTaskDefinitionCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  InvalidParameterException,
  ListClustersCommand,
  ListTagsForResourceCommand,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  ServiceNotFoundException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

let emu: TestEmulator;
let ecs: ECSClient;
const ARN = 'arn:aws:ecs:us-east-1:123456789012';

beforeAll(async () => {
  emu = await startTestEmulator();
  ecs = new ECSClient(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

const fargate = (overrides: Partial<RegisterTaskDefinitionCommandInput> = {}): RegisterTaskDefinitionCommandInput => ({
  family: 'api',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'api', image: 'api:1', portMappings: [{ containerPort: 80 }] }],
  ...overrides,
});

describe('clusters', () => {
  it('has an implicit default cluster, creates others and reports missing ones', async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: 'prod', tags: [{ key: 'team', value: 'a' }] }));
    const list = await ecs.send(new ListClustersCommand({}));
    expect(list.clusterArns?.sort()).toEqual([`${ARN}:cluster/default`, `${ARN}:cluster/prod`]);
    const out = await ecs.send(new DescribeClustersCommand({ clusters: ['prod', 'nope'], include: ['TAGS'] }));
    expect(out.clusters?.[0]).toMatchObject({ clusterName: 'prod', status: 'ACTIVE', tags: [{ key: 'team', value: 'a' }] });
    expect(out.failures).toEqual([{ arn: `${ARN}:cluster/nope`, reason: 'MISSING' }]);
    const err = await ecs.send(new DescribeServicesCommand({ cluster: 'nope', services: ['x'] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClusterNotFoundException);
    expect(err).toMatchObject({ message: 'Cluster not found.', $metadata: { httpStatusCode: 400 } });
  });
});

describe('task definitions', () => {
  it('numbers revisions, describes by family, family:revision and ARN, and deregisters', async () => {
    const first = await ecs.send(new RegisterTaskDefinitionCommand(fargate({ tags: [{ key: 'app', value: 'api' }] })));
    expect(first.taskDefinition).toMatchObject({
      taskDefinitionArn: `${ARN}:task-definition/api:1`,
      revision: 1,
      status: 'ACTIVE',
      compatibilities: ['EC2', 'FARGATE'],
    });
    expect(first.taskDefinition?.registeredAt).toBeInstanceOf(Date);
    expect(first.taskDefinition?.containerDefinitions?.[0]).toMatchObject({ essential: true, portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }] });
    await ecs.send(new RegisterTaskDefinitionCommand(fargate()));
    expect((await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api' }))).taskDefinition?.revision).toBe(2);
    const byRev = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api:1', include: ['TAGS'] }));
    expect(byRev.tags).toEqual([{ key: 'app', value: 'api' }]);
    const byArn = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: `${ARN}:task-definition/api:2` }));
    expect(byArn.taskDefinition?.revision).toBe(2);

    const dereg = await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'api:2' }));
    expect(dereg.taskDefinition?.status).toBe('INACTIVE');
    expect((await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api' }))).taskDefinition?.revision).toBe(1);
    expect((await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: 'api' }))).taskDefinitionArns).toEqual([`${ARN}:task-definition/api:1`]);
    expect((await ecs.send(new ListTaskDefinitionsCommand({ status: 'INACTIVE' }))).taskDefinitionArns).toEqual([`${ARN}:task-definition/api:2`]);
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'api:1' }));
    await expect(ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api' }))).rejects.toMatchObject({
      name: 'ClientException',
      message: 'Unable to describe task definition.',
    });
    expect((await ecs.send(new ListTaskDefinitionFamiliesCommand({}))).families).toEqual([]);
    expect((await ecs.send(new ListTaskDefinitionFamiliesCommand({ status: 'INACTIVE' }))).families).toEqual(['api']);
  });

  it.each([
    [{ networkMode: 'bridge' }, 'Fargate only supports network mode ‘awsvpc’.'],
    [{ cpu: '256', memory: '4096' }, 'No Fargate configuration exists for given values: 256 CPU, 4096 memory'],
    [{ memory: undefined }, "Fargate requires that 'memory' be defined at the task level."],
    [
      { containerDefinitions: [{ name: 'api', image: 'api:1', hostname: 'api' }] },
      'hostname is not supported on container when networkMode=awsvpc.',
    ],
    [{ containerDefinitions: [{ name: 'api', image: '' }] }, 'Container.image should not be null or empty.'],
    [
      { requiresCompatibilities: ['EC2'], networkMode: 'bridge', cpu: undefined, memory: undefined },
      "Invalid setting for container 'api'. At least one of 'memory' or 'memoryReservation' must be specified.",
    ],
  ] as [Partial<RegisterTaskDefinitionCommandInput>, string][])('refuses %j with ClientException', async (overrides, message) => {
    const err = await ecs.send(new RegisterTaskDefinitionCommand(fargate(overrides))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientException);
    expect((err as Error).message).toBe(message);
  });
});

describe('services', () => {
  const network = { awsvpcConfiguration: { subnets: ['subnet-1'] } };

  it('treats an identical CreateService as idempotent and a different one as not', async () => {
    const td = (await ecs.send(new RegisterTaskDefinitionCommand(fargate()))).taskDefinition?.taskDefinitionArn ?? '';
    const input = { serviceName: 'api', taskDefinition: td, desiredCount: 0, launchType: 'FARGATE' as const, networkConfiguration: network };
    const first = await ecs.send(new CreateServiceCommand({ ...input, clientToken: 'a' }));
    const again = await ecs.send(new CreateServiceCommand({ ...input, clientToken: 'b' }));
    expect(again.service?.serviceArn).toBe(first.service?.serviceArn);
    expect(again.service?.deployments?.[0]?.id).toBe(first.service?.deployments?.[0]?.id);
    const err = await ecs.send(new CreateServiceCommand({ ...input, desiredCount: 2 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect((err as Error).message).toBe('Creation of service was not idempotent.');
  });

  it('applies the launch type and network rules', async () => {
    const td = (await ecs.send(new RegisterTaskDefinitionCommand(fargate()))).taskDefinition?.taskDefinitionArn ?? '';
    await expect(ecs.send(new CreateServiceCommand({ serviceName: 'api', taskDefinition: td, desiredCount: 1, launchType: 'FARGATE' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    });
    await ecs.send(new CreateServiceCommand({ serviceName: 'api', taskDefinition: td, desiredCount: 0, launchType: 'FARGATE', networkConfiguration: network }));
    await expect(
      ecs.send(new UpdateServiceCommand({ service: 'api', capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('you must force a new deployment') });
    const err = await ecs.send(new UpdateServiceCommand({ service: 'nope', desiredCount: 1 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceNotFoundException);
    const described = await ecs.send(new DescribeServicesCommand({ services: ['api', 'nope'] }));
    expect(described.services?.map((s) => s.serviceName)).toEqual(['api']);
    expect(described.failures).toEqual([{ arn: `${ARN}:service/default/nope`, reason: 'MISSING' }]);
  });

  it('tags services and task definitions', async () => {
    const td = (await ecs.send(new RegisterTaskDefinitionCommand(fargate()))).taskDefinition?.taskDefinitionArn ?? '';
    const svc = await ecs.send(
      new CreateServiceCommand({ serviceName: 'api', taskDefinition: td, desiredCount: 0, launchType: 'FARGATE', networkConfiguration: network, tags: [{ key: 'BG_VERSION', value: 'BLUE' }] }),
    );
    const arn = svc.service?.serviceArn ?? '';
    await ecs.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: 'BG_VERSION', value: 'GREEN' }, { key: 'x', value: '1' }] }));
    await ecs.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['x'] }));
    expect((await ecs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual([{ key: 'BG_VERSION', value: 'GREEN' }]);
    const described = await ecs.send(new DescribeServicesCommand({ services: ['api'], include: ['TAGS'] }));
    expect(described.services?.[0]?.tags).toEqual([{ key: 'BG_VERSION', value: 'GREEN' }]);
    await ecs.send(new TagResourceCommand({ resourceArn: td, tags: [{ key: 'v', value: '2' }] }));
    expect((await ecs.send(new ListTagsForResourceCommand({ resourceArn: td }))).tags).toEqual([{ key: 'v', value: '2' }]);
  });
});

describe('wire format', () => {
  it('answers errors as AWS JSON 1.1 does: __type, message and x-amzn-errortype', async () => {
    const res = await fetch(emu.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.DescribeServices' },
      body: JSON.stringify({ cluster: 'nope', services: ['x'] }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('ClusterNotFoundException');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await res.json()).toEqual({ __type: 'ClusterNotFoundException', message: 'Cluster not found.' });
  });

  it('answers an operation it does not implement with UnknownOperationException', async () => {
    const res = await fetch(emu.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonEC2ContainerServiceV20141113.CreateCapacityProvider' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { __type: string }).__type).toBe('UnknownOperationException');
  });
});
