/**
 * An update that starts no new deployment (issue 11 item 5), through src/core/deploy's public API against the
 * embedded emulator with the real SDK clients, clock and sleep. ecs-rolling itself cannot send such an update (it
 * registers a new revision from a file, and forces a new deployment for a registered one, R5); an in-place update
 * such as register-delegate's (issue 14) does: the running revision again, not forced, with a new desired count.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { DescribeServicesCommand, ECSClient, type CreateServiceCommandInput, type RegisterTaskDefinitionCommandInput, type Service } from '@aws-sdk/client-ecs';
import { deployService, type RollingDeps, type RollingPlan } from '../../../src/core/deploy/index.js';
import { Deadline, realSleep, systemClock } from '../../../src/core/time.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { RecordingLogger } from '../../helpers/fakes.js';
import { TASK_DEFINITION } from '../../helpers/rolling-setup.js';

let emu: TestEmulator;
let ecs: ECSClient;
let autoscaling: ApplicationAutoScalingClient;
let log: RecordingLogger;

beforeAll(async () => {
  emu = await startTestEmulator({ taskStartMs: 1000, speed: 50 });
  ecs = new ECSClient(emu.clientConfig());
  autoscaling = new ApplicationAutoScalingClient(emu.clientConfig());
});
afterAll(async () => {
  ecs.destroy();
  autoscaling.destroy();
  await emu.stop();
});
beforeEach(async () => {
  await emu.control.reset();
  log = new RecordingLogger();
});

const deps = (): RollingDeps => ({ ecs, autoscaling, clock: systemClock, sleep: realSleep, log });

/** The unit tests' Fargate task definition, running `image`. */
function taskDefinition(image: string): RegisterTaskDefinitionCommandInput {
  return { ...TASK_DEFINITION, containerDefinitions: [{ name: 'web', image, essential: true }] };
}

function serviceDefinition(breakerRollback: boolean): CreateServiceCommandInput {
  return {
    serviceName: 'web',
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } },
    deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: breakerRollback } },
  };
}

function plan(extra: Partial<RollingPlan>): RollingPlan {
  return {
    cluster: 'default',
    serviceName: 'web',
    taskDefinition: { kind: 'file', path: 'task-definition.json', definition: taskDefinition('nginx:1.27') },
    serviceDefinition: serviceDefinition(false),
    sameAsRunning: false,
    forceNewDeployment: false,
    suspendAutoScalingDuringUpdate: true,
    scalableTargets: [],
    scalingPolicies: [],
    waitForSteadyState: true,
    rollbackOnFailure: true,
    deadline: new Deadline(systemClock, 60_000),
    pollIntervalMs: 200,
    ...extra,
  };
}

/** The running revision deployed again in place: not forced, no service definition. */
function inPlace(arn: string, extra: Partial<RollingPlan>): RollingPlan {
  return plan({ taskDefinition: { kind: 'registered', ref: arn, input: 'task-definition-arn' }, serviceDefinition: undefined, ...extra });
}

async function live(): Promise<Service> {
  const out = await ecs.send(new DescribeServicesCommand({ cluster: 'default', services: ['web'] }));
  return out.services?.[0] ?? {};
}

const primaryOf = (s: Service): string | undefined => s.deployments?.find((d) => d.status === 'PRIMARY')?.id;

describe('an update that starts no new deployment (emulator)', () => {
  it('is reported as a scale change and waited on until the PRIMARY deployment runs the new count', async () => {
    const v1 = await deployService(deps(), plan({}));
    expect(v1.status).toBe('succeeded');
    const before = primaryOf(await live());
    const since = (await emu.control.calls()).length;

    const scaled = await deployService(deps(), inPlace(v1.taskDefinitionArn, { desiredCount: 3 }));

    expect(scaled).toMatchObject({ status: 'succeeded', change: 'scale', deploymentId: before, changeDetail: 'no new deployment: only the desired count changed from 1 to 3' });
    const after = await live();
    expect(after.deployments).toHaveLength(1);
    expect(primaryOf(after)).toBe(before);
    expect(after).toMatchObject({ desiredCount: 3, runningCount: 3, pendingCount: 0 });
    const mutations = (await emu.control.calls()).slice(since).filter((c) => !/^(Describe|List)/.test(c.operation));
    expect(mutations.map((c) => c.operation)).toEqual(['UpdateService']);
    expect(log.messages()).toContain(`No new deployment: only the desired count changed from 1 to 3. Waiting until deployment ${before ?? ''} of service web runs 3 tasks.`);

    const again = await deployService(deps(), inPlace(v1.taskDefinitionArn, { sameAsRunning: true }));
    expect(again).toMatchObject({ status: 'succeeded', change: 'scale', deploymentId: before });
    expect(again.changeDetail).toBe('no new deployment: nothing that starts one changed, and the desired count stays 3');
  });

  it('never blames a PRIMARY deployment that FAILED in an earlier run: a scale change that cannot finish times out as one and its count is put back', async () => {
    const v1 = await deployService(deps(), plan({ serviceDefinition: serviceDefinition(false) }));
    expect(v1.status).toBe('succeeded');
    // An earlier run: the circuit breaker fails web:2 (its tasks crash) and, without rollback, it stays PRIMARY.
    const v2 = await deployService(deps(), plan({ taskDefinition: { kind: 'file', path: 'td.json', definition: taskDefinition('app:crash') }, rollbackOnFailure: false }));
    expect(v2).toMatchObject({ status: 'failed', failureReason: 'failed' });
    const failed = (await live()).deployments?.find((d) => d.status === 'PRIMARY');
    expect(failed).toMatchObject({ rolloutState: 'FAILED', taskDefinition: v2.taskDefinitionArn });
    log = new RecordingLogger();

    const scaled = await deployService(deps(), inPlace(v2.taskDefinitionArn, { desiredCount: 2, deadline: new Deadline(systemClock, 15_000) }));

    // ECS launches no task for a deployment the circuit breaker failed, so the scale-up cannot finish: the run says
    // that its own change timed out, and does not report the earlier run's circuit breaker as its failure.
    expect(scaled).toMatchObject({ status: 'failed', change: 'scale', failureReason: 'timeout', deploymentId: failed?.id });
    expect(scaled.cause).toContain(`deployment ${failed?.id ?? ''} of service web to run 2 tasks (a scale change; no new deployment)`);
    expect(scaled.cause).not.toMatch(/circuit breaker|tasks failed to start|FAILED/);
    // The tasks that crashed in the earlier run are not this run's stopped tasks (S9).
    expect(scaled.cause).not.toContain('Stopped tasks');
    expect(scaled.stoppedTasks).toEqual([]);
    expect(log.messages()).toContain(
      'Its rollout state (FAILED) comes from the deployment of web:2 that started it before this run: it is not judged, only the task counts are.',
    );
    // R6: the desired count this run set is put back (with the revision that last completed, as every rollback).
    expect(scaled.rollback?.status).toBe('succeeded');
    expect(await live()).toMatchObject({ desiredCount: 1, taskDefinition: v1.taskDefinitionArn });
  });
});
