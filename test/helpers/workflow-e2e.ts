/**
 * Shared setting for the workflow end-to-end tests: the example workflows run by the workflow harness against the
 * emulator (each step of ours a process of its committed bundle), a repository checkout with the manifests they
 * name, a fake GitHub API for `github-token`, and reads of the final state through the SDK.
 */
import { DescribeScalableTargetsCommand, DescribeScalingPoliciesCommand } from '@aws-sdk/client-application-auto-scaling';
import { CreateClusterCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand, type ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SCALABLE_TARGET_YAML, scalingPolicyYaml, serviceDefinitionJson, startRollingE2e, TASK_DEFINITION_YAML, type RollingE2e } from './ecs-rolling-e2e.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import type { Value } from './workflow-harness/expressions.js';
import { runWorkflow, type JobResult, type WorkflowRun } from './workflow-harness/run-workflow.js';

/** A checkout: files at their paths (folders made as needed). */
export function checkout(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'checkout-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** A one-off smoke test task whose image decides its fate in the emulator (`exit-0` passes, `crash` fails). */
export function smokeTask(image: string): string {
  return JSON.stringify({ family: 'smoke', containerDefinitions: [{ name: 'smoke', image, memory: 128, essential: true }] });
}

/** The RunTask input of example 6's migration (the web task definition is Fargate: awsvpc). */
const MIGRATE_REQUEST = `launchType: FARGATE
networkConfiguration:
  awsvpcConfiguration:
    subnets: [subnet-0a1b2c3d]
    securityGroups: [sg-0a1b2c3d]
    assignPublicIp: DISABLED
startedBy: migrate
`;

/** The manifests the examples name: deploy/web-*.yaml, the smoke test, and deploy/<region>/ per region. */
export function exampleCheckout(options: { smokeImage?: string; regions?: Record<string, { task?: string }> } = {}): string {
  const files: Record<string, string> = {
    'deploy/web-task.yaml': TASK_DEFINITION_YAML,
    // JSON in a .yaml file is fine (decided by content); the circuit breaker with rollback is on, as users set it.
    'deploy/web-service.yaml': serviceDefinitionJson(),
    'deploy/web-scalable-target.yaml': SCALABLE_TARGET_YAML,
    'deploy/web-scaling-policies.yaml': scalingPolicyYaml('cpu60'),
    'deploy/smoke-task.yaml': smokeTask(options.smokeImage ?? 'registry.example.com/smoke:exit-0'),
    'deploy/smoke-request.yaml': 'startedBy: smoke-test\n',
    'deploy/migrate-request.yaml': MIGRATE_REQUEST,
  };
  for (const [region, r] of Object.entries(options.regions ?? {})) {
    files[`deploy/${region}/web-task.yaml`] = r.task ?? TASK_DEFINITION_YAML;
    files[`deploy/${region}/web-service.yaml`] = serviceDefinitionJson();
  }
  return checkout(files);
}

export interface WorkflowE2e {
  e: RollingE2e;
  github: FakeGitHub;
}

/** One emulator and one fake GitHub per file, reset before each test, with the clusters the examples use. */
export function workflowE2eSuite(clusters: string[]): () => WorkflowE2e {
  let state: WorkflowE2e | undefined;
  beforeAll(async () => {
    state = { e: await startRollingE2e(), github: await startFakeGitHub() };
  });
  afterAll(async () => {
    await state?.e.stop();
    await state?.github.stop();
  });
  beforeEach(async () => {
    await state?.e.emu.control.reset();
    for (const name of clusters) await state?.e.ecs.send(new CreateClusterCommand({ clusterName: name }));
  });
  return () => {
    if (state === undefined) throw new Error('the workflow e2e setting starts in beforeAll');
    return state;
  };
}

export interface ExampleRun {
  event?: string;
  inputs?: Record<string, Value>;
  sha: string;
  workspace: string;
}

/** Runs examples/workflows/<file> against the emulator as the runner would. */
export function runExample(w: WorkflowE2e, file: string, run: ExampleRun): Promise<WorkflowRun> {
  return runWorkflow(`examples/workflows/${file}`, {
    event: run.event ?? 'push',
    ...(run.inputs ? { inputs: run.inputs } : {}),
    github: { sha: run.sha },
    env: { ...w.e.emu.env(), GITHUB_API_URL: w.github.url },
    workspace: run.workspace,
  });
}

/** Each job's result, by job id. */
export function jobResults(run: WorkflowRun): Record<string, JobResult> {
  return Object.fromEntries(Object.entries(run.jobs).map(([id, j]) => [id, j.result]));
}

/** What a user checks afterwards: the web service of `cluster` (its task definition, the image it runs, counts). */
export async function webState(ecs: ECSClient, cluster = 'default'): Promise<{ taskDefinition: string; image: string; running: number; desired: number }> {
  const service = (await ecs.send(new DescribeServicesCommand({ cluster, services: ['web'] }))).services?.[0];
  const taskDefinition = service?.taskDefinition ?? '';
  const td = taskDefinition === '' ? undefined : (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }))).taskDefinition;
  return {
    taskDefinition,
    image: td?.containerDefinitions?.[0]?.image ?? '',
    running: service?.runningCount ?? 0,
    desired: service?.desiredCount ?? 0,
  };
}

/** The web service's auto scaling in `cluster`: its targets (with whether anything is suspended) and policies. */
export async function webAutoScaling(w: WorkflowE2e, cluster: string): Promise<{ targets: string[]; policies: string[] }> {
  const resource = `service/${cluster}/web`;
  const aas = w.e.autoscaling;
  const targets = (await aas.send(new DescribeScalableTargetsCommand({ ServiceNamespace: 'ecs', ResourceIds: [resource] }))).ScalableTargets ?? [];
  const policies = (await aas.send(new DescribeScalingPoliciesCommand({ ServiceNamespace: 'ecs', ResourceId: resource }))).ScalingPolicies ?? [];
  const suspended = (t: (typeof targets)[number]): boolean =>
    Boolean(t.SuspendedState?.DynamicScalingInSuspended || t.SuspendedState?.DynamicScalingOutSuspended || t.SuspendedState?.ScheduledScalingSuspended);
  return {
    targets: targets.map((t) => `${t.MinCapacity ?? '?'}-${t.MaxCapacity ?? '?'}${suspended(t) ? ' suspended' : ''}`),
    policies: policies.map((p) => p.PolicyName ?? '').sort(),
  };
}
