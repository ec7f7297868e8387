/**
 * DAEMON services through the real ECS client: one task on each container instance that can take it, a rolling
 * replacement instance by instance on UpdateService, a new instance getting its task, and the requests ECS refuses
 * for the strategy (a desired count, Fargate, a placement strategy).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  InvalidParameterException,
  ListTasksCommand,
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
beforeEach(async () => {
  await emu.control.reset();
  await ecs.send(new CreateClusterCommand({ clusterName: 'ops' }));
});

/** A log agent: 256 CPU units and 512 MiB, static host port 2020 (one per instance). */
async function registerAgent(image: string, memory = '512'): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'agent',
      cpu: '256',
      memory,
      requiresCompatibilities: ['EC2'],
      containerDefinitions: [{ name: 'agent', image, portMappings: [{ containerPort: 2020, hostPort: 2020 }] }],
    }),
  );
  return out.taskDefinition?.taskDefinitionArn ?? '';
}

const daemon = (taskDefinition: string, extra: Partial<CreateServiceCommandInput> = {}): Promise<unknown> =>
  ecs.send(new CreateServiceCommand({ cluster: 'ops', serviceName: 'agent', taskDefinition, schedulingStrategy: 'DAEMON', ...extra }));

async function agent(): Promise<Service> {
  const s = (await ecs.send(new DescribeServicesCommand({ cluster: 'ops', services: ['agent'] }))).services?.[0];
  if (!s) throw new Error('service agent missing');
  return s;
}

/** Running tasks of the service: task definition and container instance of each. */
async function placed(): Promise<{ taskDefinition: string; instance: string }[]> {
  const arns = (await ecs.send(new ListTasksCommand({ cluster: 'ops', serviceName: 'agent', desiredStatus: 'RUNNING' }))).taskArns ?? [];
  if (arns.length === 0) return [];
  const tasks = (await ecs.send(new DescribeTasksCommand({ cluster: 'ops', tasks: arns }))).tasks ?? [];
  return tasks.filter((t) => t.lastStatus === 'RUNNING').map((t) => ({ taskDefinition: t.taskDefinitionArn ?? '', instance: t.containerInstanceArn ?? '' }));
}

async function steadyOn(taskDefinition: string, count: number): Promise<Service> {
  return eventually(`steady on ${taskDefinition}`, async () => {
    const s = await agent();
    const d = s.deployments ?? [];
    return d.length === 1 && d[0]?.rolloutState === 'COMPLETED' && s.taskDefinition === taskDefinition && s.runningCount === count ? s : undefined;
  });
}

describe('a DAEMON service', () => {
  it('runs one task per container instance, replaces them on update, and follows new instances', async () => {
    const instances = await emu.control.registerContainerInstances({ cluster: 'ops', count: 3, cpu: 2048, memory: 4096 });
    const v1 = await registerAgent('agent:v1');
    await daemon(v1);
    const first = await steadyOn(v1, 3);
    expect(first.schedulingStrategy).toBe('DAEMON');
    expect(first.desiredCount).toBe(3);
    expect(first.deploymentConfiguration).toMatchObject({ maximumPercent: 100, minimumHealthyPercent: 0 });
    expect((await placed()).map((t) => t.instance).sort()).toEqual([...instances].sort());

    const v2 = await registerAgent('agent:v2');
    await ecs.send(new UpdateServiceCommand({ cluster: 'ops', service: 'agent', taskDefinition: v2 }));
    await steadyOn(v2, 3);
    const after = await placed();
    expect(after.map((t) => t.taskDefinition)).toEqual([v2, v2, v2]);
    expect(after.map((t) => t.instance).sort()).toEqual([...instances].sort());

    const [extra] = await emu.control.registerContainerInstances({ cluster: 'ops', count: 1, cpu: 2048, memory: 4096 });
    const grown = await steadyOn(v2, 4);
    expect(grown.desiredCount).toBe(4);
    expect((await placed()).map((t) => t.instance)).toContain(extra);
  });

  it('leaves out instances too small for the task', async () => {
    await emu.control.registerContainerInstances({ cluster: 'ops', count: 2, cpu: 2048, memory: 4096 });
    await emu.control.registerContainerInstances({ cluster: 'ops', count: 1, cpu: 2048, memory: 256 });
    const v1 = await registerAgent('agent:v1');
    await daemon(v1);
    expect((await steadyOn(v1, 2)).desiredCount).toBe(2);
  });

  it('refuses a desired count, Fargate and a placement strategy', async () => {
    const v1 = await registerAgent('agent:v1');
    const refused = async (p: Promise<unknown>): Promise<string> => {
      const err = await p.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InvalidParameterException);
      return (err as Error).message;
    };
    expect(await refused(daemon(v1, { desiredCount: 2 }))).toMatch(/desiredCount/);
    expect(await refused(daemon(v1, { launchType: 'FARGATE' }))).toMatch(/Fargate/);
    expect(await refused(daemon(v1, { placementStrategy: [{ type: 'spread', field: 'instanceId' }] }))).toMatch(/Placement strategies/);
    await daemon(v1);
    expect(await refused(ecs.send(new UpdateServiceCommand({ cluster: 'ops', service: 'agent', desiredCount: 3 })))).toMatch(/desiredCount/);
  });
});
