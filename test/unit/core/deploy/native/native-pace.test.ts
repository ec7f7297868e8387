import { describe, expect, it } from '@jest/globals';
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import { NativePace } from '../../../../../src/core/deploy/native/native-pace.js';

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
const sd = (lifecycleStage: string, status = 'IN_PROGRESS'): ServiceDeployment => ({ lifecycleStage, status }) as ServiceDeployment;
const service = (bakeTimeInMinutes?: number): Service => ({ deploymentConfiguration: bakeTimeInMinutes === undefined ? {} : { bakeTimeInMinutes } });

describe('NativePace: how near an ECS-native deployment is to its end (issue 17)', () => {
  it('is idle while scaling up or shifting traffic, since the stage began', () => {
    const pace = new NativePace();
    expect(pace.hint(sd('SCALE_UP'), service(), { kind: 'deployed' }, false, T0)).toEqual({ kind: 'idle', since: T0 });
    expect(pace.hint(sd('SCALE_UP'), service(), { kind: 'deployed' }, false, T0 + 5000)).toEqual({ kind: 'idle', since: T0 });
    expect(pace.hint(sd('PRODUCTION_TRAFFIC_SHIFT'), service(), { kind: 'deployed' }, false, T0 + 9000)).toEqual({ kind: 'idle', since: T0 + 9000 });
  });

  it('expects the end when the bake time is over, and is near in the last stage or without a bake time', () => {
    const pace = new NativePace();
    expect(pace.hint(sd('BAKE_TIME'), service(2), { kind: 'deployed' }, false, T0)).toEqual({ kind: 'eta', at: T0 + 120_000 });
    expect(pace.hint(sd('BAKE_TIME'), service(2), { kind: 'deployed' }, false, T0 + 60_000)).toEqual({ kind: 'eta', at: T0 + 120_000 });
    expect(pace.hint(sd('CLEAN_UP'), service(2), { kind: 'deployed' }, false, T0 + 121_000)).toEqual({ kind: 'near' });
    expect(new NativePace().hint(sd('BAKE_TIME'), service(), { kind: 'deployed' }, false, T0)).toEqual({ kind: 'near' });
  });

  it('is near when a task failed, while ECS rolls back, and in the stage before the one waited for', () => {
    const pace = new NativePace();
    expect(pace.hint(sd('SCALE_UP'), service(), { kind: 'deployed' }, true, T0)).toEqual({ kind: 'near' });
    expect(pace.hint(sd('SCALE_UP', 'ROLLBACK_IN_PROGRESS'), service(), { kind: 'deployed' }, false, T0)).toEqual({ kind: 'near' });
    const until = { kind: 'stage' as const, stage: 'POST_TEST_TRAFFIC_SHIFT' as const };
    expect(pace.hint(sd('POST_SCALE_UP'), service(), until, false, T0)).toEqual({ kind: 'idle', since: T0 });
    expect(pace.hint(sd('TEST_TRAFFIC_SHIFT'), service(), until, false, T0)).toEqual({ kind: 'near' });
  });
});
