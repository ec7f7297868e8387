/**
 * ECS's service deployments of a BLUE_GREEN, LINEAR or CANARY service behind aws-sdk-client-mock, beside FakeEcs
 * (fake-ecs-service.ts), shaped as the API reference documents ListServiceDeployments (ServiceDeploymentBrief with
 * targetServiceRevisionArn), DescribeServiceDeployments (ServiceDeployment: status, lifecycleStage,
 * targetServiceRevision / sourceServiceRevisions as ServiceRevisionSummary, lifecycleHookDetails, rollback),
 * DescribeServiceRevisions (taskDefinition), ContinueServiceDeployment and StopServiceDeployment.
 *
 * The deployment appears once the test's UpdateService (or CreateService) was sent, and each DescribeServiceDeployments
 * answers the next state of a script (the last one repeats). ContinueServiceDeployment and StopServiceDeployment switch
 * to the script the test gave for them.
 */
import {
  ContinueServiceDeploymentCommand,
  CreateServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  ListServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import type { EcsMock } from './fake-ecs-service.js';

export const SD_ARN = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/demo/web/AbCdEfGhIjKlMnOpQrStU';
export const TARGET_REV = 'arn:aws:ecs:us-east-1:123456789012:service-revision/demo/web/2000000000000000002';
export const SOURCE_REV = 'arn:aws:ecs:us-east-1:123456789012:service-revision/demo/web/1000000000000000001';

export interface NativeScript {
  /** The states DescribeServiceDeployments answers in turn (the last repeats). */
  states: Partial<ServiceDeployment>[];
  /** After StopServiceDeployment. */
  afterStop?: Partial<ServiceDeployment>[];
  /** After ContinueServiceDeployment with CONTINUE / ROLLBACK. */
  afterContinue?: Partial<ServiceDeployment>[];
  afterRollback?: Partial<ServiceDeployment>[];
  /** A deployment that exists before the test's change (mode continue / rollback). */
  existing?: boolean;
  /** The task definitions of the target and source revisions (default: the updated one, and `sourceTaskDefinition`). */
  targetTaskDefinition?: string;
  sourceTaskDefinition: string;
}

export class FakeNativeDeployments {
  readonly calls: string[] = [];
  private script: Partial<ServiceDeployment>[];
  private step = 0;

  constructor(
    private readonly mock: EcsMock,
    private readonly s: NativeScript,
  ) {
    this.script = s.states;
    this.install();
  }

  /** The ServiceDeployment a state stands for: the fields every answer has, then the state's. */
  deployment(state: Partial<ServiceDeployment>): ServiceDeployment {
    return {
      serviceDeploymentArn: SD_ARN,
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/demo/web',
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo',
      createdAt: new Date(Date.UTC(2024, 4, 1, 12, 0, 1)),
      targetServiceRevision: { arn: TARGET_REV, requestedTaskCount: 2, runningTaskCount: 0, pendingTaskCount: 0 },
      sourceServiceRevisions: [{ arn: SOURCE_REV, requestedTaskCount: 2, runningTaskCount: 2, pendingTaskCount: 0 }],
      deploymentConfiguration: { strategy: 'BLUE_GREEN' },
      ...state,
    };
  }

  private current(): ServiceDeployment {
    const state = this.script[Math.min(this.step, this.script.length - 1)] ?? {};
    return this.deployment(state);
  }

  private started(): boolean {
    return this.s.existing === true || this.mock.commandCalls(UpdateServiceCommand).length + this.mock.commandCalls(CreateServiceCommand).length > 0;
  }

  private targetTaskDefinition(): string | undefined {
    if (this.s.targetTaskDefinition !== undefined) return this.s.targetTaskDefinition;
    const update = this.mock.commandCalls(UpdateServiceCommand).at(-1)?.args[0].input.taskDefinition;
    return update ?? this.mock.commandCalls(CreateServiceCommand).at(-1)?.args[0].input.taskDefinition;
  }

  private switchTo(script: Partial<ServiceDeployment>[] | undefined): void {
    if (script === undefined) return;
    this.script = script;
    this.step = 0;
  }

  private install(): void {
    const m = this.mock;
    m.on(ListServiceDeploymentsCommand).callsFake((input: { status?: string[] }) => {
      this.calls.push('ListServiceDeployments');
      const sd = this.current();
      if (!this.started() || (input.status !== undefined && !input.status.includes(sd.status ?? ''))) return { serviceDeployments: [] };
      return {
        serviceDeployments: [
          { serviceDeploymentArn: SD_ARN, createdAt: sd.createdAt, status: sd.status, targetServiceRevisionArn: TARGET_REV },
        ],
      };
    });
    m.on(DescribeServiceDeploymentsCommand).callsFake((input: { serviceDeploymentArns: string[] }) => {
      this.calls.push('DescribeServiceDeployments');
      if (!input.serviceDeploymentArns.includes(SD_ARN) || !this.started()) return { serviceDeployments: [], failures: [] };
      const sd = this.current();
      this.step += 1;
      return { serviceDeployments: [sd], failures: [] };
    });
    m.on(DescribeServiceRevisionsCommand).callsFake((input: { serviceRevisionArns: string[] }) => {
      this.calls.push('DescribeServiceRevisions');
      const td = (arn: string): string | undefined => (arn === TARGET_REV ? this.targetTaskDefinition() : this.s.sourceTaskDefinition);
      return { serviceRevisions: input.serviceRevisionArns.map((arn) => ({ serviceRevisionArn: arn, taskDefinition: td(arn) })), failures: [] };
    });
    m.on(ContinueServiceDeploymentCommand).callsFake((input: { action?: string }) => {
      this.calls.push(`ContinueServiceDeployment ${input.action ?? 'CONTINUE'}`);
      this.switchTo(input.action === 'ROLLBACK' ? this.s.afterRollback : this.s.afterContinue);
      return { serviceDeploymentArn: SD_ARN };
    });
    m.on(StopServiceDeploymentCommand).callsFake((input: { stopType?: string }) => {
      this.calls.push(`StopServiceDeployment ${input.stopType ?? ''}`);
      this.switchTo(this.s.afterStop);
      return { serviceDeploymentArn: SD_ARN };
    });
  }
}

/** A state of the target revision: counts and weights as DescribeServiceDeployments reports them. */
export function target(running: number, production?: number, test?: number): ServiceDeployment['targetServiceRevision'] {
  return {
    arn: TARGET_REV,
    requestedTaskCount: 2,
    runningTaskCount: running,
    pendingTaskCount: 2 - running,
    ...(production !== undefined ? { requestedProductionTrafficWeight: production } : {}),
    ...(test !== undefined ? { requestedTestTrafficWeight: test } : {}),
  };
}
