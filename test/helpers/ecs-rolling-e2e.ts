/**
 * Shared setting for the ecs-rolling end-to-end tests: manifests as a user writes them, the bundle run against an
 * emulator, and reads of what a user would check in AWS afterwards (through the real SDK).
 */
import {
  ApplicationAutoScalingClient,
  DescribeScalableTargetsCommand,
  DescribeScalingPoliciesCommand,
} from '@aws-sdk/client-application-auto-scaling';
import { DescribeServicesCommand, ECSClient, type Service } from '@aws-sdk/client-ecs';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { startTestEmulator, type EmulatorCall, type TestEmulator } from './emulator.js';
import { makeWorkspace, runAction, type ActionRun } from './run-action.js';

/** A Fargate task definition in YAML whose image is the `<+artifact.image>` placeholder (S2). */
export const TASK_DEFINITION_YAML = `# task definition for the web service
family: web
networkMode: awsvpc
requiresCompatibilities:
  - FARGATE
cpu: "256"
memory: "512"
containerDefinitions:
  - name: web
    image: <+artifact.image>
    essential: true
    portMappings:
      - containerPort: 8080
    environment:
      - name: LOG_LEVEL
        value: info
`;

export function taskDefinitionJson(image: string, family = 'web'): string {
  return JSON.stringify(
    {
      family,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image, essential: true, portMappings: [{ containerPort: 8080 }] }],
    },
    null,
    2,
  );
}

/** A CreateService input in JSON: 2 tasks, circuit breaker with rollback (as ECS users set it). */
export function serviceDefinitionJson(fields: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      serviceName: 'web',
      launchType: 'FARGATE',
      desiredCount: 2,
      networkConfiguration: {
        awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: 'DISABLED' },
      },
      deploymentConfiguration: {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: { enable: true, rollback: true },
      },
      ...fields,
    },
    null,
    2,
  );
}

export const SERVICE_DEFINITION_YAML = `serviceName: web
launchType: FARGATE
desiredCount: 2
networkConfiguration:
  awsvpcConfiguration:
    subnets:
      - subnet-0a1b2c3d
    securityGroups:
      - sg-0a1b2c3d
    assignPublicIp: DISABLED
deploymentConfiguration:
  maximumPercent: 200
  minimumHealthyPercent: 100
`;

/** Harness-style auto scaling manifests (lower-case member names; the action fills in the resource). */
export const SCALABLE_TARGET_YAML = `serviceNamespace: ecs
scalableDimension: ecs:service:DesiredCount
minCapacity: 2
maxCapacity: 6
`;

export function scalingPolicyYaml(name: string, target = 60): string {
  return `serviceNamespace: ecs
scalableDimension: ecs:service:DesiredCount
policyName: ${name}
policyType: TargetTrackingScaling
targetTrackingScalingPolicyConfiguration:
  targetValue: ${target}
  predefinedMetricSpecification:
    predefinedMetricType: ECSServiceAverageCPUUtilization
`;
}

/** The usual workspace: every manifest above. */
export function standardWorkspace(extra: Record<string, string> = {}): string {
  return makeWorkspace({
    'taskdef.yaml': TASK_DEFINITION_YAML,
    'service.json': serviceDefinitionJson(),
    'service.yaml': SERVICE_DEFINITION_YAML,
    'scalable-target.yaml': SCALABLE_TARGET_YAML,
    'scaling-policy.yaml': scalingPolicyYaml('cpu60'),
    ...extra,
  });
}

export interface RollingE2e {
  emu: TestEmulator;
  ecs: ECSClient;
  autoscaling: ApplicationAutoScalingClient;
  stop(): Promise<void>;
}

/** Emulator tuned for end-to-end runs: by default tasks start in 1 s of simulated time, 50 times faster than real time. */
export async function startRollingE2e(timing: { taskStartMs: number; speed: number } = { taskStartMs: 1000, speed: 50 }): Promise<RollingE2e> {
  const emu = await startTestEmulator(timing);
  const ecs = new ECSClient(emu.clientConfig());
  const autoscaling = new ApplicationAutoScalingClient(emu.clientConfig());
  return {
    emu,
    ecs,
    autoscaling,
    stop: async () => {
      ecs.destroy();
      autoscaling.destroy();
      await emu.stop();
    },
  };
}

export interface RunRollingOptions {
  workspace?: string;
  env?: Record<string, string | undefined>;
  onStart?: (child: ChildProcess, output: { text(): string }) => void;
}

export function runRolling(
  emu: TestEmulator,
  inputs: Record<string, string | number | boolean | undefined>,
  options: RunRollingOptions = {},
): Promise<ActionRun> {
  return runAction('ecs-rolling', {
    inputs,
    env: { ...emu.env(), ...options.env },
    workspace: options.workspace ?? standardWorkspace(),
    timeoutMs: 90_000,
    ...(options.onStart !== undefined ? { onStart: options.onStart } : {}),
  });
}

/** Read-only AWS operations (Describe*, List*, Get*); everything else changes something. */
export function isMutating(call: EmulatorCall): boolean {
  return !/^(Describe|List|Get)/.test(call.operation);
}

/**
 * The mutating calls made after `since` (a Date.now() taken once the test's own setup calls returned). A setup call
 * can be logged in that very millisecond, so calls are taken from the next one: the action's process starts far later.
 */
export async function mutatingCalls(emu: TestEmulator, since: number): Promise<string[]> {
  return (await emu.control.calls(since + 1)).filter(isMutating).map((c) => `${c.service}:${c.operation}`);
}

export async function describeWeb(ecs: ECSClient, name = 'web'): Promise<Service | undefined> {
  const out = await ecs.send(new DescribeServicesCommand({ services: [name] }));
  return out.services?.[0];
}

export interface AutoScalingState {
  targets: { min?: number | undefined; max?: number | undefined }[];
  policies: string[];
}

export async function autoScalingOf(aas: ApplicationAutoScalingClient, name = 'web'): Promise<AutoScalingState> {
  const resource = `service/default/${name}`;
  const targets = await aas.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [resource] }));
  const policies = await aas.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'ecs', ResourceId: resource }));
  return {
    targets: (targets.ScalableTargets ?? []).map((t) => ({ min: t.MinCapacity, max: t.MaxCapacity })),
    policies: (policies.ScalingPolicies ?? []).map((p) => p.PolicyName ?? '').sort(),
  };
}

/** The revision (`web:3`) of a task definition ARN. */
export function revisionOf(arn: string | undefined): string {
  return (arn ?? '').slice((arn ?? '').lastIndexOf('/') + 1);
}

/** Standard inputs of a deployment of `image` from the workspace's manifests. */
export function deployInputs(image: string, extra: Record<string, string | number | boolean | undefined> = {}) {
  return {
    'task-definition': 'taskdef.yaml',
    'service-definition': 'service.json',
    image,
    ...extra,
  };
}

/**
 * The usual hooks of an ecs-rolling e2e file: one emulator for the file, reset before each test, stopped after.
 * Returns the running setting (valid inside tests).
 */
export function rollingE2eSuite(timing?: { taskStartMs: number; speed: number }): () => RollingE2e {
  let e: RollingE2e | undefined;
  beforeAll(async () => {
    e = await startRollingE2e(timing);
  });
  afterAll(async () => e?.stop());
  beforeEach(async () => {
    await e?.emu.control.clearFaults();
    await e?.emu.control.reset();
  });
  return () => {
    if (e === undefined) throw new Error('the e2e emulator is not running (use it inside a test)');
    return e;
  };
}

/** The `::error::` annotation the runner shows for the failed step (newlines escaped as %0A). */
export function failureAnnotation(stdout: string): string {
  const line = stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
  return line.slice('::error::'.length).replace(/%0A/g, '\n');
}

/** The parameters of the last UpdateService the emulator received since `since`. */
export async function lastUpdateService(emu: TestEmulator, since: number): Promise<Record<string, unknown> | undefined> {
  return (await emu.control.calls(since)).filter((c) => c.operation === 'UpdateService').at(-1)?.parameters;
}
