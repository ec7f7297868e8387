/**
 * A small stateful ECS (services, task definitions, stopped tasks) behind aws-sdk-client-mock, for the rolling
 * deployment's unit tests, shaped as the ECS API reference documents: CreateService/UpdateService answer with the
 * service whose new deployment is PRIMARY (older ones become ACTIVE); DeleteService leaves the service DRAINING;
 * DescribeServices reports an unknown service as a MISSING failure; DescribeTaskDefinition of an unknown one is a
 * ClientException; ListTasks (desiredStatus STOPPED) and DescribeTasks answer the stopped tasks.
 *
 * The real service watcher runs against it: each new deployment rolls out as its Rollout says (fake-ecs-rollouts.ts,
 * default: at once) and a DRAINING service turns INACTIVE, while a wait follows them (fake-ecs-progress.ts).
 */
import type { ECSClient, Task } from '@aws-sdk/client-ecs';
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type CreateServiceCommandInput,
  type Deployment,
  type RegisterTaskDefinitionCommandInput,
  type Service,
  type UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import type { Clock } from '../../src/core/time.js';
import { CLUSTER, REGION_ACCOUNT, T0, event, tdArn } from './ecs-watch-fixtures.js';
import { ServiceProgress, type FollowedDeployment } from './fake-ecs-progress.js';
import type { Rollout, RolloutEcs } from './fake-ecs-rollouts.js';

export type EcsMock = AwsClientStub<ECSClient>;

function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

export class FakeEcs implements RolloutEcs {
  readonly services = new Map<string, Service>();
  readonly taskDefinitions = new Map<string, number>();
  readonly stoppedTasks: Task[] = [];
  private readonly progress: ServiceProgress;
  private deploymentSeq = 0;

  constructor(
    readonly mock: EcsMock,
    private readonly calls: string[] = [],
    private readonly clock: Clock = { now: () => T0 },
  ) {
    this.progress = new ServiceProgress(calls, this);
    this.install();
  }

  /** What the next deployments started by CreateService / UpdateService do, in order (default: rollsOut()). */
  get rollouts(): Rollout[] {
    return this.progress.rollouts;
  }

  /** DescribeServices a DRAINING service stays DRAINING once a wait follows it (Infinity: never INACTIVE). */
  set drainingPolls(polls: number) {
    this.progress.drainingPolls = polls;
  }

  /** The deployments the watcher followed, in order. */
  get followed(): readonly FollowedDeployment[] {
    return this.progress.followed;
  }

  now(): number {
    return this.clock.now();
  }

  addStoppedTask(task: Task): void {
    this.stoppedTasks.push(task);
  }

  /** An ACTIVE service `name` whose PRIMARY deployment (COMPLETED) runs `taskDefinition`. */
  seedService(name: string, taskDefinition: string, desiredCount: number, fields: Partial<Service> = {}): Service {
    this.knowTaskDefinition(taskDefinition);
    const svc: Service = {
      serviceArn: `arn:aws:ecs:${REGION_ACCOUNT}:service/${CLUSTER}/${name}`,
      serviceName: name,
      clusterArn: `arn:aws:ecs:${REGION_ACCOUNT}:cluster/${CLUSTER}`,
      status: 'ACTIVE',
      taskDefinition,
      desiredCount,
      runningCount: desiredCount,
      pendingCount: 0,
      launchType: 'FARGATE',
      deployments: [this.newDeployment(taskDefinition, desiredCount, 'COMPLETED')],
      events: [event('ev-old-1', T0 - 60_000, `(service ${name}) has reached a steady state.`)],
      ...fields,
    };
    this.services.set(name, svc);
    return svc;
  }

  knowTaskDefinition(arn: string): void {
    const revision = Number(arn.slice(arn.lastIndexOf(':') + 1));
    this.taskDefinitions.set(arn, revision);
  }

  primary(name: string): Deployment | undefined {
    return this.services.get(name)?.deployments?.find((d) => d.status === 'PRIMARY');
  }

  newDeployment(taskDefinition: string, desiredCount: number, rolloutState: 'IN_PROGRESS' | 'COMPLETED'): Deployment {
    this.deploymentSeq += 1;
    return {
      id: `ecs-svc/${this.deploymentSeq}`,
      status: 'PRIMARY',
      taskDefinition,
      desiredCount,
      runningCount: rolloutState === 'COMPLETED' ? desiredCount : 0,
      pendingCount: 0,
      failedTasks: 0,
      rolloutState,
      createdAt: new Date(this.now()),
      updatedAt: new Date(this.now()),
    };
  }

  startedByEcs(deployment: Deployment): void {
    // Only when the test queued a rollout for it; otherwise ECS's own deployment stays as the rollout left it.
    if (this.progress.rollouts.length > 0) this.progress.deploymentStarted(deployment);
  }

  /** A deployment CreateService / UpdateService started: it rolls out as the next rollout says. */
  private started(taskDefinition: string, desiredCount: number): Deployment {
    const d = this.newDeployment(taskDefinition, desiredCount, 'IN_PROGRESS');
    this.progress.deploymentStarted(d);
    return d;
  }

  private install(): void {
    const m = this.mock;
    m.on(DescribeServicesCommand).callsFake((input: { cluster?: string; services: string[] }) => {
      this.calls.push('ecs:DescribeServices');
      const name = input.services[0] ?? '';
      const svc = this.services.get(name);
      if (svc === undefined) {
        return { services: [], failures: [{ arn: `arn:aws:ecs:${REGION_ACCOUNT}:service/${CLUSTER}/${name}`, reason: 'MISSING' }] };
      }
      this.progress.described(input.cluster ?? 'default', svc, this.abortSignalOfCurrentCall());
      return { services: [structuredClone(svc)], failures: [] };
    });
    m.on(ListTasksCommand).callsFake((input: { serviceName?: string; desiredStatus?: string }) => {
      this.calls.push('ecs:ListTasks');
      const ofService = this.stoppedTasks.filter((t) => t.group === `service:${input.serviceName ?? ''}`);
      return { taskArns: input.desiredStatus === 'STOPPED' ? ofService.map((t) => t.taskArn) : [] };
    });
    m.on(DescribeTasksCommand).callsFake((input: { tasks: string[] }) => {
      this.calls.push('ecs:DescribeTasks');
      const found = input.tasks.flatMap((arn) => this.stoppedTasks.filter((t) => t.taskArn === arn));
      const missing = input.tasks.filter((arn) => !found.some((t) => t.taskArn === arn));
      return { tasks: structuredClone(found), failures: missing.map((arn) => ({ arn, reason: 'MISSING' })) };
    });
    m.on(RegisterTaskDefinitionCommand).callsFake((input: RegisterTaskDefinitionCommandInput) => {
      this.calls.push('ecs:RegisterTaskDefinition');
      const family = input.family ?? '';
      const revisions = [...this.taskDefinitions.keys()].filter((a) => a.includes(`:task-definition/${family}:`));
      const arn = `arn:aws:ecs:${REGION_ACCOUNT}:task-definition/${family}:${revisions.length + 1}`;
      this.knowTaskDefinition(arn);
      return { taskDefinition: { ...input, taskDefinitionArn: arn, revision: revisions.length + 1, status: 'ACTIVE' } };
    });
    m.on(DescribeTaskDefinitionCommand).callsFake((input: { taskDefinition: string }) => {
      this.calls.push('ecs:DescribeTaskDefinition');
      const full = [...this.taskDefinitions.keys()].find((a) => a === input.taskDefinition || a.endsWith(`/${input.taskDefinition}`));
      if (full === undefined) throw awsError('ClientException', 'Unable to describe task definition.');
      return { taskDefinition: { taskDefinitionArn: full, status: 'ACTIVE', revision: this.taskDefinitions.get(full) } };
    });
    m.on(CreateServiceCommand).callsFake((input: CreateServiceCommandInput) => {
      this.calls.push('ecs:CreateService');
      const name = input.serviceName ?? '';
      if (this.services.get(name)?.status === 'ACTIVE') throw awsError('InvalidParameterException', 'Creation of service was not idempotent.');
      const svc: Service = {
        serviceArn: `arn:aws:ecs:${REGION_ACCOUNT}:service/${CLUSTER}/${name}`,
        serviceName: name,
        status: 'ACTIVE',
        taskDefinition: input.taskDefinition,
        desiredCount: input.desiredCount ?? 0,
        runningCount: 0,
        pendingCount: 0,
        deployments: [this.started(input.taskDefinition ?? '', input.desiredCount ?? 0)],
        events: [],
      };
      this.services.set(name, svc);
      this.progress.serviceCreated(name);
      return { service: structuredClone(svc) };
    });
    m.on(UpdateServiceCommand).callsFake((input: UpdateServiceCommandInput) => {
      this.calls.push('ecs:UpdateService');
      const svc = this.services.get(input.service ?? '');
      if (svc?.status !== 'ACTIVE') throw awsError('ServiceNotActiveException', 'Service was not ACTIVE.');
      const taskDefinition = input.taskDefinition ?? svc.taskDefinition ?? '';
      if (input.desiredCount !== undefined) svc.desiredCount = input.desiredCount;
      const old = (svc.deployments ?? []).map((d) => ({ ...d, status: 'ACTIVE' }));
      svc.deployments = [this.started(taskDefinition, svc.desiredCount ?? 0), ...old];
      svc.taskDefinition = taskDefinition;
      return { service: structuredClone(svc) };
    });
    m.on(DeleteServiceCommand).callsFake((input: { service: string; force?: boolean }) => {
      this.calls.push('ecs:DeleteService');
      const svc = this.services.get(input.service);
      if (svc === undefined || svc.status === 'INACTIVE') throw awsError('ServiceNotFoundException', 'Service not found.');
      if (input.force !== true && (svc.desiredCount ?? 0) > 0) {
        throw awsError('InvalidParameterException', 'The service cannot be stopped while it is scaled above 0.');
      }
      svc.status = 'DRAINING';
      return { service: structuredClone(svc) };
    });
  }

  /** The SDK call options (`abortSignal`) of the send being answered: sinon records its arguments before the fake runs. */
  private abortSignalOfCurrentCall(): AbortSignal | undefined {
    const args = this.mock.send.args.at(-1) as unknown[] | undefined;
    return (args?.[1] as { abortSignal?: AbortSignal } | undefined)?.abortSignal;
  }
}

export { tdArn };
