/**
 * EC2 container instances through the real ECS client: the control route registers them, ListContainerInstances /
 * DescribeContainerInstances describe them, and tasks of the EC2 launch type are placed on them by CPU, memory and
 * static host ports (a service that cannot place a task says so in a service event, worded as ECS words it).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListContainerInstancesCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  UpdateServiceCommand,
  type Resource,
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

async function registerPort8080(family = 'agent', cpu = '1024', memory = '2048'): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      cpu,
      memory,
      requiresCompatibilities: ['EC2'],
      containerDefinitions: [{ name: 'agent', image: 'harness/delegate:24.01.1', portMappings: [{ containerPort: 8080, hostPort: 8080 }] }],
    }),
  );
  return out.taskDefinition?.taskDefinitionArn ?? '';
}

const resource = (list: Resource[] | undefined, name: string): Resource | undefined => list?.find((r) => r.name === name);

describe('container instances', () => {
  it('registers instances through the control route and describes them with their resources', async () => {
    const arns = await emu.control.registerContainerInstances({ cluster: 'ops', count: 2, cpu: 4096, memory: 16384 });
    expect(arns).toHaveLength(2);
    expect(arns[0]).toMatch(/^arn:aws:ecs:us-east-1:123456789012:container-instance\/ops\/[0-9a-f]{32}$/);
    const listed = await ecs.send(new ListContainerInstancesCommand({ cluster: 'ops' }));
    expect(listed.containerInstanceArns).toEqual(arns);
    const id = arns[0]?.split('/').pop() ?? '';
    const out = await ecs.send(new DescribeContainerInstancesCommand({ cluster: 'ops', containerInstances: [id, 'nope'] }));
    expect(out.failures).toEqual([{ arn: 'nope', reason: 'MISSING' }]);
    const inst = out.containerInstances?.[0];
    expect(inst).toMatchObject({ containerInstanceArn: arns[0], status: 'ACTIVE', agentConnected: true, runningTasksCount: 0 });
    expect(resource(inst?.registeredResources, 'CPU')?.integerValue).toBe(4096);
    expect(resource(inst?.registeredResources, 'MEMORY')?.integerValue).toBe(16384);
    const clusters = await ecs.send(new DescribeClustersCommand({ clusters: ['ops'] }));
    expect(clusters.clusters?.[0]?.registeredContainerInstancesCount).toBe(2);
  });

  it('refuses a bad control body and an unknown cluster', async () => {
    await expect(emu.control.registerContainerInstances({ cluster: 'ops', count: 0 })).rejects.toThrow(/count/);
    await expect(emu.control.registerContainerInstances({ cluster: 'missing' })).rejects.toThrow(/Cluster not found/);
  });
});

describe('placement of EC2 tasks', () => {
  it('places a task on an instance and takes its CPU, memory and host port', async () => {
    const [arn] = await emu.control.registerContainerInstances({ cluster: 'ops', count: 1, cpu: 4096, memory: 16384 });
    const td = await registerPort8080();
    const run = await ecs.send(new RunTaskCommand({ cluster: 'ops', taskDefinition: td, launchType: 'EC2' }));
    expect(run.tasks?.[0]?.containerInstanceArn).toBe(arn);
    const out = await ecs.send(new DescribeContainerInstancesCommand({ cluster: 'ops', containerInstances: [arn ?? ''] }));
    const inst = out.containerInstances?.[0];
    expect(resource(inst?.remainingResources, 'CPU')?.integerValue).toBe(3072);
    expect(resource(inst?.remainingResources, 'MEMORY')?.integerValue).toBe(14336);
    expect(resource(inst?.remainingResources, 'PORTS')?.stringSetValue).toContain('8080');

    const second = await ecs.send(new RunTaskCommand({ cluster: 'ops', taskDefinition: td, launchType: 'EC2' }));
    expect(second.tasks).toEqual([]);
    expect(second.failures).toEqual([{ arn, reason: 'RESOURCE:PORTS' }]);
  });

  it('refuses a task that needs more memory than any instance has left (RESOURCE:MEMORY)', async () => {
    const [arn] = await emu.control.registerContainerInstances({ cluster: 'ops', count: 1, cpu: 4096, memory: 1024 });
    const td = await registerPort8080('big', '512', '2048');
    const run = await ecs.send(new RunTaskCommand({ cluster: 'ops', taskDefinition: td }));
    expect(run.failures).toEqual([{ arn, reason: 'RESOURCE:MEMORY' }]);
  });

  it('keeps placing EC2 tasks without an instance on a cluster that has none (the emulator keeps its old behaviour)', async () => {
    const td = await registerPort8080();
    const run = await ecs.send(new RunTaskCommand({ cluster: 'ops', taskDefinition: td, count: 2 }));
    expect(run.failures).toEqual([]);
    expect(run.tasks?.map((t) => t.containerInstanceArn)).toEqual([undefined, undefined]);
  });

  it('leaves a service task unplaced with ECS’s event naming the reason, and places it when capacity arrives', async () => {
    const [first] = await emu.control.registerContainerInstances({ cluster: 'ops', count: 1, cpu: 4096, memory: 16384 });
    const td = await registerPort8080();
    await ecs.send(new CreateServiceCommand({ cluster: 'ops', serviceName: 'delegate', taskDefinition: td, desiredCount: 2, launchType: 'EC2' }));
    const firstId = first?.split('/').pop() ?? '';
    const event = await eventually('placement event', async () => {
      const svc = (await ecs.send(new DescribeServicesCommand({ cluster: 'ops', services: ['delegate'] }))).services?.[0];
      return svc?.events?.find((e) => e.message?.includes('was unable to place a task'))?.message;
    });
    expect(event).toBe(
      `(service delegate) was unable to place a task because no container instance met all of its requirements. The closest matching ` +
        `(container-instance ${firstId}) is already using a port required by your task. For more information, see the Troubleshooting ` +
        'section of the Amazon ECS Developer Guide.',
    );
    await eventually('one running', async () => {
      const svc = (await ecs.send(new DescribeServicesCommand({ cluster: 'ops', services: ['delegate'] }))).services?.[0];
      return svc?.runningCount === 1 ? svc : undefined;
    });
    // Reported once, not on every scheduling pass (ECS omits duplicate events until the cause is resolved).
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: 'ops', services: ['delegate'] }))).services?.[0];
    expect(svc?.events?.filter((e) => e.message === event)).toHaveLength(1);
    expect(svc?.pendingCount).toBe(0);

    const [second] = await emu.control.registerContainerInstances({ cluster: 'ops', count: 1, cpu: 4096, memory: 16384 });
    await eventually('steady on two instances', async () => {
      const s = (await ecs.send(new DescribeServicesCommand({ cluster: 'ops', services: ['delegate'] }))).services?.[0];
      return s?.runningCount === 2 ? s : undefined;
    });
    const taskArns = (await ecs.send(new ListTasksCommand({ cluster: 'ops', serviceName: 'delegate' }))).taskArns ?? [];
    const tasks = (await ecs.send(new DescribeTasksCommand({ cluster: 'ops', tasks: taskArns }))).tasks ?? [];
    expect(tasks.map((t) => t.containerInstanceArn).sort()).toEqual([first, second].sort());
  });

  it('rolls a one-instance service with a static port when the old task may stop first (minimumHealthyPercent 0)', async () => {
    await emu.control.registerContainerInstances({ cluster: 'ops', count: 1, cpu: 4096, memory: 16384 });
    const td1 = await registerPort8080();
    await ecs.send(
      new CreateServiceCommand({
        cluster: 'ops',
        serviceName: 'delegate',
        taskDefinition: td1,
        desiredCount: 1,
        launchType: 'EC2',
        deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 },
      }),
    );
    await eventually('first steady', async () => {
      const s = (await ecs.send(new DescribeServicesCommand({ cluster: 'ops', services: ['delegate'] }))).services?.[0];
      return s?.deployments?.[0]?.rolloutState === 'COMPLETED' ? s : undefined;
    });
    const td2 = await registerPort8080();
    await ecs.send(new UpdateServiceCommand({ cluster: 'ops', service: 'delegate', taskDefinition: td2 }));
    const done = await eventually('second steady', async () => {
      const s = (await ecs.send(new DescribeServicesCommand({ cluster: 'ops', services: ['delegate'] }))).services?.[0];
      return s?.deployments?.length === 1 && s.deployments[0]?.taskDefinition === td2 && s.deployments[0]?.rolloutState === 'COMPLETED' ? s : undefined;
    });
    expect(done.events?.some((e) => e.message?.includes('unable to place'))).toBe(false);
  });
});
