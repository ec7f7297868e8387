import { describe, expect, it } from '@jest/globals';
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { alarmFailure, alarmOfCause } from '../../../../../src/core/deploy/watch/alarm-cause.js';
import { judgeDeployment } from '../../../../../src/core/deploy/watch/verdict.js';

const TD1 = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1';
const TD2 = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2';
const target = { deploymentId: 'ecs-svc/2', taskDefinitionArn: TD2 };

function service(deployments: Deployment[], alarmNames: string[] | undefined, events: string[] = []): Service {
  return {
    serviceName: 'web',
    status: 'ACTIVE',
    taskDefinition: deployments.find((d) => d.status === 'PRIMARY')?.taskDefinition,
    deploymentConfiguration: alarmNames === undefined ? {} : { alarms: { alarmNames, enable: true, rollback: true } },
    deployments,
    events: events.map((message, i) => ({ id: String(i), message })),
  };
}

const failed = (reason: string, status: 'PRIMARY' | 'ACTIVE'): Deployment => ({
  id: 'ecs-svc/2',
  status,
  taskDefinition: TD2,
  runningCount: 1,
  desiredCount: 2,
  rolloutState: 'FAILED',
  rolloutStateReason: reason,
});
const rollback: Deployment = { id: 'ecs-svc/3', status: 'PRIMARY', taskDefinition: TD1, rolloutState: 'IN_PROGRESS' };
const first = { lastSeen: undefined, missingTooLong: false };

describe('a deployment that an alarm failed names the alarm (S8, S9)', () => {
  it('rolled back by ECS: the alarm the reason names, not the circuit breaker', () => {
    const s = service([rollback, failed('ECS deployment alarms: alarm detected: web-5xx.', 'ACTIVE')], ['web', 'web-5xx', 'web-latency']);
    expect(judgeDeployment(s, target, first)).toEqual({
      kind: 'failure',
      reason: 'circuit-breaker',
      message: 'deployment ecs-svc/2 was rolled back by ECS because CloudWatch alarm web-5xx went into ALARM (ECS deployment alarms: alarm detected: web-5xx.)',
    });
  });

  it('when the reason names no alarm: the only one configured, or one of several', () => {
    const reason = 'ECS deployment failed: alarm detected.';
    const one = judgeDeployment(service([rollback, failed(reason, 'ACTIVE')], ['web-5xx']), target, first);
    expect(one).toMatchObject({ message: `deployment ecs-svc/2 was rolled back by ECS because CloudWatch alarm web-5xx went into ALARM (${reason})` });
    const two = judgeDeployment(service([rollback, failed(reason, 'ACTIVE')], ['web-5xx', 'web-latency']), target, first);
    expect(two).toMatchObject({ message: expect.stringContaining('because one of the CloudWatch alarms web-5xx, web-latency went into ALARM') });
    const none = judgeDeployment(service([rollback, failed(reason, 'ACTIVE')], undefined), target, first);
    expect(none).toMatchObject({ message: expect.stringContaining('because a CloudWatch alarm of the deployment went into ALARM') });
  });

  it("gone from the list: ECS's event `deployment failed: alarm detected.` says it was an alarm", () => {
    const lastSeen: Deployment = { id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: TD2, rolloutState: 'IN_PROGRESS' };
    const events = ['(service web) rolling back to deployment ecs-svc/1.', '(service web) (deployment ecs-svc/2) deployment failed: alarm detected.'];
    const verdict = judgeDeployment(service([rollback], ['web-5xx'], events), target, { lastSeen, missingTooLong: false });
    expect(verdict).toEqual({
      kind: 'failure',
      reason: 'circuit-breaker',
      message: 'deployment ecs-svc/2 was rolled back by ECS because CloudWatch alarm web-5xx went into ALARM',
    });
  });

  it('failed without a rollback (still PRIMARY): a failure naming the alarm', () => {
    const reason = 'ECS deployment alarms: alarm detected: web-5xx.';
    expect(judgeDeployment(service([failed(reason, 'PRIMARY')], ['web-5xx']), target, first)).toEqual({
      kind: 'failure',
      reason: 'failed',
      message: `deployment ecs-svc/2 failed because CloudWatch alarm web-5xx went into ALARM (${reason})`,
    });
  });

  it('the circuit breaker is still the circuit breaker, even with alarms configured', () => {
    const reason = 'ECS deployment circuit breaker: tasks failed to start.';
    const events = ['(service web) (deployment ecs-svc/2) deployment failed: tasks failed to start.'];
    expect(judgeDeployment(service([rollback, failed(reason, 'ACTIVE')], ['web-5xx'], events), target, first)).toMatchObject({
      message: `deployment ecs-svc/2 was rolled back by the ECS deployment circuit breaker (${reason})`,
    });
    expect(judgeDeployment(service([failed(reason, 'PRIMARY')], ['web-5xx']), target, first)).toMatchObject({
      message: `deployment ecs-svc/2 failed: ${reason}`,
    });
  });

  it("another deployment's alarm event is not ours", () => {
    const events = ['(service web) (deployment ecs-svc/1) deployment failed: alarm detected.'];
    expect(alarmFailure(service([], ['web-5xx'], events), 'ecs-svc/2', 'ECS deployment circuit breaker: tasks failed to start.')).toBeUndefined();
    expect(alarmFailure(service([], ['web-5xx'], events), 'ecs-svc/1', undefined)).toBe('CloudWatch alarm web-5xx went into ALARM');
  });
});

describe('alarmOfCause', () => {
  it('reads the alarm back from the first line of a cause, and nothing from other causes', () => {
    expect(alarmOfCause('deployment ecs-svc/2 was rolled back by ECS because CloudWatch alarm web-5xx went into ALARM (x)\nRollback succeeded: y')).toBe(
      'CloudWatch alarm web-5xx',
    );
    expect(alarmOfCause('deployment ecs-svc/2 failed because one of the CloudWatch alarms a, b went into ALARM (x)')).toBe('one of the CloudWatch alarms a, b');
    expect(alarmOfCause('deployment ecs-svc/2 was rolled back by the ECS deployment circuit breaker (x)')).toBeUndefined();
    expect(alarmOfCause('timed out\nmentions CloudWatch alarm z went into ALARM only later')).toBeUndefined();
  });
});
