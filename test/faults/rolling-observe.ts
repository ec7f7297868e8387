/**
 * The names and SDK clients of the ecs-rolling fault cells, and reading back what a cell's invariant compares: the
 * service (once ECS has finished what the action left in motion), its image, auto scaling, listeners and rules.
 */
import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
} from '@aws-sdk/client-application-auto-scaling';
import { DescribeServicesCommand, DescribeTaskDefinitionCommand, ECSClient, type Service } from '@aws-sdk/client-ecs';
import {
  DescribeListenersCommand,
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { eventually, type TestEmulator } from '../helpers/emulator.js';

export const CLUSTER = 'demo';
export const SERVICE = 'web';
export const IMAGE_REPO = 'registry.example.com/shop/web';
export const RESOURCE_ID = `service/${CLUSTER}/${SERVICE}`;

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
  scalableTargets: Array<{ MinCapacity: number | undefined; MaxCapacity: number | undefined; SuspendedState: unknown }>;
  scalingPolicies: Array<{ PolicyName: string | undefined; PolicyType: string | undefined; configuration: unknown }>;
  listeners: unknown;
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
    // SuspendedState too (issue 11): a run suspends the auto scaling for its rollout and must never leave it so.
    scalableTargets: (targets.ScalableTargets ?? []).map((t) => ({ MinCapacity: t.MinCapacity, MaxCapacity: t.MaxCapacity, SuspendedState: t.SuspendedState })),
    scalingPolicies: (policies.ScalingPolicies ?? []).map((p) => ({
      PolicyName: p.PolicyName,
      PolicyType: p.PolicyType,
      configuration: p.TargetTrackingScalingPolicyConfiguration ?? p.StepScalingPolicyConfiguration,
    })),
    listeners: JSON.parse(JSON.stringify(rules)) as unknown,
  };
}
