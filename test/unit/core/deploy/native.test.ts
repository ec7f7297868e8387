/**
 * ECS's own BLUE_GREEN, LINEAR and CANARY deployments followed by deployService, continueService and rollbackService
 * (N2–N4), against aws-sdk-client-mock answering as the API reference's ListServiceDeployments /
 * DescribeServiceDeployments / DescribeServiceRevisions / ContinueServiceDeployment / StopServiceDeployment do.
 */
import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import {
  ContinueServiceDeploymentCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
  UpdateServiceCommand,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { continueService, deployService, rollbackService, type WaitUntil } from '../../../../src/core/deploy/index.js';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { Deadline } from '../../../../src/core/time.js';
import { T0, tdArn } from '../../../helpers/ecs-watch-fixtures.js';
import { FakeNativeDeployments, SD_ARN, target, type NativeScript } from '../../../helpers/fake-native-deployments.js';
import { rollingWorld, type RollingWorld } from '../../../helpers/rolling-setup.js';

const ecsMock = mockClient(ECSClient);
const aasMock = mockClient(ApplicationAutoScalingClient);
let w: RollingWorld;

beforeEach(() => {
  w = rollingWorld(ecsMock, aasMock);
});

type State = Partial<ServiceDeployment>;
const LOAD_BALANCER = {
  targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1',
  containerName: 'app',
  containerPort: 80,
  advancedConfiguration: {
    alternateTargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/2',
    productionListenerRule: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3',
    roleArn: 'arn:aws:iam::123456789012:role/ecs-lb',
  },
};
const inProgress = (stage: ServiceDeployment['lifecycleStage'], extra: State = {}): State => ({ status: 'IN_PROGRESS', lifecycleStage: stage, ...extra });

/** A BLUE_GREEN deployment through every stage, each stage seen twice (a poll per second of it). */
const BLUE_GREEN_STAGES: State[] = [
  inProgress('PRE_SCALE_UP'),
  inProgress('SCALE_UP', { targetServiceRevision: target(1) }),
  inProgress('SCALE_UP', { targetServiceRevision: target(2) }),
  inProgress('POST_SCALE_UP', { targetServiceRevision: target(2) }),
  inProgress('TEST_TRAFFIC_SHIFT', { targetServiceRevision: target(2, 0, 100) }),
  inProgress('POST_TEST_TRAFFIC_SHIFT', { targetServiceRevision: target(2, 0, 100) }),
  inProgress('PRODUCTION_TRAFFIC_SHIFT', { targetServiceRevision: target(2, 100, 100) }),
  inProgress('POST_PRODUCTION_TRAFFIC_SHIFT', { targetServiceRevision: target(2, 100, 100) }),
  inProgress('BAKE_TIME', { targetServiceRevision: target(2, 100, 100) }),
  inProgress('BAKE_TIME', { targetServiceRevision: target(2, 100, 100) }),
  inProgress('CLEAN_UP', { targetServiceRevision: target(2, 100, 100) }),
  { status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP', targetServiceRevision: target(2, 100, 100), finishedAt: new Date(T0 + 60_000) },
];

/** Service web on web:1 whose deployments ECS runs with `strategy`; the native deployments answer `script`. */
function seedNative(script: Omit<NativeScript, 'sourceTaskDefinition'>, strategy: 'BLUE_GREEN' | 'LINEAR' | 'CANARY' = 'BLUE_GREEN'): FakeNativeDeployments {
  w.ecs.seedService('web', tdArn(1), 2, { deploymentConfiguration: { strategy, bakeTimeInMinutes: 1 }, loadBalancers: [LOAD_BALANCER] });
  return new FakeNativeDeployments(ecsMock, { sourceTaskDefinition: tdArn(1), ...script });
}

const deployNative = (extra: { waitUntil?: WaitUntil; deadlineMs?: number; signal?: AbortSignal } = {}): ReturnType<typeof deployService> =>
  deployService(
    w.deps(extra.signal !== undefined ? { signal: extra.signal } : {}),
    w.plan({
      serviceDefinition: undefined,
      ...(extra.waitUntil !== undefined ? { waitUntil: extra.waitUntil } : {}),
      ...(extra.deadlineMs !== undefined ? { deadline: new Deadline(w.time.clock, extra.deadlineMs) } : {}),
    }),
  );

describe('deploying a BLUE_GREEN, LINEAR or CANARY service (N2)', () => {
  it('finds its service deployment after UpdateService and follows it to SUCCESSFUL, each lifecycle stage logged once', async () => {
    const native = seedNative({ states: BLUE_GREEN_STAGES });
    const outcome = await deployNative();

    expect(outcome).toMatchObject({ status: 'succeeded', taskDefinitionArn: tdArn(2), rolledBack: false, native: { serviceDeploymentArn: SD_ARN, status: 'SUCCESSFUL', ended: 'successful' } });
    const stages = w.log.messages('info').filter((m) => m.startsWith('Lifecycle stage: ')).map((m) => m.slice('Lifecycle stage: '.length));
    expect(stages).toEqual(['PRE_SCALE_UP', 'SCALE_UP', 'POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME', 'CLEAN_UP']);
    // Counts and weights when they change, once each.
    const revisionLines = w.log.messages('info').filter((m) => m.startsWith('Target (new) revision'));
    expect(revisionLines).toEqual([
      'Target (new) revision 2000000000000000002: running 0, pending 0 of 2',
      'Target (new) revision 2000000000000000002: running 1, pending 1 of 2',
      'Target (new) revision 2000000000000000002: running 2, pending 0 of 2',
      'Target (new) revision 2000000000000000002: running 2, pending 0 of 2; traffic production 0%, test 100%',
      'Target (new) revision 2000000000000000002: running 2, pending 0 of 2; traffic production 100%, test 100%',
    ]);
    // Found by the creation time and the target revision's task definition; never stopped.
    const list = ecsMock.commandCalls(ListServiceDeploymentsCommand)[0]?.args[0].input;
    expect(list).toMatchObject({ cluster: 'demo', service: 'web', createdAt: { after: new Date(T0 - 60_000) } });
    expect(native.calls).toContain('DescribeServiceRevisions');
    expect(native.calls.filter((c) => c.startsWith('Stop') || c.startsWith('Continue'))).toEqual([]);
    expect(w.mutations().filter((c) => c.startsWith('ecs:'))).toEqual(['ecs:RegisterTaskDefinition', 'ecs:UpdateService']);
  });

  it('a LINEAR deployment logs each production weight step', async () => {
    const steps = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    seedNative(
      {
        states: [
          inProgress('POST_TEST_TRAFFIC_SHIFT', { targetServiceRevision: target(2, 0, 100) }),
          ...steps.map((p) => inProgress('PRODUCTION_TRAFFIC_SHIFT', { targetServiceRevision: target(2, p, 100) })),
          { status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP', targetServiceRevision: target(2, 100, 100) },
        ],
      },
      'LINEAR',
    );
    await deployNative();
    const weights = w.log.messages('info').flatMap((m) => /traffic production (\d+)%/.exec(m)?.[1] ?? []).map(Number);
    expect(weights).toEqual([0, ...steps]);
  });

  it('a rollback by ECS fails the step with the status reason, the rollback reason and the failed hook; ECS put the old revision back', async () => {
    const hook = { hookId: 'hook-1', targetType: 'AWS_LAMBDA' as const, targetArn: 'arn:aws:lambda:us-east-1:123456789012:function:check', status: 'FAILED' as const };
    seedNative(
      {
        states: [
          inProgress('POST_SCALE_UP'),
          inProgress('PRODUCTION_TRAFFIC_SHIFT', { targetServiceRevision: target(2, 5, 100), lifecycleHookDetails: [hook] }),
          { status: 'ROLLBACK_IN_PROGRESS', lifecycleStage: 'PRODUCTION_TRAFFIC_SHIFT', statusReason: 'Lifecycle hook failed.', rollback: { reason: 'Rolled back: a lifecycle hook failed.' } },
          { status: 'ROLLBACK_SUCCESSFUL', lifecycleStage: 'CLEAN_UP', statusReason: 'Lifecycle hook failed.', rollback: { reason: 'Rolled back: a lifecycle hook failed.' } },
        ],
      },
      'CANARY',
    );
    const outcome = await deployNative();

    expect(outcome).toMatchObject({ status: 'failed', rolledBack: true, native: { ended: 'failed', ecsRolledBack: true, status: 'ROLLBACK_SUCCESSFUL' } });
    expect(outcome.cause).toContain('ended ROLLBACK_SUCCESSFUL at stage PRODUCTION_TRAFFIC_SHIFT');
    expect(outcome.cause).toContain('Lifecycle hook failed.');
    expect(outcome.cause).toContain('rollback: Rolled back: a lifecycle hook failed.');
    expect(outcome.cause).toContain('lifecycle hook hook-1 (AWS_LAMBDA arn:aws:lambda:us-east-1:123456789012:function:check) FAILED');
    // ECS rolled back by itself: no rolling restore, no StopServiceDeployment.
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
    expect(ecsMock.commandCalls(StopServiceDeploymentCommand)).toHaveLength(0);
  });

  it('never waits for a FAILED status: STOPPED ends the wait as a failure', async () => {
    seedNative({ states: [inProgress('SCALE_UP'), { status: 'STOPPED', lifecycleStage: 'SCALE_UP', statusReason: 'Stopped by a newer deployment.' }] });
    const outcome = await deployNative();
    expect(outcome.status).toBe('failed');
    expect(outcome.cause).toContain('ended STOPPED');
    expect(outcome.cause).toContain('Stopped by a newer deployment.');
  });
});

describe('the deployment to follow, and deployments that end otherwise (N2, R6)', () => {
  it('a deployment whose target revision runs another task definition is not ours: none found within a minute, the update is rolled back', async () => {
    seedNative({ targetTaskDefinition: tdArn(9), states: [inProgress('SCALE_UP')] });
    const outcome = await deployNative();
    expect(outcome.status).toBe('failed');
    expect(outcome.cause).toContain(`ECS lists no service deployment of ${tdArn(2)} for service web`);
    expect(w.updateInputs().map((u) => u.taskDefinition)).toEqual([tdArn(2), tdArn(1)]);
    expect(w.time.totalSlept()).toBeGreaterThanOrEqual(60_000);
  });

  it('STOPPED without a rollback by ECS: the service is rolled back to the saved revision (R6)', async () => {
    seedNative({ states: [inProgress('SCALE_UP'), { status: 'STOPPED', statusReason: 'Alarm web-5xx in ALARM.' }] });
    const outcome = await deployNative();
    expect(outcome).toMatchObject({ status: 'failed', rolledBack: true });
    expect(w.updateInputs().map((u) => u.taskDefinition)).toEqual([tdArn(2), tdArn(1)]);
  });

  it('STOPPED because a newer deployment superseded it: the service is left to the newer one', async () => {
    seedNative({ states: [inProgress('SCALE_UP'), { status: 'STOPPED', statusReason: 'Superseded.' }] });
    w.ecs.seedService('web', tdArn(1), 2, {
      deploymentConfiguration: { strategy: 'BLUE_GREEN' },
      loadBalancers: [LOAD_BALANCER],
      currentServiceDeployment: 'arn:aws:ecs:us-east-1:123456789012:service-deployment/demo/web/NewerOne',
    });
    const outcome = await deployNative();
    expect(outcome).toMatchObject({ status: 'failed', failureReason: 'replaced', rolledBack: false });
    expect(outcome.cause).toContain('a newer service deployment, NewerOne, replaced it');
    expect(w.updateInputs()).toHaveLength(1);
  });
});

describe('what is checked before the first change (S3)', () => {
  it('a native service without a load balancer is refused before anything is registered', async () => {
    w.ecs.seedService('web', tdArn(1), 2, { deploymentConfiguration: { strategy: 'CANARY' } });
    await expect(deployNative()).rejects.toThrow(/CANARY strategy, whose traffic ECS shifts through a load balancer/);
    expect(w.mutations()).toEqual([]);
  });
});

describe('wait-until and PAUSE hooks (N3)', () => {
  it('wait-until ecs:POST_TEST_TRAFFIC_SHIFT returns at that stage; ECS goes on with the deployment', async () => {
    const native = seedNative({ states: BLUE_GREEN_STAGES });
    const outcome = await deployNative({ waitUntil: { kind: 'stage', stage: 'POST_TEST_TRAFFIC_SHIFT' } });

    expect(outcome).toMatchObject({ status: 'succeeded', native: { ended: 'stage', lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', status: 'IN_PROGRESS' } });
    expect(native.calls.filter((c) => c === 'DescribeServiceDeployments').length).toBeLessThan(BLUE_GREEN_STAGES.length);
    expect(w.log.messages('info')).toContain('Lifecycle stage: POST_TEST_TRAFFIC_SHIFT');
    expect(w.log.messages('info')).not.toContain('Lifecycle stage: PRODUCTION_TRAFFIC_SHIFT');
  });

  it('wait-until fails when ECS rolls back before the stage', async () => {
    seedNative({ states: [inProgress('SCALE_UP'), { status: 'ROLLBACK_SUCCESSFUL', lifecycleStage: 'CLEAN_UP', statusReason: 'Tasks failed to start.' }] });
    const outcome = await deployNative({ waitUntil: { kind: 'stage', stage: 'BAKE_TIME' } });
    expect(outcome).toMatchObject({ status: 'failed', rolledBack: true });
  });

  it('wait-until a stage on a ROLLING service is a ConfigurationError before any change', async () => {
    w.ecs.seedService('web', tdArn(1), 2);
    await expect(deployNative({ waitUntil: { kind: 'stage', stage: 'BAKE_TIME' } })).rejects.toThrow(ConfigurationError);
    await expect(deployNative({ waitUntil: { kind: 'stage', stage: 'BAKE_TIME' } })).rejects.toMatchObject({ location: { input: 'wait-until' } });
    expect(w.mutations()).toEqual([]);
  });

  it('a deployment waiting on a PAUSE hook ends the deploy step with the hook to continue', async () => {
    const pause = { hookId: 'pause-1', targetType: 'PAUSE' as const, status: 'AWAITING_ACTION' as const, expiresAt: new Date(T0 + 3_600_000), timeoutAction: 'ROLLBACK' as const };
    seedNative({ states: [inProgress('TEST_TRAFFIC_SHIFT'), inProgress('POST_TEST_TRAFFIC_SHIFT', { lifecycleHookDetails: [pause] })] });
    const outcome = await deployNative();
    expect(outcome).toMatchObject({ status: 'succeeded', native: { ended: 'paused', pausedHook: { hookId: 'pause-1' } } });
    expect(w.log.messages('info').some((m) => m.includes('PAUSE hook pause-1') && m.includes('mode: continue'))).toBe(true);
  });
});

describe('rolling back a native deployment (N4)', () => {
  it('on a timeout, StopServiceDeployment (ROLLBACK) and the rollback followed to ROLLBACK_SUCCESSFUL', async () => {
    const native = seedNative({
      states: [inProgress('BAKE_TIME')],
      afterStop: [{ status: 'ROLLBACK_IN_PROGRESS', lifecycleStage: 'BAKE_TIME' }, { status: 'ROLLBACK_SUCCESSFUL', lifecycleStage: 'CLEAN_UP' }],
    });
    const outcome = await deployNative({ deadlineMs: 90_000 });

    expect(native.calls).toContain('StopServiceDeployment ROLLBACK');
    expect(ecsMock.commandCalls(StopServiceDeploymentCommand)[0]?.args[0].input).toEqual({ serviceDeploymentArn: SD_ARN, stopType: 'ROLLBACK' });
    expect(outcome).toMatchObject({ status: 'failed', failureReason: 'timeout', rolledBack: true, rollback: { status: 'succeeded' } });
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
    expect(w.log.messages('info')).toEqual(expect.arrayContaining(['Rolling Back..', 'Rollback Successful.']));
  });

  it('a cancellation stops the deployment the same way', async () => {
    const cancel = new AbortController();
    const native = seedNative({ states: [inProgress('SCALE_UP')], afterStop: [{ status: 'ROLLBACK_SUCCESSFUL', lifecycleStage: 'CLEAN_UP' }] });
    w.time.onSleep = (_ms, now) => {
      if (now > T0 + 20_000) cancel.abort(new Error('SIGINT'));
    };
    const outcome = await deployNative({ signal: cancel.signal });
    expect(outcome).toMatchObject({ status: 'failed', failureReason: 'cancelled', rolledBack: true });
    expect(native.calls).toContain('StopServiceDeployment ROLLBACK');
  });

  it('mode rollback with a deployment in progress stops it instead of deploying the previous revision', async () => {
    const native = seedNative({
      existing: true,
      targetTaskDefinition: tdArn(2),
      states: [inProgress('BAKE_TIME')],
      afterStop: [{ status: 'ROLLBACK_IN_PROGRESS' }, { status: 'ROLLBACK_SUCCESSFUL', lifecycleStage: 'CLEAN_UP' }],
    });
    const outcome = await rollbackService(w.deps(), { cluster: 'demo', service: 'web', deadline: new Deadline(w.time.clock, 600_000) });
    expect(native.calls).toContain('StopServiceDeployment ROLLBACK');
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(0);
    expect(outcome).toMatchObject({ status: 'succeeded', rolledBack: true, taskDefinitionArn: tdArn(1), previousTaskDefinitionArn: tdArn(2) });
  });
});

describe('mode continue (N3)', () => {
  const pause = { hookId: 'pause-1', targetType: 'PAUSE' as const, status: 'AWAITING_ACTION' as const };
  const paused = inProgress('POST_TEST_TRAFFIC_SHIFT', { lifecycleHookDetails: [pause] });
  const request = (extra: Partial<Parameters<typeof continueService>[1]> = {}): Parameters<typeof continueService>[1] => ({
    cluster: 'demo',
    service: 'web',
    action: 'CONTINUE',
    deadline: new Deadline(w.time.clock, 600_000),
    rollbackOnFailure: true,
    ...extra,
  });

  it('continues the PAUSE hook found by itself and follows the deployment to SUCCESSFUL', async () => {
    seedNative({
      existing: true,
      targetTaskDefinition: tdArn(2),
      states: [paused],
      // The hook still shows AWAITING_ACTION on the first read after the call: not a new pause.
      afterContinue: [paused, inProgress('PRODUCTION_TRAFFIC_SHIFT'), { status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP' }],
    });
    const outcome = await continueService(w.deps(), request());
    expect(ecsMock.commandCalls(ContinueServiceDeploymentCommand)[0]?.args[0].input).toEqual({ serviceDeploymentArn: SD_ARN, hookId: 'pause-1', action: 'CONTINUE' });
    expect(outcome).toMatchObject({ status: 'succeeded', taskDefinitionArn: tdArn(2), native: { ended: 'successful' } });
  });

  it('ROLLBACK: success is ECS having rolled back', async () => {
    seedNative({ existing: true, targetTaskDefinition: tdArn(2), states: [paused], afterRollback: [{ status: 'ROLLBACK_IN_PROGRESS' }, { status: 'ROLLBACK_SUCCESSFUL' }] });
    const outcome = await continueService(w.deps(), request({ action: 'ROLLBACK' }));
    expect(ecsMock.commandCalls(ContinueServiceDeploymentCommand)[0]?.args[0].input.action).toBe('ROLLBACK');
    expect(outcome).toMatchObject({ status: 'succeeded', rolledBack: true, taskDefinitionArn: tdArn(1) });
  });

  it('no deployment in progress: a clear error, nothing sent', async () => {
    seedNative({ existing: true, states: [{ status: 'SUCCESSFUL' }] });
    await expect(continueService(w.deps(), request())).rejects.toThrow(/has no service deployment in progress/);
    expect(ecsMock.commandCalls(ContinueServiceDeploymentCommand)).toHaveLength(0);
  });

  it('a hook-id that does not await action is refused, naming the input', async () => {
    seedNative({ existing: true, states: [paused] });
    await expect(continueService(w.deps(), request({ hookId: 'other' }))).rejects.toMatchObject({ location: { input: 'hook-id' } });
    expect(ecsMock.commandCalls(ContinueServiceDeploymentCommand)).toHaveLength(0);
  });

  it('a ROLLING service has nothing to continue', async () => {
    w.ecs.seedService('web', tdArn(1), 2);
    await expect(continueService(w.deps(), request())).rejects.toMatchObject({ location: { input: 'mode' } });
  });
});

describe('DAEMON services (N5)', () => {
  it('sends no desired count, and says same-as-running and desired-count mean nothing', async () => {
    w.ecs.seedService('web', tdArn(1), 3, { schedulingStrategy: 'DAEMON' });
    const outcome = await deployService(w.deps(), w.plan({ serviceDefinition: undefined, sameAsRunning: false, desiredCount: 5 }));
    expect(outcome.status).toBe('succeeded');
    expect(w.updateInputs()[0]?.desiredCount).toBeUndefined();
    expect(w.log.messages('warning')).toContain('desired-count 5 means nothing for a DAEMON service; ignored.');
  });
});
