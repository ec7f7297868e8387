import { describe, expect, it } from '@jest/globals';
import { changeRows, resultRow, rollbackRows, wasRolledBack } from '../../../../src/core/action/deploy-report.js';
import type { Outcome } from '../../../../src/core/deploy/outcome.js';

const outcome = (patch: Partial<Outcome>): Outcome => ({ status: 'failed', rolledBack: false, ...patch }) as Outcome;

describe('rolledBack output (R8)', () => {
  it('is true when this action rolled the service back', () => {
    expect(wasRolledBack(outcome({ rolledBack: true, rollback: { status: 'succeeded', detail: '' } }))).toBe(true);
  });

  it('is true when ECS rolled back by itself, completed, and this action did not roll back itself', () => {
    const completed = { taskDefinitionArn: 'web:1', deploymentId: 'ecs-svc/3', completed: true };
    expect(wasRolledBack(outcome({ failureReason: 'circuit-breaker', ecsRollback: completed }))).toBe(true);
  });

  it("is false while ECS's own rollback is still in progress, or when nothing said it rolled back (issue 11)", () => {
    const underway = { taskDefinitionArn: 'web:1', deploymentId: 'ecs-svc/3', completed: false };
    expect(wasRolledBack(outcome({ failureReason: 'circuit-breaker', ecsRollback: underway }))).toBe(false);
    expect(wasRolledBack(outcome({ failureReason: 'circuit-breaker' }))).toBe(false);
  });

  it('is false when this action\'s rollback failed or was abandoned, even after a circuit breaker trip', () => {
    expect(wasRolledBack(outcome({ failureReason: 'circuit-breaker', rollback: { status: 'failed', detail: '' } }))).toBe(false);
    expect(wasRolledBack(outcome({ failureReason: 'circuit-breaker', rollback: { status: 'abandoned', detail: '' } }))).toBe(false);
  });

  it('is false for a failure nobody rolled back', () => {
    expect(wasRolledBack(outcome({ failureReason: 'failed' }))).toBe(false);
  });
});

describe('Change row (issue 11 item 5)', () => {
  it('says an update that started no new deployment was a scale change, and what changed', () => {
    const scaled = outcome({ status: 'succeeded', change: 'scale', changeDetail: 'no new deployment: only the desired count changed from 2 to 4' });
    expect(changeRows(scaled)).toEqual([['Change', 'scale change, no new deployment: only the desired count changed from 2 to 4']]);
  });

  it('adds no row for a deployment', () => {
    expect(changeRows(outcome({ status: 'succeeded', change: 'deployment' }))).toEqual([]);
    expect(changeRows(outcome({ status: 'failed' }))).toEqual([]);
  });
});

describe('the Result and Rollback rows name an alarm that failed the deployment (S8)', () => {
  const byAlarm = 'deployment ecs-svc/2 was rolled back by ECS because CloudWatch alarm web-5xx went into ALARM (r)';
  const ecsRollback = { taskDefinitionArn: 'web:1', deploymentId: 'ecs-svc/3', completed: true };

  it('an alarm rollback says the alarm, not the circuit breaker', () => {
    const o = outcome({ failureReason: 'circuit-breaker', cause: byAlarm, ecsRollback });
    expect(resultRow(o)).toEqual(['Result', 'failed: rolled back by ECS (CloudWatch alarm web-5xx)']);
    expect(rollbackRows(o)).toEqual([['Rollback', 'by ECS (CloudWatch alarm web-5xx): ECS rolled the service back to web:1.']]);
  });

  it('a deployment an alarm failed without a rollback says the alarm too', () => {
    const o = outcome({ failureReason: 'failed', cause: 'deployment ecs-svc/2 failed because CloudWatch alarm web-5xx went into ALARM (r)' });
    expect(resultRow(o)).toEqual(['Result', 'failed: the deployment failed (CloudWatch alarm web-5xx)']);
  });

  it('a circuit breaker rollback says the circuit breaker', () => {
    const o = outcome({ failureReason: 'circuit-breaker', cause: 'deployment ecs-svc/2 was rolled back by the ECS deployment circuit breaker (r)', ecsRollback });
    expect(resultRow(o)).toEqual(['Result', 'failed: rolled back by ECS (deployment circuit breaker)']);
    expect(rollbackRows(o)).toEqual([['Rollback', 'by ECS (deployment circuit breaker): ECS rolled the service back to web:1.']]);
  });
});
