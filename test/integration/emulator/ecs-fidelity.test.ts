/**
 * ECS answers the emulator once gave differently from AWS (issue 11, "Emulator fidelity"), through the real SDK:
 * container secrets need an execution role, a health check given only its command is described with AWS's
 * defaults, and tags with the reserved `aws:` prefix are refused wherever tags are taken.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  ClientException,
  CreateServiceCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  InvalidParameterException,
  ListTagsForResourceCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

let emu: TestEmulator;
let ecs: ECSClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  ecs = new ECSClient(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

const SECRET = { name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf' };
const EXEC_ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

const fargate = (overrides: Partial<RegisterTaskDefinitionCommandInput> = {}): RegisterTaskDefinitionCommandInput => ({
  family: 'api',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'api', image: 'api:1' }],
  ...overrides,
});

const rejection = (p: Promise<unknown>): Promise<unknown> => p.then(() => new Error('expected a refusal'), (e: unknown) => e);

describe('container secrets', () => {
  it('are refused without an executionRoleArn, with the ClientException ECS answers', async () => {
    const err = await rejection(ecs.send(new RegisterTaskDefinitionCommand(fargate({ containerDefinitions: [{ name: 'api', image: 'api:1', secrets: [SECRET] }] }))));
    expect(err).toBeInstanceOf(ClientException);
    expect((err as Error).message).toBe("When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.");
    expect((await ecs.send(new ListTaskDefinitionsCommand({}))).taskDefinitionArns).toEqual([]);
  });

  it('are accepted with an executionRoleArn', async () => {
    const out = await ecs.send(
      new RegisterTaskDefinitionCommand(fargate({ executionRoleArn: EXEC_ROLE, containerDefinitions: [{ name: 'api', image: 'api:1', secrets: [SECRET] }] })),
    );
    expect(out.taskDefinition?.containerDefinitions?.[0]?.secrets).toEqual([SECRET]);
    expect(out.taskDefinition?.executionRoleArn).toBe(EXEC_ROLE);
  });
});

describe('container health checks', () => {
  it('given only a command are described with interval 30, timeout 5 and retries 3 (startPeriod stays off)', async () => {
    const command = ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'];
    await ecs.send(new RegisterTaskDefinitionCommand(fargate({ containerDefinitions: [{ name: 'api', image: 'api:1', healthCheck: { command } }] })));
    const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api' }));
    expect(described.taskDefinition?.containerDefinitions?.[0]?.healthCheck).toEqual({ command, interval: 30, timeout: 5, retries: 3 });
  });

  it('keep the values given', async () => {
    const healthCheck = { command: ['CMD', '/bin/check'], interval: 10, timeout: 2, retries: 5, startPeriod: 60 };
    await ecs.send(new RegisterTaskDefinitionCommand(fargate({ containerDefinitions: [{ name: 'api', image: 'api:1', healthCheck }] })));
    const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'api' }));
    expect(described.taskDefinition?.containerDefinitions?.[0]?.healthCheck).toEqual(healthCheck);
  });
});

describe('tags with the reserved aws: prefix', () => {
  const expectReserved = async (p: Promise<unknown>, message: string): Promise<void> => {
    const err = await rejection(p);
    expect(err).toBeInstanceOf(InvalidParameterException);
    expect((err as Error).message).toBe(message);
  };

  it('are refused by TagResource, in keys and values of any case, and leave the tags as they were', async () => {
    const td = (await ecs.send(new RegisterTaskDefinitionCommand(fargate({ tags: [{ key: 'team', value: 'shop' }] })))).taskDefinition?.taskDefinitionArn ?? '';
    await expectReserved(ecs.send(new TagResourceCommand({ resourceArn: td, tags: [{ key: 'aws:owner', value: 'me' }] })), 'Tag key must not start with aws:');
    await expectReserved(ecs.send(new TagResourceCommand({ resourceArn: td, tags: [{ key: 'AWS:owner', value: 'me' }] })), 'Tag key must not start with aws:');
    await expectReserved(ecs.send(new TagResourceCommand({ resourceArn: td, tags: [{ key: 'owner', value: 'Aws:me' }] })), 'Tag value must not start with aws:');
    expect((await ecs.send(new ListTagsForResourceCommand({ resourceArn: td }))).tags).toEqual([{ key: 'team', value: 'shop' }]);
    // Only the prefix is reserved: `aws` without the colon, or `aws:` later in the key, is an ordinary tag.
    await ecs.send(new TagResourceCommand({ resourceArn: td, tags: [{ key: 'aws-team', value: 'x' }, { key: 'team:aws:', value: 'y' }] }));
    expect((await ecs.send(new ListTagsForResourceCommand({ resourceArn: td }))).tags).toHaveLength(3);
  });

  it('are refused by RegisterTaskDefinition and CreateService', async () => {
    await expectReserved(ecs.send(new RegisterTaskDefinitionCommand(fargate({ tags: [{ key: 'aws:cloudformation:stack-name', value: 'x' }] }))), 'Tag key must not start with aws:');
    expect((await ecs.send(new ListTaskDefinitionsCommand({}))).taskDefinitionArns).toEqual([]);
    const td = (await ecs.send(new RegisterTaskDefinitionCommand(fargate()))).taskDefinition?.taskDefinitionArn ?? '';
    const create = ecs.send(
      new CreateServiceCommand({
        serviceName: 'api',
        taskDefinition: td,
        desiredCount: 0,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
        tags: [{ key: 'aws:owner', value: 'me' }],
      }),
    );
    await expectReserved(create, 'Tag key must not start with aws:');
  });
});
