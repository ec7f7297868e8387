/**
 * Shared setting for the rolling deployment's unit tests: fake ECS (the real service watcher follows its deployments),
 * Application Auto Scaling, time and log.
 */
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import type { PutScalingPolicyCommandInput, RegisterScalableTargetCommandInput } from '@aws-sdk/client-application-auto-scaling';
import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { CreateServiceCommandInput, RegisterTaskDefinitionCommandInput, UpdateServiceCommandInput } from '@aws-sdk/client-ecs';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import type { RollingDeps, RollingPlan } from '../../src/core/deploy/index.js';
import { Deadline } from '../../src/core/time.js';
import { T0 } from './ecs-watch-fixtures.js';
import { FakeAutoScaling } from './fake-autoscaling.js';
import { FakeEcs } from './fake-ecs-service.js';
import { FakeTime, RecordingLogger } from './fakes.js';

export const RESOURCE = 'service/demo/web';
export const DIM = 'ecs:service:DesiredCount';

export const TASK_DEFINITION: RegisterTaskDefinitionCommandInput = {
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'app', image: 'nginx:1.27', essential: true, portMappings: [{ containerPort: 80 }] }],
};

export const SERVICE_DEFINITION: CreateServiceCommandInput = {
  serviceName: 'web',
  desiredCount: 2,
  launchType: 'FARGATE',
  schedulingStrategy: 'REPLICA',
  role: 'arn:aws:iam::123456789012:role/ecsServiceRole',
  tags: [{ key: 'team', value: 'web' }],
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-b'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' } },
  deploymentConfiguration: {
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    deploymentCircuitBreaker: { enable: true, rollback: true },
  },
  enableExecuteCommand: true,
};

export function scalableTarget(fields: Partial<RegisterScalableTargetCommandInput> = {}): RegisterScalableTargetCommandInput {
  return { ServiceNamespace: 'ecs', ResourceId: RESOURCE, ScalableDimension: DIM, MinCapacity: 1, MaxCapacity: 4, ...fields };
}

export function cpuPolicy(name: string, target = 50): PutScalingPolicyCommandInput {
  return {
    PolicyName: name,
    ServiceNamespace: 'ecs',
    ResourceId: RESOURCE,
    ScalableDimension: DIM,
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: target,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
    },
  };
}

export interface RollingWorld {
  calls: string[];
  ecs: FakeEcs;
  aas: FakeAutoScaling;
  time: FakeTime;
  log: RecordingLogger;
  deps(extra?: Partial<RollingDeps>): RollingDeps;
  plan(extra?: Partial<RollingPlan>): RollingPlan;
  /** The calls that change something (reads left out), in order. */
  mutations(): string[];
  /** The UpdateService inputs sent, in order. */
  updateInputs(): UpdateServiceCommandInput[];
}

const READS = /:(Describe|List)/;

export function rollingWorld(ecsMock: AwsClientStub<ECSClient>, aasMock: AwsClientStub<ApplicationAutoScalingClient>): RollingWorld {
  ecsMock.reset();
  aasMock.reset();
  const calls: string[] = [];
  const time = new FakeTime(T0);
  const ecs = new FakeEcs(ecsMock, calls, time.clock);
  const aas = new FakeAutoScaling(aasMock, calls);
  const log = new RecordingLogger();
  return {
    calls,
    ecs,
    aas,
    time,
    log,
    deps: (extra = {}) => ({
      ecs: new ECSClient({ region: 'us-east-1' }),
      autoscaling: new ApplicationAutoScalingClient({ region: 'us-east-1' }),
      clock: time.clock,
      sleep: time.sleep,
      log,
      ...extra,
    }),
    plan: (extra = {}) => ({
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: { kind: 'file', path: 'task-definition.json', definition: TASK_DEFINITION },
      suspendAutoScalingDuringUpdate: true,
      serviceDefinition: SERVICE_DEFINITION,
      sameAsRunning: false,
      forceNewDeployment: false,
      scalableTargets: [],
      scalingPolicies: [],
      waitForSteadyState: true,
      rollbackOnFailure: true,
      deadline: new Deadline(time.clock, 30 * 60_000),
      ...extra,
    }),
    mutations: () => calls.filter((c) => !READS.test(c)),
    updateInputs: () => ecsMock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input),
  };
}
