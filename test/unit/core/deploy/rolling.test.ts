import { beforeEach, describe, expect, it } from '@jest/globals';
import { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import { CreateServiceCommand, DeleteServiceCommand, ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { UpdateServiceCommandInput } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { deployService } from '../../../../src/core/deploy/index.js';
import { CancelledError, ConfigurationError } from '../../../../src/core/errors.js';
import { event, T0, tdArn } from '../../../helpers/ecs-watch-fixtures.js';
import { circuitBreakerRollback, fails, neverCompletes, replacedBy, rollsOut } from '../../../helpers/fake-ecs-rollouts.js';
import { cpuPolicy, DIM, RESOURCE, rollingWorld, scalableTarget, SERVICE_DEFINITION, type RollingWorld } from '../../../helpers/rolling-setup.js';

const ecsMock = mockClient(ECSClient);
const aasMock = mockClient(ApplicationAutoScalingClient);
let w: RollingWorld;

beforeEach(() => {
  w = rollingWorld(ecsMock, aasMock);
});

const updateInputs = (): UpdateServiceCommandInput[] => ecsMock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input);

/** What DescribeServices reports for a service created without a deployment configuration. */
const LIVE_DEPLOYMENT_CONFIGURATION = {
  maximumPercent: 200,
  minimumHealthyPercent: 100,
  deploymentCircuitBreaker: { enable: false, rollback: false },
};

/** An ACTIVE service web on web:1, desired 3, with one scalable target and one policy. */
function seedExisting(): void {
  w.ecs.seedService('web', tdArn(1), 3, {
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' } },
    deploymentConfiguration: LIVE_DEPLOYMENT_CONFIGURATION,
  });
  w.aas.seed([scalableTarget({ MinCapacity: 3, MaxCapacity: 6 })], [cpuPolicy('old-cpu', 70)]);
}

describe('first deployment (R2)', () => {
  it('registers, creates the service, waits on its PRIMARY deployment, then applies auto scaling', async () => {
    const outcome = await deployService(
      w.deps(),
      w.plan({ scalableTargets: [scalableTarget()], scalingPolicies: [cpuPolicy('cpu50')] }),
    );

    expect(w.mutations()).toEqual([
      'ecs:RegisterTaskDefinition',
      'ecs:CreateService',
      `watch:waitForDeployment ${w.ecs.primary('web')?.id ?? ''}`,
      'aas:RegisterScalableTarget',
      'aas:PutScalingPolicy',
    ]);
    const create = ecsMock.commandCalls(CreateServiceCommand)[0]?.args[0].input;
    expect(create).toMatchObject({ cluster: 'demo', serviceName: 'web', taskDefinition: tdArn(1), desiredCount: 2, launchType: 'FARGATE' });
    expect(w.ecs.followed[0]).toMatchObject({ cluster: 'demo', service: 'web', taskDefinitionArn: tdArn(1) });
    expect(w.aas.policyNames()).toEqual(['cpu50']);
    expect(outcome).toMatchObject({
      status: 'succeeded',
      firstDeployment: true,
      taskDefinitionArn: tdArn(1),
      rolledBack: false,
      service: { name: 'web', arn: expect.stringContaining(':service/demo/web') as unknown as string },
    });
    expect(outcome.previousTaskDefinitionArn).toBeUndefined();
    expect(outcome.cause).toBeUndefined();
  });

  it('lets the desired-count input override the manifest', async () => {
    await deployService(w.deps(), w.plan({ desiredCount: 5 }));
    expect(ecsMock.commandCalls(CreateServiceCommand)[0]?.args[0].input.desiredCount).toBe(5);
  });

  it('waits for a DRAINING service of the same name to become INACTIVE before creating', async () => {
    const draining = event('ev-old-1', T0 - 10_000, '(service web) has begun draining connections on 0 tasks.');
    w.ecs.seedService('web', tdArn(1), 0, { status: 'DRAINING', events: [draining] });
    await deployService(w.deps(), w.plan());
    expect(w.mutations().slice(0, 3)).toEqual(['ecs:RegisterTaskDefinition', 'watch:waitForServiceInactive web', 'ecs:CreateService']);
    // The draining service's events from before the action started are not printed as new (S6).
    expect(w.log.messages().filter((m) => m.endsWith(draining.message ?? ''))).toEqual([]);
  });

  it('needs a service definition, and refuses before any change without one', async () => {
    await expect(deployService(w.deps(), w.plan({ serviceDefinition: undefined }))).rejects.toThrow(ConfigurationError);
    await expect(
      deployService(w.deps(), w.plan({ serviceDefinition: { ...SERVICE_DEFINITION, desiredCount: undefined } })),
    ).rejects.toThrow(/desired count/);
    expect(w.mutations()).toEqual([]);
  });

  it('deletes the new service (force) and waits for INACTIVE when the first deployment fails (R6)', async () => {
    w.ecs.rollouts.push(fails('essential container app exited with code 1'));
    const outcome = await deployService(w.deps(), w.plan({ scalableTargets: [scalableTarget()] }));

    expect(w.mutations()).toEqual([
      'ecs:RegisterTaskDefinition',
      'ecs:CreateService',
      expect.stringMatching(/^watch:waitForDeployment /),
      'ecs:DeleteService',
      'watch:waitForServiceInactive web',
    ]);
    expect(ecsMock.commandCalls(DeleteServiceCommand)[0]?.args[0].input).toEqual({
      cluster: 'demo',
      service: 'web',
      force: true,
    });
    expect(w.ecs.services.get('web')?.status).toBe('INACTIVE');
    expect(w.aas.targets.size).toBe(0);
    expect(outcome).toMatchObject({ status: 'failed', firstDeployment: true, rolledBack: true, rollback: { status: 'succeeded' } });
    expect(outcome.cause).toBe('deployment ecs-svc/1 failed: essential container app exited with code 1');
    expect(outcome.steadyService).toBeUndefined();
    expect(w.log.messages()).toEqual(expect.arrayContaining(['Rolling Back..', 'Rollback Successful.']));
  });

  it('tells the INACTIVE wait which events the failed wait already printed, so they are not printed twice (S6)', async () => {
    const seen = [
      { id: 'ev-a', createdAt: new Date(T0), message: '(service web) has started 2 tasks: (task a) (task b).' },
      { id: 'ev-b', createdAt: new Date(T0 + 1000), message: '(service web) deployment failed: tasks failed to start.' },
    ];
    w.ecs.rollouts.push(fails('tasks failed to start', { events: [...seen].reverse() }));
    await deployService(w.deps(), w.plan());
    expect(w.mutations()).toContain('watch:waitForServiceInactive web');
    for (const e of seen) {
      expect(w.log.messages().filter((m) => m.startsWith('# AWS Event:') && m.endsWith(e.message))).toHaveLength(1);
    }
  });
});

describe('update (R3, R4, R5)', () => {
  it('removes auto scaling before UpdateService and applies the manifests after the wait', async () => {
    seedExisting();
    const outcome = await deployService(
      w.deps(),
      w.plan({ scalableTargets: [scalableTarget({ MinCapacity: 2, MaxCapacity: 8 })], scalingPolicies: [cpuPolicy('cpu60', 60)] }),
    );

    expect(w.mutations()).toEqual([
      'ecs:RegisterTaskDefinition',
      'aas:DeleteScalingPolicy',
      'aas:DeregisterScalableTarget',
      'ecs:UpdateService',
      `watch:waitForDeployment ${w.ecs.primary('web')?.id ?? ''}`,
      'aas:RegisterScalableTarget',
      'aas:PutScalingPolicy',
    ]);
    expect(w.aas.policyNames()).toEqual(['cpu60']);
    expect(w.aas.targets.get(`ecs|${RESOURCE}|${DIM}`)).toMatchObject({ MinCapacity: 2, MaxCapacity: 8 });
    expect(outcome).toMatchObject({
      status: 'succeeded',
      firstDeployment: false,
      taskDefinitionArn: tdArn(2),
      previousTaskDefinitionArn: tdArn(1),
    });
  });

  it('sends the updatable settings and never launchType, role, schedulingStrategy or tags', async () => {
    seedExisting();
    await deployService(w.deps(), w.plan());
    const [input] = updateInputs();
    expect(input).toEqual({
      cluster: 'demo',
      service: 'web',
      taskDefinition: tdArn(2),
      desiredCount: 2,
      networkConfiguration: SERVICE_DEFINITION.networkConfiguration,
      deploymentConfiguration: SERVICE_DEFINITION.deploymentConfiguration,
      enableExecuteCommand: true,
      forceNewDeployment: false,
    });
    for (const key of ['launchType', 'role', 'schedulingStrategy', 'tags', 'serviceName']) expect(input).not.toHaveProperty(key);
  });

  it('with same-as-running omits desiredCount, so the live count stays', async () => {
    seedExisting();
    await deployService(w.deps(), w.plan({ sameAsRunning: true, desiredCount: 9 }));
    expect(updateInputs()[0]).not.toHaveProperty('desiredCount');
    expect(w.ecs.services.get('web')?.desiredCount).toBe(3);
  });

  it('without auto scaling manifests puts back what the service had', async () => {
    seedExisting();
    await deployService(w.deps(), w.plan());
    expect(w.aas.policyNames()).toEqual(['old-cpu']);
    expect(w.aas.targets.get(`ecs|${RESOURCE}|${DIM}`)).toMatchObject({ MinCapacity: 3, MaxCapacity: 6 });
  });

  it('deploys an existing ARN without registering, forcing a new deployment as the plan says (R5)', async () => {
    seedExisting();
    w.ecs.knowTaskDefinition(tdArn(7));
    const taskDefinition = { kind: 'registered', ref: 'web:7', input: 'task-definition-arn' } as const;
    const outcome = await deployService(w.deps(), w.plan({ taskDefinition, forceNewDeployment: true }));
    expect(w.mutations()).not.toContain('ecs:RegisterTaskDefinition');
    expect(updateInputs()[0]).toMatchObject({ taskDefinition: tdArn(7), forceNewDeployment: true });
    expect(outcome.taskDefinitionArn).toBe(tdArn(7));
  });

  it('refuses an unknown task-definition-arn before any change', async () => {
    seedExisting();
    await expect(deployService(w.deps(), w.plan({ taskDefinition: { kind: 'registered', ref: 'web:99', input: 'task-definition-arn' } }))).rejects.toMatchObject({
      name: 'ConfigurationError',
      location: { input: 'task-definition-arn' },
    });
    expect(w.mutations()).toEqual([]);
  });

  it('passes force-new-deployment through', async () => {
    seedExisting();
    await deployService(w.deps(), w.plan({ forceNewDeployment: true }));
    expect(updateInputs()[0]?.forceNewDeployment).toBe(true);
  });
});

describe('failure and rollback (R6)', () => {
  it("follows ECS's rollback while it is in progress instead of racing it, then restores the count this run raised and the auto scaling (issue 11)", async () => {
    seedExisting();
    // ECS's own rollback deployment takes a minute to roll out.
    w.ecs.rollouts.push(circuitBreakerRollback(), rollsOut(60_000));
    const outcome = await deployService(
      w.deps(),
      w.plan({ desiredCount: 5, scalableTargets: [scalableTarget({ MaxCapacity: 10 })], scalingPolicies: [cpuPolicy('new')] }),
    );

    // No UpdateService of our own on top of ECS's rollback: only the desired count ECS's rollback kept is set back.
    const [, rollback] = updateInputs();
    expect(rollback).toEqual({ cluster: 'demo', service: 'web', desiredCount: 3 });
    expect(w.log.messages().some((m) => m.includes('following it instead of starting another rollback'))).toBe(true);
    expect(w.aas.policyNames()).toEqual(['old-cpu']);
    expect(w.aas.targets.get(`ecs|${RESOURCE}|${DIM}`)).toMatchObject({ MinCapacity: 3, MaxCapacity: 6 });
    // The deployment followed second is ECS's rollback (ecs-svc/3), not one of the action's own.
    expect(w.ecs.followed[1]).toMatchObject({ taskDefinitionArn: tdArn(1), deploymentId: 'ecs-svc/3' });
    expect(w.ecs.primary('web')?.taskDefinition).toBe(tdArn(1));
    expect(outcome).toMatchObject({
      status: 'failed',
      failureReason: 'circuit-breaker',
      rolledBack: true,
      rollback: { status: 'succeeded' },
      cause: 'deployment ecs-svc/2 was rolled back by the ECS deployment circuit breaker',
    });
    const log = w.log.messages();
    expect(log.indexOf('Rolling Back..')).toBeGreaterThan(-1);
    expect(log.indexOf('Rollback Successful.')).toBeGreaterThan(log.indexOf('Rolling Back..'));
  });

  it('makes no second deployment when the ECS circuit breaker already put the saved revision back', async () => {
    seedExisting();
    // What ECS does with deploymentCircuitBreaker.rollback: a new PRIMARY deployment of the previous revision.
    w.ecs.rollouts.push(circuitBreakerRollback({ completed: true }));
    const outcome = await deployService(w.deps(), w.plan({ sameAsRunning: true }));
    expect(updateInputs()).toHaveLength(1);
    expect(w.ecs.followed).toHaveLength(1);
    expect(w.aas.policyNames()).toEqual(['old-cpu']);
    expect(outcome).toMatchObject({ status: 'failed', failureReason: 'circuit-breaker', rolledBack: true });
    expect(outcome.rollback?.detail).toContain('ECS had already rolled service web back to');
  });

  it('still makes its own rollback deployment when ECS rolled back to a smaller count', async () => {
    seedExisting();
    // The update set the desired count to 2 (the service definition's); ECS rolled back at that count.
    w.ecs.rollouts.push(circuitBreakerRollback({ completed: true }));
    await deployService(w.deps(), w.plan());
    expect(updateInputs()[1]).toMatchObject({ taskDefinition: tdArn(1), desiredCount: 3, forceNewDeployment: true });
  });

  it('keeps the saved count when it is the larger one', async () => {
    seedExisting();
    w.ecs.rollouts.push(fails('tasks failed to start'));
    await deployService(w.deps(), w.plan({ desiredCount: 1 }));
    expect(updateInputs()[1]?.desiredCount).toBe(3);
  });

  it('keeps a third of the deadline for the rollback, so both fit inside timeout-minutes (issue 11 item 7)', async () => {
    seedExisting();
    // The deployment never completes; the rollback deployment takes 8 minutes to roll out.
    w.ecs.rollouts.push(neverCompletes(), rollsOut(8 * 60_000));
    const outcome = await deployService(w.deps(), w.plan());
    const [deployWait, rollbackWait] = w.ecs.followed;
    // The deployment's wait ends after two thirds of the 30 minutes; the rollback ends before the 30 minutes are up.
    expect((deployWait?.lastPolledAt ?? 0) - T0).toBeLessThanOrEqual(20 * 60_000);
    expect((deployWait?.lastPolledAt ?? 0) - T0).toBeGreaterThan(19 * 60_000);
    expect(rollbackWait?.lastPolledAt ?? Infinity).toBeLessThanOrEqual(T0 + 30 * 60_000);
    expect(outcome).toMatchObject({ status: 'failed', failureReason: 'timeout', rolledBack: true });
    expect(w.log.messages()).toContain('Waiting at most 20m; 10m of timeout-minutes is kept for a rollback.');
  });

  it('reports a failed rollback after the original cause', async () => {
    seedExisting();
    w.ecs.rollouts.push(fails('image pull failed'), fails('old revision does not start either'));
    const outcome = await deployService(w.deps(), w.plan());
    expect(outcome.rolledBack).toBe(false);
    expect(outcome.rollback?.status).toBe('failed');
    expect(outcome.cause?.startsWith('deployment ecs-svc/2 failed: image pull failed\nRollback failed: ')).toBe(true);
    expect(outcome.cause).toContain('old revision does not start either');
    expect(w.log.messages('error').some((m) => m.startsWith('Rollback Failed.'))).toBe(true);
  });

  it('when UpdateService itself fails, puts the auto scaling back and leaves the service alone', async () => {
    seedExisting();
    ecsMock.on(UpdateServiceCommand).rejects(
      Object.assign(new Error('Task definition does not support launch_type FARGATE.'), { name: 'InvalidParameterException', $metadata: {} }),
    );
    const outcome = await deployService(w.deps(), w.plan());
    expect(updateInputs()).toHaveLength(1);
    expect(w.aas.policyNames()).toEqual(['old-cpu']);
    expect(outcome).toMatchObject({ status: 'failed', failureReason: 'error', rolledBack: true });
    expect(outcome.cause).toContain('does not support launch_type FARGATE');
  });

  it('when UpdateService\'s answer is lost (5xx after retries), counts it as made and rolls the service back', async () => {
    seedExisting();
    ecsMock.on(UpdateServiceCommand).callsFakeOnce(() => {
      // ECS applied the update, but its answer never arrived.
      const svc = w.ecs.services.get('web');
      if (svc !== undefined) {
        svc.taskDefinition = tdArn(2);
        svc.deployments = [{ id: 'ecs-svc/lost', status: 'PRIMARY', taskDefinition: tdArn(2), rolloutState: 'IN_PROGRESS' }];
      }
      throw Object.assign(new Error('We encountered an internal error.'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } });
    });
    const outcome = await deployService(w.deps(), w.plan());
    // The failed update, then the rollback's own UpdateService back to the saved revision.
    expect(updateInputs()).toHaveLength(2);
    expect(updateInputs()[1]).toMatchObject({ taskDefinition: tdArn(1) });
    expect(outcome).toMatchObject({ status: 'failed', failureReason: 'error' });
    expect(outcome.cause).toContain('internal error');
  });

  it('does not undo a newer deployment that replaced ours', async () => {
    seedExisting();
    w.ecs.rollouts.push(replacedBy(tdArn(9)));
    const outcome = await deployService(w.deps(), w.plan());
    expect(updateInputs()).toHaveLength(1);
    expect(w.aas.policyNames()).toEqual(['old-cpu']);
    expect(outcome).toMatchObject({ status: 'failed', failureReason: 'replaced' });
  });

  it('leaves everything as it is with rollback-on-failure false, and says so', async () => {
    seedExisting();
    w.ecs.rollouts.push(fails('boom'));
    const outcome = await deployService(w.deps(), w.plan({ rollbackOnFailure: false }));
    expect(updateInputs()).toHaveLength(1);
    expect(outcome).toMatchObject({ status: 'failed', rolledBack: false, cause: 'deployment ecs-svc/2 failed: boom' });
    expect(outcome.rollback).toBeUndefined();
    expect(w.log.messages('warning').join('\n')).toContain('auto scaling was removed and is not restored');
  });

  it('with rollback-on-failure false, still puts back the auto scaling it removed when UpdateService was refused', async () => {
    seedExisting();
    ecsMock.on(UpdateServiceCommand).rejects(
      Object.assign(new Error('subnet-x does not exist'), { name: 'InvalidParameterException', $metadata: { httpStatusCode: 400 } }),
    );
    const outcome = await deployService(w.deps(), w.plan({ rollbackOnFailure: false }));
    expect(outcome).toMatchObject({ status: 'failed', rolledBack: false });
    expect(w.aas.policyNames()).toEqual(['old-cpu']);
  });
});

describe('cancellation (S10)', () => {
  it('rolls back when the workflow is cancelled during the wait', async () => {
    seedExisting();
    const cancel = new AbortController();
    const hard = new AbortController();
    w.ecs.rollouts.push(neverCompletes(() => cancel.abort(new CancelledError('SIGINT'))));
    const outcome = await deployService(w.deps({ signal: cancel.signal, hardSignal: hard.signal }), w.plan());
    // The DescribeServices of each wait carry its signal: the deployment's the first, the rollback's the second.
    expect(w.ecs.followed[0]?.signals[0]).toBe(cancel.signal);
    expect(updateInputs()[1]).toMatchObject({ taskDefinition: tdArn(1), forceNewDeployment: true });
    expect(w.ecs.followed[1]?.signals[0]).toBe(hard.signal);
    expect(outcome).toMatchObject({ status: 'failed', failureReason: 'cancelled', rolledBack: true });
  });

  it('abandons the rollback wait on the second signal and logs what it left behind', async () => {
    seedExisting();
    const cancel = new AbortController();
    const hard = new AbortController();
    w.ecs.rollouts.push(neverCompletes(() => cancel.abort(new CancelledError('SIGINT'))));
    w.ecs.rollouts.push(neverCompletes(() => hard.abort(new CancelledError('SIGTERM'))));
    const outcome = await deployService(w.deps({ signal: cancel.signal, hardSignal: hard.signal }), w.plan());
    expect(outcome.rollback?.status).toBe('abandoned');
    expect(outcome.rolledBack).toBe(false);
    expect(
      outcome.cause?.startsWith(
        'cancelled after 0s while waiting for deployment ecs-svc/2 of service web to reach a steady state: ' +
          'The workflow was cancelled (SIGINT received)\nRollback abandoned: ',
      ),
    ).toBe(true);
    const warning = w.log.messages('warning').find((m) => m.startsWith('Rollback abandoned:')) ?? '';
    expect(warning).toContain(w.ecs.primary('web')?.id ?? 'missing');
    expect(warning).toContain(tdArn(1));
    expect(warning).toContain('auto scaling was restored');
    expect(w.aas.policyNames()).toEqual(['old-cpu']);
  });

  it('changes nothing when cancelled before it starts', async () => {
    seedExisting();
    const cancel = new AbortController();
    cancel.abort(new CancelledError('SIGINT'));
    await expect(deployService(w.deps({ signal: cancel.signal }), w.plan())).rejects.toBeInstanceOf(CancelledError);
    expect(w.mutations()).toEqual([]);
  });
});
