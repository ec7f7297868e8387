import { describe, expect, it } from '@jest/globals';
import { wasRolledBack } from '../../../../src/core/action/deploy-report.js';
import type { Outcome } from '../../../../src/core/deploy/outcome.js';

const outcome = (patch: Partial<Outcome>): Outcome => ({ status: 'failed', rolledBack: false, ...patch }) as Outcome;

describe('rolledBack output (R8)', () => {
  it('is true when this action rolled the service back', () => {
    expect(wasRolledBack(outcome({ rolledBack: true, rollback: { status: 'succeeded', detail: '' } }))).toBe(true);
  });

  it('is true when the ECS circuit breaker rolled back and this action did not roll back itself', () => {
    expect(wasRolledBack(outcome({ failureReason: 'circuit-breaker' }))).toBe(true);
  });

  it('is false when this action\'s rollback failed or was abandoned, even after a circuit breaker trip', () => {
    expect(wasRolledBack(outcome({ failureReason: 'circuit-breaker', rollback: { status: 'failed', detail: '' } }))).toBe(false);
    expect(wasRolledBack(outcome({ failureReason: 'circuit-breaker', rollback: { status: 'abandoned', detail: '' } }))).toBe(false);
  });

  it('is false for a failure nobody rolled back', () => {
    expect(wasRolledBack(outcome({ failureReason: 'failed' }))).toBe(false);
  });
});
