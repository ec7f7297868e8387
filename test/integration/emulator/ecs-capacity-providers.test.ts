/**
 * Capacity providers as ECS has them (issue 11, "Emulator fidelity"), through the real SDK: a cluster has only the
 * providers CreateCluster or PutClusterCapacityProviders associated with it (the `default` cluster none), a capacity
 * provider strategy naming another one is refused by CreateService, UpdateService and RunTask, DescribeClusters
 * reports the association, and DescribeCapacityProviders knows FARGATE and FARGATE_SPOT.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeCapacityProvidersCommand,
  DescribeClustersCommand,
  ECSClient,
  InvalidParameterException,
  PutClusterCapacityProvidersCommand,
  RegisterTaskDefinitionCommand,
  ResourceInUseException,
  RunTaskCommand,
  UpdateServiceCommand,
  type CapacityProviderStrategyItem,
} from '@aws-sdk/client-ecs';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

let emu: TestEmulator;
let ecs: ECSClient;
let td: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  ecs = new ECSClient(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  await emu.stop();
});
beforeEach(async () => {
  await emu.control.reset();
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'api',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'api', image: 'api:1' }],
    }),
  );
  td = out.taskDefinition?.taskDefinitionArn ?? '';
});

const ARN = 'arn:aws:ecs:us-east-1:123456789012';
const NOT_ASSOCIATED =
  'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.';
const network = { awsvpcConfiguration: { subnets: ['subnet-1'] } };
const spot: CapacityProviderStrategyItem[] = [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }];
const fargate: CapacityProviderStrategyItem[] = [{ capacityProvider: 'FARGATE', weight: 1 }];

const rejection = (p: Promise<unknown>): Promise<unknown> => p.then(() => new Error('expected a refusal'), (e: unknown) => e);

const createService = (cluster: string, strategy?: CapacityProviderStrategyItem[]) =>
  ecs.send(
    new CreateServiceCommand({
      cluster,
      serviceName: 'api',
      taskDefinition: td,
      desiredCount: 0,
      networkConfiguration: network,
      ...(strategy ? { capacityProviderStrategy: strategy } : {}),
    }),
  );

async function expectNotAssociated(p: Promise<unknown>): Promise<void> {
  const err = await rejection(p);
  expect(err).toBeInstanceOf(InvalidParameterException);
  expect((err as Error).message).toBe(NOT_ASSOCIATED);
}

describe('the default cluster', () => {
  it('has no capacity providers, so a strategy naming FARGATE_SPOT is refused by CreateService and RunTask', async () => {
    const cluster = (await ecs.send(new DescribeClustersCommand({}))).clusters?.[0];
    expect(cluster).toMatchObject({ clusterName: 'default', capacityProviders: [], defaultCapacityProviderStrategy: [] });
    await expectNotAssociated(createService('default', spot));
    await expectNotAssociated(ecs.send(new RunTaskCommand({ taskDefinition: td, capacityProviderStrategy: spot, networkConfiguration: network })));
  });

  it('takes the providers PutClusterCapacityProviders associates, and DescribeClusters reports them', async () => {
    const put = await ecs.send(
      new PutClusterCapacityProvidersCommand({ cluster: 'default', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: fargate }),
    );
    expect(put.cluster).toMatchObject({ clusterName: 'default', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: fargate });
    const described = (await ecs.send(new DescribeClustersCommand({ clusters: ['default'] }))).clusters?.[0];
    expect(described).toMatchObject({ capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: fargate });
    const created = await createService('default', spot);
    expect(created.service?.capacityProviderStrategy).toEqual(spot);
    const run = await ecs.send(new RunTaskCommand({ taskDefinition: td, capacityProviderStrategy: spot, networkConfiguration: network }));
    expect(run.tasks).toHaveLength(1);
  });
});

describe('PutClusterCapacityProviders', () => {
  it('refuses an unknown provider and a default strategy naming a provider it does not associate', async () => {
    const unknown = await rejection(
      ecs.send(new PutClusterCapacityProvidersCommand({ cluster: 'default', capacityProviders: ['my-asg-provider'], defaultCapacityProviderStrategy: [] })),
    );
    expect(unknown).toBeInstanceOf(InvalidParameterException);
    expect((unknown as Error).message).toBe('The specified capacity provider was not found. Specify a valid capacity provider and try again.');
    await expectNotAssociated(
      ecs.send(new PutClusterCapacityProvidersCommand({ cluster: 'default', capacityProviders: ['FARGATE'], defaultCapacityProviderStrategy: spot })),
    );
    expect((await ecs.send(new DescribeClustersCommand({}))).clusters?.[0]?.capacityProviders).toEqual([]);
  });

  it('cannot remove a provider a service still uses', async () => {
    await ecs.send(new PutClusterCapacityProvidersCommand({ cluster: 'default', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [] }));
    await createService('default', spot);
    const err = await rejection(
      ecs.send(new PutClusterCapacityProvidersCommand({ cluster: 'default', capacityProviders: ['FARGATE'], defaultCapacityProviderStrategy: [] })),
    );
    expect(err).toBeInstanceOf(ResourceInUseException);
    expect((err as Error).message).toBe('The specified capacity provider is in use and cannot be removed.');
  });
});

describe('a cluster created with capacity providers', () => {
  it('accepts only those in strategies: CreateService, UpdateService (forced) and the cluster default', async () => {
    await ecs.send(new CreateClusterCommand({ clusterName: 'prod', capacityProviders: ['FARGATE'], defaultCapacityProviderStrategy: fargate }));
    await expectNotAssociated(createService('prod', spot));
    const byDefault = await createService('prod');
    expect(byDefault.service?.capacityProviderStrategy).toEqual(fargate);
    expect(byDefault.service?.launchType).toBeUndefined();
    await expectNotAssociated(ecs.send(new UpdateServiceCommand({ cluster: 'prod', service: 'api', capacityProviderStrategy: spot, forceNewDeployment: true })));
  });

  it('refuses a provider that does not exist', async () => {
    const err = await rejection(ecs.send(new CreateClusterCommand({ clusterName: 'prod', capacityProviders: ['nope'] })));
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect((await ecs.send(new DescribeClustersCommand({ clusters: ['prod'] }))).failures).toEqual([{ arn: `${ARN}:cluster/prod`, reason: 'MISSING' }]);
  });
});

describe('DescribeCapacityProviders', () => {
  it('describes FARGATE and FARGATE_SPOT and reports unknown providers as MISSING', async () => {
    const all = await ecs.send(new DescribeCapacityProvidersCommand({}));
    expect(all.capacityProviders).toEqual([
      { capacityProviderArn: `${ARN}:capacity-provider/FARGATE`, name: 'FARGATE', status: 'ACTIVE', tags: [] },
      { capacityProviderArn: `${ARN}:capacity-provider/FARGATE_SPOT`, name: 'FARGATE_SPOT', status: 'ACTIVE', tags: [] },
    ]);
    const some = await ecs.send(new DescribeCapacityProvidersCommand({ capacityProviders: ['FARGATE_SPOT', 'nope'] }));
    expect(some.capacityProviders?.map((c) => c.name)).toEqual(['FARGATE_SPOT']);
    expect(some.failures).toEqual([{ arn: `${ARN}:capacity-provider/nope`, reason: 'MISSING' }]);
  });
});
