/**
 * A small stateful ECS (services and task definitions) behind aws-sdk-client-mock, for the rolling deployment's
 * unit tests, shaped as the ECS API reference documents: CreateService/UpdateService answer with the service whose
 * new deployment is PRIMARY (older ones become ACTIVE); DeleteService leaves the service DRAINING; DescribeServices
 * reports an unknown service as a MISSING failure; DescribeTaskDefinition of an unknown one is a ClientException.
 * Plus a fake of the wait functions (watch.ts) that the tests steer.
 */
import type {
  ECSClient} from '@aws-sdk/client-ecs';
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type CreateServiceCommandInput,
  type Deployment,
  type RegisterTaskDefinitionCommandInput,
  type Service,
  type UpdateServiceCommandInput,
} from '@aws-sdk/client-ecs';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import type { WatchFunctions } from '../../src/core/deploy/rollout.js';
import type { InactiveRequest, WatchDeps, WatchRequest, WatchResult } from '../../src/core/deploy/watch/index.js';
import { CLUSTER, REGION_ACCOUNT, T0, event, tdArn } from './ecs-watch-fixtures.js';

export type EcsMock = AwsClientStub<ECSClient>;

function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

export class FakeEcs {
  readonly services = new Map<string, Service>();
  readonly taskDefinitions = new Map<string, number>();
  private deploymentSeq = 0;

  constructor(
    readonly mock: EcsMock,
    private readonly calls: string[] = [],
  ) {
    this.install();
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
      deployments: [this.deployment(taskDefinition, desiredCount, 'COMPLETED')],
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

  private deployment(taskDefinition: string, desiredCount: number, rolloutState: 'IN_PROGRESS' | 'COMPLETED'): Deployment {
    this.deploymentSeq += 1;
    return {
      id: `ecs-svc/${String(this.deploymentSeq).padStart(19, '0')}`,
      status: 'PRIMARY',
      taskDefinition,
      desiredCount,
      runningCount: rolloutState === 'COMPLETED' ? desiredCount : 0,
      pendingCount: 0,
      failedTasks: 0,
      rolloutState,
      createdAt: new Date(T0),
      updatedAt: new Date(T0),
    };
  }

  private install(): void {
    const m = this.mock;
    m.on(DescribeServicesCommand).callsFake((input: { services: string[] }) => {
      this.calls.push('ecs:DescribeServices');
      const name = input.services[0] ?? '';
      const svc = this.services.get(name);
      if (svc === undefined) {
        return { services: [], failures: [{ arn: `arn:aws:ecs:${REGION_ACCOUNT}:service/${CLUSTER}/${name}`, reason: 'MISSING' }] };
      }
      return { services: [structuredClone(svc)], failures: [] };
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
        deployments: [this.deployment(input.taskDefinition ?? '', input.desiredCount ?? 0, 'IN_PROGRESS')],
        events: [],
      };
      this.services.set(name, svc);
      return { service: structuredClone(svc) };
    });
    m.on(UpdateServiceCommand).callsFake((input: UpdateServiceCommandInput) => {
      this.calls.push('ecs:UpdateService');
      const svc = this.services.get(input.service ?? '');
      if (svc?.status !== 'ACTIVE') throw awsError('ServiceNotActiveException', 'Service was not ACTIVE.');
      const taskDefinition = input.taskDefinition ?? svc.taskDefinition ?? '';
      if (input.desiredCount !== undefined) svc.desiredCount = input.desiredCount;
      const old = (svc.deployments ?? []).map((d) => ({ ...d, status: 'ACTIVE' }));
      svc.deployments = [this.deployment(taskDefinition, svc.desiredCount ?? 0, 'IN_PROGRESS'), ...old];
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
}

export type DeploymentScript = (req: WatchRequest) => WatchResult | Promise<WatchResult>;

/** The wait functions, steered by the test: each waitForDeployment takes the next script (default: success). */
export class FakeWatch implements WatchFunctions {
  readonly deploymentRequests: WatchRequest[] = [];
  readonly inactiveRequests: InactiveRequest[] = [];
  readonly scripts: DeploymentScript[] = [];
  inactiveScript: ((req: InactiveRequest) => WatchResult | Promise<WatchResult>) | undefined;

  constructor(
    private readonly ecs: FakeEcs,
    private readonly calls: string[] = [],
  ) {}

  readonly waitForDeployment = async (_deps: WatchDeps, req: WatchRequest): Promise<WatchResult> => {
    this.calls.push(`watch:waitForDeployment ${req.deploymentId}`);
    this.deploymentRequests.push(req);
    const script = this.scripts.shift();
    return script !== undefined ? script(req) : this.succeed(req);
  };

  readonly waitForServiceInactive = async (_deps: WatchDeps, req: InactiveRequest): Promise<WatchResult> => {
    this.calls.push(`watch:waitForServiceInactive ${req.service}`);
    this.inactiveRequests.push(req);
    if (this.inactiveScript !== undefined) return this.inactiveScript(req);
    const svc = this.ecs.services.get(req.service);
    if (svc !== undefined) svc.status = 'INACTIVE';
    return { ok: true, service: svc ?? { serviceName: req.service, status: 'INACTIVE' }, deployment: {}, durationMs: 1000 };
  };

  /** What the real wait does on success: the deployment rolled out (COMPLETED, running = desired). */
  succeed(req: WatchRequest): WatchResult {
    const svc = this.ecs.services.get(req.service);
    const d = svc?.deployments?.find((x) => x.id === req.deploymentId);
    if (svc === undefined || d === undefined) throw new Error(`fake watch: no deployment ${req.deploymentId} on ${req.service}`);
    d.rolloutState = 'COMPLETED';
    d.runningCount = d.desiredCount ?? 0;
    svc.deployments = [d];
    svc.runningCount = d.runningCount;
    return { ok: true, service: structuredClone(svc), deployment: d, durationMs: 30_000 };
  }
}

export function failed(reason: 'failed' | 'circuit-breaker' | 'timeout' | 'replaced', message: string): DeploymentScript {
  return () => ({ ok: false, reason, message, stoppedTasks: [] });
}

export { tdArn };
