import { describe, expect, it } from '@jest/globals';
import { wasRolledBack } from '../../../../src/core/action/deploy-report.js';
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
