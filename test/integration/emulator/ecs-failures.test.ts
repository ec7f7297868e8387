/**
 * What users see when deployments go wrong, through the real SDK clients: a crashing image trips the deployment
 * circuit breaker (with and without rollback), an image that cannot be pulled, container health checks failing,
 * and a missing awslogs log group.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type ContainerDefinition,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs';
import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { eventually, startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

let emu: TestEmulator;
let ecs: ECSClient;
let logs: CloudWatchLogsClient;

beforeAll(async () => {
  emu = await startTestEmulator({ taskStartMs: 1000, speed: 50 });
  ecs = new ECSClient(emu.clientConfig());
  logs = new CloudWatchLogsClient(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  logs.destroy();
  await emu.stop();
});
beforeEach(async () => emu.control.reset());

const network = { awsvpcConfiguration: { subnets: ['subnet-1'] } };

async function register(image: string, extra: Partial<ContainerDefinition> = {}): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      containerDefinitions: [{ name: 'web', image, essential: true, portMappings: [{ containerPort: 8080 }], ...extra }],
    }),
  );
  return out.taskDefinition?.taskDefinitionArn ?? '';
}

async function service(): Promise<Service> {
  const s = (await ecs.send(new DescribeServicesCommand({ services: ['web'] }))).services?.[0];
  if (!s) throw new Error('service missing');
  return s;
}

const steady = (): Promise<Service> =>
  eventually('steady state', async () => {
    const s = await service();
    return s.deployments?.length === 1 && s.deployments[0]?.rolloutState === 'COMPLETED' && s.runningCount === s.desiredCount ? s : undefined;
  });

const create = (taskDefinition: string, desiredCount: number, rollback?: boolean): Promise<unknown> =>
  ecs.send(
    new CreateServiceCommand({
      serviceName: 'web',
      taskDefinition,
      desiredCount,
      launchType: 'FARGATE',
      networkConfiguration: network,
      ...(rollback === undefined ? {} : { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback } } }),
    }),
  );

async function stoppedTasks(): Promise<Task[]> {
  const arns = (await ecs.send(new ListTasksCommand({ serviceName: 'web', desiredStatus: 'STOPPED' }))).taskArns ?? [];
  if (arns.length === 0) return [];
  return (await ecs.send(new DescribeTasksCommand({ tasks: arns }))).tasks ?? [];
}

describe('deployment circuit breaker', () => {
  it('fails a crashing deployment and ECS rolls back to the last completed revision', async () => {
    const v1 = await register('app:v1');
    const v2 = await register('app:v2-crash');
    await create(v1, 2, true);
    const good = await steady();
    const goodId = good.deployments?.[0]?.id ?? '';
    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: v2 }));
    const badId = (await service()).deployments?.[0]?.id ?? '';
    expect(badId).not.toBe(goodId);

    const rolledBack = await eventually('rollback completed', async () => {
      const s = await service();
      const primary = s.deployments?.[0];
      return primary && primary.id !== badId && primary.rolloutState === 'COMPLETED' && s.deployments?.length === 1 ? s : undefined;
    });
    expect(rolledBack.taskDefinition).toBe(v1);
    expect(rolledBack.runningCount).toBe(2);
    const messages = (rolledBack.events ?? []).map((e) => e.message);
    const failedAt = messages.indexOf(`(service web) (deployment ${badId}) deployment failed: tasks failed to start.`);
    const rollingAt = messages.indexOf(`(service web) rolling back to deployment ${goodId}.`);
    expect(failedAt).toBeGreaterThan(-1);
    expect(rollingAt).toBeGreaterThan(-1);
    expect(rollingAt).toBeLessThan(failedAt); // newest first: the rollback follows the failure
    expect(messages[0]).toBe('(service web) has reached a steady state.');

    // The crashed tasks tell why they stopped; the two original tasks kept running (minimumHealthyPercent 100).
    // A v2 task still running when ECS rolled back is stopped by the scheduler (on a loaded machine this happens).
    const stoppedV2 = (await stoppedTasks()).filter((t) => t.taskDefinitionArn === v2);
    for (const t of stoppedV2) expect(['EssentialContainerExited', 'ServiceSchedulerInitiated']).toContain(t.stopCode);
    const crashed = stoppedV2.filter((t) => t.stopCode === 'EssentialContainerExited');
    expect(crashed.length).toBeGreaterThanOrEqual(3);
    for (const t of crashed) {
      expect(t.stopCode).toBe('EssentialContainerExited');
      expect(t.stoppedReason).toBe('Essential container in task exited');
      expect(t.containers?.[0]?.exitCode).toBe(1);
    }
    const history = await ecs.send(new ListServiceDeploymentsCommand({ service: 'web' }));
    expect(history.serviceDeployments?.map((d) => d.status)).toEqual(['ROLLBACK_SUCCESSFUL', 'SUCCESSFUL']);
    const [failed] = (
      await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [history.serviceDeployments?.[0]?.serviceDeploymentArn ?? ''] }))
    ).serviceDeployments ?? [];
    expect(failed?.deploymentCircuitBreaker).toEqual({ status: 'TRIGGERED', failureCount: 3, threshold: 3 });
    expect(failed?.rollback?.serviceRevisionArn).toBe(history.serviceDeployments?.[1]?.targetServiceRevisionArn);
    expect(failed?.statusReason).toBe('ECS deployment circuit breaker: tasks failed to start.');
  });

  it('without rollback leaves the deployment FAILED and the previous tasks running', async () => {
    const v1 = await register('app:v1');
    const v2 = await register('app:exit-3');
    await create(v1, 1, false);
    await steady();
    await ecs.send(new UpdateServiceCommand({ service: 'web', taskDefinition: v2 }));
    const failed = await eventually('FAILED', async () => {
      const s = await service();
      return s.deployments?.[0]?.rolloutState === 'FAILED' ? s : undefined;
    });
    expect(failed.deployments?.[0]).toMatchObject({
      status: 'PRIMARY',
      taskDefinition: v2,
      failedTasks: 3,
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
    expect(failed.deployments?.[1]).toMatchObject({ status: 'ACTIVE', taskDefinition: v1, runningCount: 1 });
    const exited = (await stoppedTasks()).filter((t) => t.taskDefinitionArn === v2);
    expect(exited.map((t) => t.containers?.[0]?.exitCode)).toEqual([3, 3, 3]);
  });
});

describe('tasks that cannot start or stay healthy', () => {
  it('reports CannotPullContainerError and that the service cannot start tasks consistently', async () => {
    await create(await register('123456789012.dkr.ecr.us-east-1.amazonaws.com/app:pull-error'), 1);
    const s = await eventually('start impaired', async () => {
      const svc = await service();
      return svc.events?.some((e) => e.message?.includes('is unable to consistently start tasks successfully')) ? svc : undefined;
    });
    expect(s.deployments?.[0]?.failedTasks).toBeGreaterThanOrEqual(3);
    expect(s.deployments?.[0]?.rolloutState).toBe('IN_PROGRESS');
    const [task] = await stoppedTasks();
    const reason =
      'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ' +
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:pull-error: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:pull-error: not found';
    expect(task).toMatchObject({ stopCode: 'TaskFailedToStart', stoppedReason: reason, lastStatus: 'STOPPED' });
    expect(task?.startedAt).toBeUndefined();
    expect(task?.containers?.[0]?.reason).toBe(reason);
  });

  it('replaces a task that fails its container health check', async () => {
    const td = await register('app:unhealthy', {
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1'], interval: 5, retries: 2 },
    });
    await create(td, 1);
    const s = await eventually('health check failure event', async () => {
      const svc = await service();
      return svc.events?.some((e) => /^\(service web\) \(task [0-9a-f]{32}\) failed container health checks\.$/.test(e.message ?? '')) ? svc : undefined;
    });
    const taskId = /\(task ([0-9a-f]{32})\)/.exec(s.events?.find((e) => e.message?.includes('failed container'))?.message ?? '')?.[1];
    expect(s.events?.some((e) => e.message === `(service web) has stopped 1 running tasks: (task ${taskId}).`)).toBe(true);
    const [task] = (await ecs.send(new DescribeTasksCommand({ tasks: [taskId ?? ''] }))).tasks ?? [];
    expect(task).toMatchObject({ stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Task failed container health checks', healthStatus: 'UNHEALTHY' });
    expect(task?.containers?.[0]?.healthStatus).toBe('UNHEALTHY');
  });

  it('reports healthy container health checks on a healthy image', async () => {
    await create(await register('app:v1', { healthCheck: { command: ['CMD', 'true'] } }), 1);
    await steady();
    const arns = (await ecs.send(new ListTasksCommand({ serviceName: 'web' }))).taskArns ?? [];
    const [task] = (await ecs.send(new DescribeTasksCommand({ tasks: arns }))).tasks ?? [];
    expect(task?.healthStatus).toBe('HEALTHY');
  });
});

describe('the awslogs driver', () => {
  const awslogs = (createGroup: boolean): Partial<ContainerDefinition> => ({
    logConfiguration: {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': '/ecs/web',
        'awslogs-region': 'us-east-1',
        'awslogs-stream-prefix': 'ecs',
        ...(createGroup ? { 'awslogs-create-group': 'true' } : {}),
      },
    },
  });

  it('fails the task with ResourceInitializationError when the log group is missing', async () => {
    await create(await register('app:v1', awslogs(false)), 1);
    const task = await eventually('stopped task', async () => (await stoppedTasks())[0]);
    expect(task.stopCode).toBe('TaskFailedToStart');
    expect(task.stoppedReason).toMatch(
      /^ResourceInitializationError: failed to validate logger args: .*ResourceNotFoundException: The specified log group does not exist\./,
    );
  });

  it('creates the group with awslogs-create-group and writes lines to <prefix>/<container>/<task-id>', async () => {
    await create(await register('app:v1', awslogs(true)), 1);
    await steady();
    const [arn] = (await ecs.send(new ListTasksCommand({ serviceName: 'web' }))).taskArns ?? [];
    const taskId = arn?.split('/').pop();
    const events = await logs.send(new GetLogEventsCommand({ logGroupName: '/ecs/web', logStreamName: `ecs/web/${taskId}`, startFromHead: true }));
    expect(events.events?.length).toBeGreaterThanOrEqual(2);
    expect(events.events?.[0]?.message).toContain('app:v1');
  });
});
