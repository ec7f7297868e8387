/**
 * The deployment watcher against the embedded emulator, through the real ECS SDK client, with the real clock and
 * sleep: a first deployment and an update reach steady state, a crashing image is rolled back by the circuit
 * breaker, a deployment without rollback fails, throttling is ridden out, deletion is waited to INACTIVE, and
 * cancellation is prompt.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import { waitForDeployment, waitForServiceInactive } from '../../../src/core/deploy/watch/index.js';
import type { WatchDeps } from '../../../src/core/deploy/watch/index.js';
import { Deadline, realSleep, systemClock } from '../../../src/core/time.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { RecordingLogger } from '../../helpers/fakes.js';

const CLUSTER = 'default';
const POLL_MS = 200;

let emu: TestEmulator;
let ecs: ECSClient;
let log: RecordingLogger;
let deps: WatchDeps;

beforeAll(async () => {
  emu = await startTestEmulator({ taskStartMs: 1000, speed: 50 });
  // No SDK retries: throttling reaches the watcher, whose back-off is under test.
  ecs = new ECSClient(emu.clientConfig({ maxAttempts: 1 }));
});
afterAll(async () => {
  ecs.destroy();
  await emu.stop();
});
beforeEach(async () => {
  await emu.control.reset();
  log = new RecordingLogger();
  deps = { ecs, clock: systemClock, sleep: realSleep, log };
});

async function register(image: string): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'web',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image, essential: true, portMappings: [{ containerPort: 8080 }] }],
    }),
  );
  return out.taskDefinition?.taskDefinitionArn ?? '';
}

async function create(taskDefinition: string, desiredCount: number, rollback?: boolean): Promise<Service> {
  const out = await ecs.send(
    new CreateServiceCommand({
      serviceName: 'web',
      taskDefinition,
      desiredCount,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      ...(rollback === undefined ? {} : { deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback } } }),
    }),
  );
  return out.service ?? {};
}

async function update(taskDefinition: string): Promise<{ deploymentId: string; seenEventIds: string[] }> {
  const before = (await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['web'] }))).services?.[0];
  const out = await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service: 'web', taskDefinition }));
  const primary = out.service?.deployments?.find((d) => d.status === 'PRIMARY');
  return { deploymentId: primary?.id ?? '', seenEventIds: (before?.events ?? []).map((e) => e.id ?? '') };
}

const watch = (deploymentId: string, taskDefinitionArn: string, extra: { seenEventIds?: string[]; timeoutMs?: number; signal?: AbortSignal } = {}) =>
  waitForDeployment(deps, {
    cluster: CLUSTER,
    service: 'web',
    deploymentId,
    taskDefinitionArn,
    deadline: new Deadline(systemClock, extra.timeoutMs ?? 30_000),
    pollIntervalMs: POLL_MS,
    ...(extra.seenEventIds !== undefined ? { seenEventIds: extra.seenEventIds } : {}),
    ...(extra.signal !== undefined ? { signal: extra.signal } : {}),
  });

const awsEvents = (): string[] => log.messages('info').filter((m) => m.startsWith('# AWS Event: '));

describe('waitForDeployment against the emulator', () => {
  it('follows a first deployment and an update to steady state, printing each event once, oldest first', async () => {
    const v1 = await register('app:v1');
    const created = await create(v1, 2);
    const first = await watch(created.deployments?.[0]?.id ?? '', v1, { seenEventIds: [] });
    expect(first).toMatchObject({ ok: true, deployment: { status: 'PRIMARY', rolloutState: 'COMPLETED', taskDefinition: v1, runningCount: 2 } });
    const firstEvents = awsEvents();
    expect(firstEvents.at(-1)).toMatch(/^# AWS Event: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \(service web\) has reached a steady state\.$/);
    expect(new Set(firstEvents).size).toBe(firstEvents.length);
    const stamps = firstEvents.map((line) => line.slice('# AWS Event: '.length, '# AWS Event: '.length + 23));
    expect([...stamps].sort()).toEqual(stamps);

    const v2 = await register('app:v2');
    const { deploymentId, seenEventIds } = await update(v2);
    log = new RecordingLogger();
    deps = { ...deps, log };
    const second = await watch(deploymentId, v2, { seenEventIds });
    expect(second).toMatchObject({ ok: true, deployment: { id: deploymentId, taskDefinition: v2 } });
    if (second.ok) expect(second.service.deployments).toHaveLength(1);
    // Only the update's events: one steady-state event (the first deployment's is not repeated).
    expect(awsEvents().filter((e) => e.endsWith('has reached a steady state.'))).toHaveLength(1);
    expect(log.messages('info')).toContain(`Deployment ${deploymentId}: desired 2, pending 0, running 2, rollout COMPLETED`);
  });

  it('reports a crashing image rolled back by the circuit breaker, with the stopped-task reasons', async () => {
    const v1 = await register('app:v1');
    const created = await create(v1, 2, true);
    expect((await watch(created.deployments?.[0]?.id ?? '', v1)).ok).toBe(true);
    const bad = await register('app:v2-crash');
    const { deploymentId, seenEventIds } = await update(bad);

    const result = await watch(deploymentId, bad, { seenEventIds });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('circuit-breaker');
    expect(result.message).toMatch(
      new RegExp(`^deployment ${deploymentId} was rolled back by the ECS deployment circuit breaker\\b.*Stopped tasks: Essential container in task exited \\(container web exit code 1\\) \\[\\d+ tasks?\\]$`),
    );
    expect(result.stoppedTasks.length).toBeGreaterThan(0);
    for (const t of result.stoppedTasks) {
      expect(t).toMatchObject({ taskDefinitionArn: bad, containers: [{ name: 'web', exitCode: 1 }] });
    }
    expect(log.messages('info').some((m) => /^Task \w+ stopped: Essential container in task exited \(container web exit code 1\)$/.test(m))).toBe(true);
    expect(awsEvents().some((e) => e.includes(`(deployment ${deploymentId}) deployment failed`))).toBe(true);
  });

  it('reports a FAILED deployment when the circuit breaker does not roll back', async () => {
    const v1 = await register('app:v1');
    const created = await create(v1, 1, false);
    expect((await watch(created.deployments?.[0]?.id ?? '', v1)).ok).toBe(true);
    const bad = await register('app:exit-3');
    const { deploymentId } = await update(bad);
    const result = await watch(deploymentId, bad);
    expect(result).toMatchObject({ ok: false, reason: 'failed' });
    if (!result.ok) {
      expect(result.message).toContain(`deployment ${deploymentId} failed: ECS deployment circuit breaker: tasks failed to start.`);
      expect(result.message).toContain('(container web exit code 3)');
    }
  });

  it('rides out DescribeServices throttling on 30% of calls', async () => {
    await emu.control.addFault({ operation: 'DescribeServices', error: 'ThrottlingException', rate: 1, count: 2 });
    await emu.control.addFault({ operation: 'DescribeServices', error: 'ThrottlingException', rate: 0.3 });
    const v1 = await register('app:v1');
    const created = await create(v1, 2);
    const result = await watch(created.deployments?.[0]?.id ?? '', v1);
    expect(result.ok).toBe(true);
    const throttled = (await emu.control.calls()).filter((c) => c.operation === 'DescribeServices' && c.error === 'ThrottlingException');
    expect(throttled.length).toBeGreaterThanOrEqual(2);
    expect(log.messages('debug').filter((m) => m.startsWith('Throttled while polling service web'))).toHaveLength(throttled.length);
  });

  it('stops promptly when cancelled, with a deployment that never completes', async () => {
    const broken = await register('app:pull-error');
    const created = await create(broken, 1);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('The workflow was cancelled (SIGINT received)')), 500);
    const started = Date.now();
    const result = await watch(created.deployments?.[0]?.id ?? '', broken, { signal: controller.signal });
    expect(result).toMatchObject({ ok: false, reason: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('waitForServiceInactive against the emulator', () => {
  it('waits until a deleted service is INACTIVE', async () => {
    const v1 = await register('app:v1');
    const created = await create(v1, 2);
    expect((await watch(created.deployments?.[0]?.id ?? '', v1)).ok).toBe(true);
    await ecs.send(new DeleteServiceCommand({ cluster: CLUSTER, service: 'web', force: true }));
    const result = await waitForServiceInactive(deps, {
      cluster: CLUSTER,
      service: 'web',
      deadline: new Deadline(systemClock, 30_000),
      pollIntervalMs: POLL_MS,
    });
    expect(result).toMatchObject({ ok: true, service: { status: 'INACTIVE' } });
  });
});
