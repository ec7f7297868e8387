/**
 * The world one ecs-rolling fault cell runs in: cluster `demo`, service `web` on revision 1 behind an Application
 * Load Balancer (listener → target group), desired count 3, with a scalable target and a target tracking policy;
 * the deployment (revision 2) lowers the desired count to 2. `observe` reads what the invariant compares (service,
 * auto scaling, listeners and rules) through the real SDK clients.
 */
import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
  PutScalingPolicyCommand,
  RegisterScalableTargetCommand,
} from '@aws-sdk/client-application-auto-scaling';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { eventually, type TestEmulator } from '../helpers/emulator.js';

export const CLUSTER = 'demo';
export const SERVICE = 'web';
export const IMAGE_REPO = 'registry.example.com/shop/web';
const RESOURCE_ID = `service/${CLUSTER}/${SERVICE}`;
const NETWORK = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: 'DISABLED' as const } };
const DEPLOYMENT_CONFIGURATION = {
  minimumHealthyPercent: 100,
  maximumPercent: 200,
  // ECS marks a crashing deployment FAILED and leaves the rollback to the action (R6).
  deploymentCircuitBreaker: { enable: true, rollback: false },
};

export const TASK_DEFINITION_FILE = `family: web
requiresCompatibilities: [FARGATE]
networkMode: awsvpc
cpu: "256"
memory: "512"
containerDefinitions:
  - name: web
    image: <+artifact.image>
    essential: true
    portMappings:
      - containerPort: 8080
`;

export function serviceDefinitionFile(targetGroupArn: string): string {
  return `serviceName: web
desiredCount: 2
launchType: FARGATE
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d]
    securityGroups: [sg-0a1b2c3d]
    assignPublicIp: DISABLED
loadBalancers:
  - targetGroupArn: ${targetGroupArn}
    containerName: web
    containerPort: 8080
deploymentConfiguration:
  minimumHealthyPercent: 100
  maximumPercent: 200
  deploymentCircuitBreaker:
    enable: true
    rollback: false
`;
}

export interface RollingClients {
  ecs: ECSClient;
  elb: ElasticLoadBalancingV2Client;
  aas: ApplicationAutoScalingClient;
  destroy(): void;
}

export function rollingClients(emu: TestEmulator): RollingClients {
  const config = emu.clientConfig({ maxAttempts: 10 });
  const ecs = new ECSClient(config);
  const elb = new ElasticLoadBalancingV2Client(config);
  const aas = new ApplicationAutoScalingClient(config);
  return { ecs, elb, aas, destroy: () => [ecs, elb, aas].forEach((c) => c.destroy()) };
}

/** What the invariant compares, as plain data. */
export interface RollingObservation {
  service: {
    taskDefinition: string | undefined;
    desiredCount: number | undefined;
    runningCount: number | undefined;
    deployments: Array<{ status: string | undefined; rolloutState: string | undefined; taskDefinition: string | undefined }>;
  };
  /** Image of the service's task definition's container. */
  image: string | undefined;
  scalableTargets: Array<{ MinCapacity: number | undefined; MaxCapacity: number | undefined }>;
  scalingPolicies: Array<{ PolicyName: string | undefined; PolicyType: string | undefined; configuration: unknown }>;
  listeners: unknown;
}

export interface RollingWorld {
  v1: string;
  targetGroupArn: string;
  loadBalancerArn: string;
  before: RollingObservation;
  files: Record<string, string>;
}

export async function setupRollingWorld(c: RollingClients): Promise<RollingWorld> {
  await c.ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
  const td = await c.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image: `${IMAGE_REPO}:1`, essential: true, portMappings: [{ containerPort: 8080 }] }],
    }),
  );
  const v1 = td.taskDefinition?.taskDefinitionArn ?? '';
  const tg = await c.elb.send(
    new CreateTargetGroupCommand({
      Name: 'web',
      Protocol: 'HTTP',
      Port: 8080,
      VpcId: 'vpc-0a1b2c3d',
      TargetType: 'ip',
      HealthCheckIntervalSeconds: 5,
      HealthCheckTimeoutSeconds: 2,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 2,
    }),
  );
  const targetGroupArn = tg.TargetGroups?.[0]?.TargetGroupArn ?? '';
  const lb = await c.elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: ['subnet-0a1b2c3d', 'subnet-0e1f2a3b'] }));
  const loadBalancerArn = lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
  await c.elb.send(
    new CreateListenerCommand({
      LoadBalancerArn: loadBalancerArn,
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
    }),
  );
  await c.ecs.send(
    new CreateServiceCommand({
      cluster: CLUSTER,
      serviceName: SERVICE,
      taskDefinition: v1,
      desiredCount: 3,
      launchType: 'FARGATE',
      networkConfiguration: NETWORK,
      loadBalancers: [{ targetGroupArn, containerName: 'web', containerPort: 8080 }],
      deploymentConfiguration: DEPLOYMENT_CONFIGURATION,
    }),
  );
  await settled(c, 60_000);
  await c.aas.send(
    new RegisterScalableTargetCommand({
      ServiceNamespace: 'ecs',
      ResourceId: RESOURCE_ID,
      ScalableDimension: 'ecs:service:DesiredCount',
      MinCapacity: 1,
      MaxCapacity: 6,
    }),
  );
  await c.aas.send(
    new PutScalingPolicyCommand({
      PolicyName: 'web-cpu-60',
      ServiceNamespace: 'ecs',
      ResourceId: RESOURCE_ID,
      ScalableDimension: 'ecs:service:DesiredCount',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: 60,
        PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
        ScaleInCooldown: 120,
        ScaleOutCooldown: 60,
      },
    }),
  );
  const before = await observeRolling(c, loadBalancerArn);
  return {
    v1,
    targetGroupArn,
    loadBalancerArn,
    before,
    files: { 'web-task.yaml': TASK_DEFINITION_FILE, 'web-service.yaml': serviceDefinitionFile(targetGroupArn) },
  };
}

async function describeWeb(c: RollingClients): Promise<Service> {
  const out = await c.ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [SERVICE] }));
  const s = out.services?.[0];
  if (s === undefined) throw new Error(`service ${SERVICE} not found`);
  return s;
}

/**
 * Waits until ECS has finished whatever the action left in motion: one deployment that is no longer IN_PROGRESS
 * (COMPLETED, or FAILED) and as many running tasks as desired, or a FAILED primary. Returns the service.
 */
export function settled(c: RollingClients, timeoutMs: number): Promise<Service> {
  return eventually(
    'service web settled',
    async () => {
      const s = await describeWeb(c);
      const deployments = s.deployments ?? [];
      const primary = deployments.find((d) => d.status === 'PRIMARY');
      if (primary?.rolloutState === 'FAILED') return s;
      return deployments.length === 1 && primary?.rolloutState === 'COMPLETED' && s.runningCount === s.desiredCount ? s : undefined;
    },
    timeoutMs,
    200,
  );
}

export async function observeRolling(c: RollingClients, loadBalancerArn: string, service?: Service): Promise<RollingObservation> {
  const s = service ?? (await describeWeb(c));
  const td = s.taskDefinition
    ? (await c.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: s.taskDefinition }))).taskDefinition
    : undefined;
  const targets = await c.aas.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [RESOURCE_ID] }));
  const policies = await c.aas.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'ecs', ResourceId: RESOURCE_ID }));
  const listeners = await c.elb.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancerArn }));
  const rules = await Promise.all(
    (listeners.Listeners ?? []).map(async (l) => ({
      ListenerArn: l.ListenerArn,
      Port: l.Port,
      DefaultActions: l.DefaultActions,
      Rules: (await c.elb.send(new DescribeRulesCommand({ ListenerArn: l.ListenerArn }))).Rules,
    })),
  );
  return {
    service: {
      taskDefinition: s.taskDefinition,
      desiredCount: s.desiredCount,
      runningCount: s.runningCount,
      deployments: (s.deployments ?? []).map((d) => ({ status: d.status, rolloutState: d.rolloutState, taskDefinition: d.taskDefinition })),
    },
    image: td?.containerDefinitions?.[0]?.image,
    scalableTargets: (targets.ScalableTargets ?? []).map((t) => ({ MinCapacity: t.MinCapacity, MaxCapacity: t.MaxCapacity })),
    scalingPolicies: (policies.ScalingPolicies ?? []).map((p) => ({
      PolicyName: p.PolicyName,
      PolicyType: p.PolicyType,
      configuration: p.TargetTrackingScalingPolicyConfiguration ?? p.StepScalingPolicyConfiguration,
    })),
    listeners: JSON.parse(JSON.stringify(rules)) as unknown,
  };
}
