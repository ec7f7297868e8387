/**
 * The manifests the benchmarks deploy, borrowed from the demo (Fargate, awsvpc, circuit breaker with rollback,
 * auto scaling), renamed per service so concurrent runs stay apart, and the SDK setup of a pre-existing service.
 */
import { CreateClusterCommand, CreateServiceCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { CreateServiceCommandInput, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  ModifyTargetGroupAttributesCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { parse } from 'yaml';
import { demoFiles } from '../../scripts/lib/demo-manifests.js';
import { makeWorkspace } from '../../test/helpers/run-action.js';
import { REGION, type BenchEmulator } from './emulator.js';

export const CLUSTER = 'bench';
export const IMAGE_REPO = 'registry.example/web';

/** The demo's service is behind its load balancer; the benchmarks add one only where they say so (createTargetGroup). */
const NO_TARGET_GROUP = 'none';
const demo = (name: string): string => {
  const text = demoFiles(NO_TARGET_GROUP)[name];
  if (text === undefined) throw new Error(`demo manifest ${name} is missing`);
  return text;
};

/** Task definition YAML of family `family` (image from the `image` input through <+artifact.image>). */
export function taskDefinitionYaml(family: string): string {
  return demo('web-task.yaml').replace(/^family: web$/m, `family: ${family}`).replace('/ecs/web', `/ecs/${family}`);
}

/** The demo's service definition; without `targetGroupArn`, not behind a load balancer (as the first benchmarks ran). */
export function serviceDefinitionYaml(service: string, desiredCount: number, targetGroupArn?: string): string {
  const yaml = demo('web-service.yaml')
    .replace(/^serviceName: web$/m, `serviceName: ${service}`)
    .replace(/^desiredCount: \d+$/m, `desiredCount: ${desiredCount}`);
  if (targetGroupArn !== undefined) return yaml.replace(`targetGroupArn: ${NO_TARGET_GROUP}`, `targetGroupArn: ${targetGroupArn}`);
  return yaml.replace(/^loadBalancers:\n(?: {2}.*\n)+/m, '').replace(/^healthCheckGracePeriodSeconds: \d+\n/m, '');
}

export interface ServiceFiles {
  taskDefinition: string;
  serviceDefinition: string;
  scalableTargets: string;
  scalingPolicies: string;
}

/** Writes one service's manifests into `files` (named after the service) and returns their names. */
export function addServiceFiles(files: Record<string, string>, service: string, desiredCount: number, targetGroupArn?: string): ServiceFiles {
  const names: ServiceFiles = {
    taskDefinition: `${service}-task.yaml`,
    serviceDefinition: `${service}-service.yaml`,
    scalableTargets: `${service}-scalable-target.yaml`,
    scalingPolicies: `${service}-scaling-policy.yaml`,
  };
  files[names.taskDefinition] = taskDefinitionYaml(service);
  files[names.serviceDefinition] = serviceDefinitionYaml(service, desiredCount, targetGroupArn);
  files[names.scalableTargets] = demo('web-scalable-target.yaml').replace('MinCapacity: 2', `MinCapacity: ${desiredCount}`);
  files[names.scalingPolicies] = demo('web-scaling-policy.yaml');
  return names;
}

/** A workspace holding the manifests of each named service. */
export function serviceWorkspace(
  services: readonly string[],
  desiredCount: number,
  targetGroupOf: (service: string) => string | undefined = () => undefined,
): { dir: string; files: Map<string, ServiceFiles> } {
  const files: Record<string, string> = {};
  const names = new Map<string, ServiceFiles>();
  for (const s of services) names.set(s, addServiceFiles(files, s, desiredCount, targetGroupOf(s)));
  return { dir: makeWorkspace(files), files: names };
}

/** The ecs-rolling inputs of a normal deployment of `service` with `image`. */
export function rollingInputs(files: ServiceFiles, image: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    cluster: CLUSTER,
    'task-definition': files.taskDefinition,
    'service-definition': files.serviceDefinition,
    'scalable-targets': files.scalableTargets,
    'scaling-policies': files.scalingPolicies,
    image,
    'timeout-minutes': '10',
    ...extra,
  };
}

export async function ensureCluster(emu: BenchEmulator): Promise<void> {
  await emu.ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
}

/** The ECS setup a deployment updates: cluster, a first task definition revision and an ACTIVE service on it. */
export async function createServiceDirectly(
  emu: BenchEmulator,
  service: string,
  desiredCount: number,
  image: string,
  targetGroupArn?: string,
): Promise<void> {
  await ensureCluster(emu);
  const td = parse(taskDefinitionYaml(service).replace('<+artifact.image>', image)) as RegisterTaskDefinitionCommandInput;
  const registered = await emu.ecs.send(new RegisterTaskDefinitionCommand(td));
  const def = parse(serviceDefinitionYaml(service, desiredCount, targetGroupArn)) as CreateServiceCommandInput;
  const taskDefinition = registered.taskDefinition?.taskDefinitionArn;
  if (taskDefinition === undefined) throw new Error('RegisterTaskDefinition returned no ARN');
  await emu.ecs.send(new CreateServiceCommand({ ...def, cluster: CLUSTER, taskDefinition }));
}

/**
 * An internet-facing load balancer with a listener forwarding to a new ip target group for the demo's container
 * port: health checks every 5 s, 2 to be healthy, and the given deregistration delay. Returns the target group ARN.
 */
export async function createTargetGroup(emu: BenchEmulator, name: string, deregistrationDelaySeconds: number): Promise<string> {
  const elb = new ElasticLoadBalancingV2Client({ endpoint: emu.url, region: REGION, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'bench' } });
  try {
    const tg = await elb.send(
      new CreateTargetGroupCommand({ Name: name, Protocol: 'HTTP', Port: 8080, VpcId: 'vpc-bench', TargetType: 'ip', HealthCheckIntervalSeconds: 5, HealthCheckTimeoutSeconds: 2, HealthyThresholdCount: 2 }),
    );
    const arn = tg.TargetGroups?.[0]?.TargetGroupArn;
    if (arn === undefined) throw new Error('CreateTargetGroup returned no ARN');
    const delay = [{ Key: 'deregistration_delay.timeout_seconds', Value: String(deregistrationDelaySeconds) }];
    await elb.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: arn, Attributes: delay }));
    const lb = await elb.send(new CreateLoadBalancerCommand({ Name: name, Subnets: ['subnet-0a1b2c3d', 'subnet-0e1f2a3b'] }));
    const lbArn = lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
    await elb.send(new CreateListenerCommand({ LoadBalancerArn: lbArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: arn }] }));
    return arn;
  } finally {
    elb.destroy();
  }
}

/** Load balancer `name` with one listener per port, each forwarding to its own new ip target group (`name-<port>`). */
export async function createLoadBalancer(emu: BenchEmulator, name: string, ports: readonly number[]): Promise<void> {
  const elb = new ElasticLoadBalancingV2Client({ endpoint: emu.url, region: REGION, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'bench' } });
  try {
    const lb = await elb.send(new CreateLoadBalancerCommand({ Name: name, Subnets: ['subnet-0a1b2c3d', 'subnet-0e1f2a3b'] }));
    const lbArn = lb.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
    for (const port of ports) {
      const tg = await elb.send(new CreateTargetGroupCommand({ Name: `${name}-${port}`, Protocol: 'HTTP', Port: 8080, VpcId: 'vpc-bench', TargetType: 'ip' }));
      const arn = tg.TargetGroups?.[0]?.TargetGroupArn ?? '';
      await elb.send(new CreateListenerCommand({ LoadBalancerArn: lbArn, Protocol: 'HTTP', Port: port, DefaultActions: [{ Type: 'forward', TargetGroupArn: arn }] }));
    }
  } finally {
    elb.destroy();
  }
}
