/**
 * The settings ECS keeps per deployment (issue 11 item 3), through the real SDK: CreateService and UpdateService take
 * `serviceConnectConfiguration` and `volumeConfigurations`, DescribeServices reports them on each deployment (never
 * on the service) and DescribeServiceRevisions on the revision; a change starts a new deployment, an absent member
 * keeps them, `enabled: false` / an empty list removes them, and a circuit breaker rollback returns to the last
 * completed revision's.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateServiceCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  ECSClient,
  InvalidParameterException,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type CreateServiceCommandInput,
  type Service,
} from '@aws-sdk/client-ecs';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

let emu: TestEmulator;
let ecs: ECSClient;

beforeAll(async () => {
  emu = await startTestEmulator({ taskStartMs: 1000, speed: 50 });
  ecs = new ECSClient(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

const ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRole';
const CLIENT_ONLY = { enabled: true, namespace: 'internal' };
const PUBLISHED = { enabled: true, namespace: 'internal', services: [{ portName: 'http', clientAliases: [{ port: 80 }] }] };
const DATA_VOLUME = [{ name: 'data', managedEBSVolume: { roleArn: ROLE, sizeInGiB: 10 } }];

async function register(image: string): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image, essential: true, portMappings: [{ name: 'http', containerPort: 8080 }] }],
      volumes: [{ name: 'data', configuredAtLaunch: true }],
    }),
  );
  return out.taskDefinition?.taskDefinitionArn ?? '';
}

const create = (taskDefinition: string, fields: Partial<CreateServiceCommandInput> = {}) =>
  ecs.send(
    new CreateServiceCommand({
      serviceName: 'web',
      taskDefinition,
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      ...fields,
    }),
  );

const describe1 = async (): Promise<Service | undefined> => (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services?.[0];

const settled = (): Promise<Service> =>
  eventually('one COMPLETED deployment', async () => {
    const s = await describe1();
    return s?.deployments?.length === 1 && s.deployments[0]?.rolloutState === 'COMPLETED' ? s : undefined;
  });

const rejection = (p: Promise<unknown>): Promise<unknown> => p.then(() => new Error('expected a refusal'), (e: unknown) => e);

/** InvalidParameterException, and nothing created (the messages are the emulator's reconstruction: README.md). */
async function expectRefused(p: Promise<unknown>): Promise<void> {
  expect(await rejection(p)).toBeInstanceOf(InvalidParameterException);
}

describe('serviceConnectConfiguration and volumeConfigurations are kept per deployment', () => {
  it('CreateService takes them; DescribeServices reports them on the deployment and DescribeServiceRevisions on the revision', async () => {
    const created = await create(await register('web:1'), { serviceConnectConfiguration: PUBLISHED, volumeConfigurations: DATA_VOLUME });
    expect(created.service).not.toHaveProperty('serviceConnectConfiguration');
    expect(created.service).not.toHaveProperty('volumeConfigurations');
    expect(created.service?.deployments?.[0]).toMatchObject({ serviceConnectConfiguration: PUBLISHED, volumeConfigurations: DATA_VOLUME });
    const revisionArn = created.service?.currentServiceRevisions?.[0]?.arn ?? '';
    const revision = (await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [revisionArn] }))).serviceRevisions?.[0];
    expect(revision).toMatchObject({ serviceConnectConfiguration: PUBLISHED, volumeConfigurations: DATA_VOLUME });
  });

  it('a change starts a new deployment; an absent member keeps them; enabled false and an empty list remove them', async () => {
    const td = await register('web:1');
    await create(td, { serviceConnectConfiguration: CLIENT_ONLY, volumeConfigurations: DATA_VOLUME });
    await settled();

    const changed = await ecs.send(new UpdateServiceCommand({ service: 'web', serviceConnectConfiguration: PUBLISHED }));
    expect(changed.service?.deployments?.map((d) => d.serviceConnectConfiguration)).toEqual([PUBLISHED, CLIENT_ONLY]);
    expect(changed.service?.deployments?.[0]?.volumeConfigurations).toEqual(DATA_VOLUME);
    await settled();

    const same = await ecs.send(new UpdateServiceCommand({ service: 'web', serviceConnectConfiguration: PUBLISHED, desiredCount: 2 }));
    expect(same.service?.deployments).toHaveLength(1);
    const forced = await ecs.send(new UpdateServiceCommand({ service: 'web', forceNewDeployment: true }));
    expect(forced.service?.deployments?.[0]).toMatchObject({ serviceConnectConfiguration: PUBLISHED, volumeConfigurations: DATA_VOLUME });
    await settled();

    const removed = await ecs.send(
      new UpdateServiceCommand({ service: 'web', serviceConnectConfiguration: { enabled: false }, volumeConfigurations: [] }),
    );
    expect(removed.service?.deployments).toHaveLength(2);
    expect(removed.service?.deployments?.[0]).not.toHaveProperty('serviceConnectConfiguration');
    expect(removed.service?.deployments?.[0]).not.toHaveProperty('volumeConfigurations');
  });

  it('a circuit breaker rollback returns to the settings of the last completed revision', async () => {
    await create(await register('web:1'), {
      serviceConnectConfiguration: CLIENT_ONLY,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    await settled();
    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: await register('web:crash'), serviceConnectConfiguration: PUBLISHED }));
    const back = await eventually('the rollback to complete', async () => {
      const s = await settled();
      return s.deployments?.[0]?.taskDefinition?.endsWith(':1') === true ? s : undefined;
    });
    expect(back.deployments?.[0]?.serviceConnectConfiguration).toEqual(CLIENT_ONLY);
    // The next deployment starts from the rolled-back settings, not the failed ones.
    const next = await ecs.send(new UpdateServiceCommand({ service: 'web', forceNewDeployment: true }));
    expect(next.service?.deployments?.[0]?.serviceConnectConfiguration).toEqual(CLIENT_ONLY);
  });
});

describe('what ECS checks (the emulator words the messages: only the error code is asserted)', () => {
  it('Service Connect needs enabled and a namespace, and a published portName must name a port mapping', async () => {
    const td = await register('web:1');
    await expectRefused(create(td, { serviceConnectConfiguration: { namespace: 'internal' } as never }));
    await expectRefused(create(td, { serviceConnectConfiguration: { enabled: true } }));
    await expectRefused(create(td, { serviceConnectConfiguration: { enabled: true, namespace: 'internal', services: [{ portName: 'grpc' }] } }));
    expect(await describe1()).toBeUndefined();
    await create(td, { serviceConnectConfiguration: PUBLISHED });
  });

  it('a volume configuration must name a volume configured at launch and give the role ECS manages it with', async () => {
    const td = await register('web:1');
    await expectRefused(create(td, { volumeConfigurations: [{ name: 'logs', managedEBSVolume: { roleArn: ROLE } }] }));
    await expectRefused(create(td, { volumeConfigurations: [{ name: 'data', managedEBSVolume: {} as never }] }));
    expect(await describe1()).toBeUndefined();
    await create(td);
    await expectRefused(ecs.send(new UpdateServiceCommand({ service: 'web', volumeConfigurations: [{ name: 'logs', managedEBSVolume: { roleArn: ROLE } }] })));
    expect((await describe1())?.deployments).toHaveLength(1);
    await ecs.send(new UpdateServiceCommand({ service: 'web', volumeConfigurations: DATA_VOLUME }));
    expect((await describe1())?.deployments?.[0]?.volumeConfigurations).toEqual(DATA_VOLUME);
  });

  it('a CODE_DEPLOY service takes neither', async () => {
    const td = await register('web:1');
    await expectRefused(create(td, { deploymentController: { type: 'CODE_DEPLOY' }, serviceConnectConfiguration: CLIENT_ONLY }));
    await create(td, { deploymentController: { type: 'CODE_DEPLOY' } });
    await expectRefused(ecs.send(new UpdateServiceCommand({ service: 'web', serviceConnectConfiguration: CLIENT_ONLY })));
    await expectRefused(ecs.send(new UpdateServiceCommand({ service: 'web', volumeConfigurations: DATA_VOLUME })));
  });
});
