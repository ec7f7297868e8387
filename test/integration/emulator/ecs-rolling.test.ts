/**
 * ECS services in the emulator, driven only through the real ECS SDK client: first deployment to steady state,
 * a rolling update honouring minimumHealthyPercent/maximumPercent, scaling, deletion (ACTIVE → DRAINING →
 * INACTIVE) and the service deployment history.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
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

async function register(image: string): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image, essential: true, portMappings: [{ containerPort: 8080 }] }],
    }),
  );
  return out.taskDefinition?.taskDefinitionArn ?? '';
}

const network = { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } };

async function describe1(name = 'web'): Promise<Service> {
  const out = await ecs.send(new DescribeServicesCommand({ services: [name] }));
  const service = out.services?.[0];
  if (!service) throw new Error(`service ${name} missing`);
  return service;
}

const steady = (name = 'web'): Promise<Service> =>
  eventually(`${name} steady`, async () => {
    const s = await describe1(name);
    const primary = s.deployments?.[0];
    return s.deployments?.length === 1 && primary?.rolloutState === 'COMPLETED' && s.runningCount === s.desiredCount ? s : undefined;
  });

describe('a new service', () => {
  it('reaches steady state with the events ECS writes, newest first', async () => {
    const td = await register('nginx:1.27');
    const created = await ecs.send(
      new CreateServiceCommand({ serviceName: 'web', taskDefinition: td, desiredCount: 2, launchType: 'FARGATE', networkConfiguration: network }),
    );
    expect(created.service?.status).toBe('ACTIVE');
    expect(created.service?.serviceArn).toBe('arn:aws:ecs:us-east-1:123456789012:service/default/web');
    expect(created.service?.deployments?.[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS', taskDefinition: td });
    expect(created.service?.deployments?.[0]?.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(created.service?.deploymentConfiguration).toMatchObject({ maximumPercent: 200, minimumHealthyPercent: 100 });

    const s = await steady();
    const deployment = s.deployments?.[0];
    expect(deployment).toMatchObject({ status: 'PRIMARY', runningCount: 2, pendingCount: 0, failedTasks: 0, rolloutState: 'COMPLETED' });
    expect(deployment?.rolloutStateReason).toBe(`ECS deployment ${deployment?.id} completed.`);
    const messages = (s.events ?? []).map((e) => e.message ?? '');
    expect(messages[0]).toBe('(service web) has reached a steady state.');
    expect(messages[1]).toBe(`(service web) (deployment ${deployment?.id}) deployment completed.`);
    expect(messages[2]).toMatch(/^\(service web\) has started 2 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/);
    for (const e of s.events ?? []) {
      expect(e.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(e.createdAt).toBeInstanceOf(Date);
    }
    const tasks = await ecs.send(new ListTasksCommand({ serviceName: 'web' }));
    expect(tasks.taskArns).toHaveLength(2);
    const described = await ecs.send(new DescribeTasksCommand({ tasks: tasks.taskArns ?? [] }));
    for (const t of described.tasks ?? []) {
      expect(t).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING', launchType: 'FARGATE', group: 'service:web' });
      expect(t.startedBy).toBe(deployment?.id);
      expect(t.attachments?.[0]?.details?.find((d) => d.name === 'privateIPv4Address')?.value).toMatch(/^10\.0\./);
    }
  });
});

describe('a rolling update', () => {
  it('keeps minimumHealthyPercent running, replaces every task and completes on the new revision', async () => {
    const v1 = await register('nginx:1.27');
    const v2 = await register('nginx:1.28');
    await ecs.send(
      new CreateServiceCommand({
        serviceName: 'web',
        taskDefinition: v1,
        desiredCount: 4,
        launchType: 'FARGATE',
        networkConfiguration: network,
        deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 },
      }),
    );
    await steady();
    const oldTasks = (await ecs.send(new ListTasksCommand({ serviceName: 'web' }))).taskArns ?? [];
    const updated = await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: v2 }));
    expect(updated.service?.taskDefinition).toBe(v2);
    expect(updated.service?.deployments?.map((d) => d.status)).toEqual(['PRIMARY', 'ACTIVE']);

    // Sample while it rolls: never fewer than 2 (50 %) running, never more than 4 (100 %) in total.
    let sawBoth = false;
    const done = await eventually('rollout', async () => {
      const s = await describe1();
      const running = (s.deployments ?? []).reduce((n, d) => n + (d.runningCount ?? 0), 0);
      const total = (s.deployments ?? []).reduce((n, d) => n + (d.runningCount ?? 0) + (d.pendingCount ?? 0), 0);
      expect(running).toBeGreaterThanOrEqual(2);
      expect(total).toBeLessThanOrEqual(4);
      if ((s.deployments?.length ?? 0) > 1) sawBoth = true;
      return s.deployments?.length === 1 && s.deployments[0]?.rolloutState === 'COMPLETED' && s.runningCount === 4 ? s : undefined;
    });
    expect(sawBoth).toBe(true);
    expect(done.taskDefinition).toBe(v2);
    expect(done.deployments?.[0]?.taskDefinition).toBe(v2);
    expect(done.events?.some((e) => /^\(service web\) has stopped 2 running tasks: (\(task [0-9a-f]{32}\) ?){2}\.$/.test(e.message ?? ''))).toBe(true);

    const stopped = await ecs.send(new DescribeTasksCommand({ tasks: oldTasks }));
    for (const t of stopped.tasks ?? []) {
      expect(t.desiredStatus).toBe('STOPPED');
      expect(t.stopCode).toBe('ServiceSchedulerInitiated');
      expect(t.stoppedReason).toBe(`Scaling activity initiated by (deployment ${done.deployments?.[0]?.id})`);
    }
    await eventually('old tasks STOPPED', async () => {
      const again = await ecs.send(new DescribeTasksCommand({ tasks: oldTasks }));
      return again.tasks?.every((t) => t.lastStatus === 'STOPPED' && t.containers?.[0]?.exitCode === 143) ? true : undefined;
    });
    const listedStopped = await ecs.send(new ListTasksCommand({ serviceName: 'web', desiredStatus: 'STOPPED' }));
    expect(new Set(listedStopped.taskArns)).toEqual(new Set(oldTasks));
  });

  it('records the service deployment history with source and target revisions', async () => {
    const v1 = await register('nginx:1.27');
    const v2 = await register('nginx:1.28');
    await ecs.send(new CreateServiceCommand({ serviceName: 'web', taskDefinition: v1, desiredCount: 1, launchType: 'FARGATE', networkConfiguration: network }));
    await steady();
    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: v2 }));
    await steady();
    const list = await ecs.send(new ListServiceDeploymentsCommand({ service: 'web' }));
    expect(list.serviceDeployments?.map((d) => d.status)).toEqual(['SUCCESSFUL', 'SUCCESSFUL']);
    const [second, first] = list.serviceDeployments ?? [];
    const described = await ecs.send(
      new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [second?.serviceDeploymentArn ?? '', 'arn:aws:ecs:us-east-1:123456789012:service-deployment/default/web/nope'] }),
    );
    expect(described.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:service-deployment/default/web/nope', reason: 'MISSING' }]);
    const sd = described.serviceDeployments?.[0];
    expect(sd?.sourceServiceRevisions?.[0]?.arn).toBe(first?.targetServiceRevisionArn);
    expect(sd?.targetServiceRevision).toMatchObject({ arn: second?.targetServiceRevisionArn, requestedTaskCount: 1, runningTaskCount: 1 });
    expect(sd?.finishedAt).toBeInstanceOf(Date);
    const revisions = await ecs.send(
      new DescribeServiceRevisionsCommand({ serviceRevisionArns: [first?.targetServiceRevisionArn ?? '', second?.targetServiceRevisionArn ?? ''] }),
    );
    expect(revisions.serviceRevisions?.map((r) => r.taskDefinition)).toEqual([v1, v2]);
    expect(revisions.serviceRevisions?.[1]?.containerImages?.[0]).toMatchObject({ containerName: 'web', image: 'nginx:1.28' });
  });
});

describe('scaling and deletion', () => {
  it('scales without a new deployment, then drains to INACTIVE after DeleteService', async () => {
    const td = await register('nginx:1.27');
    await ecs.send(new CreateServiceCommand({ serviceName: 'web', taskDefinition: td, desiredCount: 1, launchType: 'FARGATE', networkConfiguration: network }));
    const first = await steady();
    await ecs.send(new UpdateServiceCommand({ service: 'web', desiredCount: 3 }));
    const scaled = await eventually('3 running', async () => {
      const s = await describe1();
      return s.runningCount === 3 && s.events?.[0]?.message === '(service web) has reached a steady state.' ? s : undefined;
    });
    expect(scaled.deployments?.[0]?.id).toBe(first.deployments?.[0]?.id);

    await expect(ecs.send(new DeleteServiceCommand({ service: 'web' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'The service cannot be stopped while it is scaled above 0.',
    });
    const deleted = await ecs.send(new DeleteServiceCommand({ service: 'web', force: true }));
    expect(deleted.service).toMatchObject({ status: 'DRAINING', desiredCount: 0 });
    await expect(ecs.send(new UpdateServiceCommand({ service: 'web', desiredCount: 1 }))).rejects.toMatchObject({
      name: 'ServiceNotActiveException',
    });
    await expect(
      ecs.send(new CreateServiceCommand({ serviceName: 'web', taskDefinition: td, desiredCount: 1, launchType: 'FARGATE', networkConfiguration: network })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Unable to Start a service that is still Draining.' });
    const inactive = await eventually('INACTIVE', async () => {
      const s = await describe1();
      return s.status === 'INACTIVE' ? s : undefined;
    });
    expect(inactive.runningCount).toBe(0);
    expect((await ecs.send(new ListServicesCommand({}))).serviceArns).toEqual([]);
    // An INACTIVE name can be reused.
    const again = await ecs.send(
      new CreateServiceCommand({ serviceName: 'web', taskDefinition: td, desiredCount: 0, launchType: 'FARGATE', networkConfiguration: network }),
    );
    expect(again.service?.status).toBe('ACTIVE');
  });
});
