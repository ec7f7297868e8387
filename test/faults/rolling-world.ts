/**
 * The world one ecs-rolling fault cell runs in: cluster `demo`, service `web` on revision 1 behind an Application
 * Load Balancer (listener → target group), desired count 3, with a scalable target and a target tracking policy;
 * the deployment (revision 2) lowers the desired count to 2 (rolling-observe.ts reads back what the invariant
 * compares).
 */
import { PutScalingPolicyCommand, RegisterScalableTargetCommand } from '@aws-sdk/client-application-auto-scaling';
import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import { CreateListenerCommand, CreateLoadBalancerCommand, CreateTargetGroupCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  CLUSTER,
  IMAGE_REPO,
  RESOURCE_ID,
  SERVICE,
  observeRolling,
  settled,
  type RollingClients,
  type RollingObservation,
} from './rolling-observe.js';

export { CLUSTER, IMAGE_REPO, SERVICE, rollingClients, type RollingClients } from './rolling-observe.js';

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
