/**
 * How near the end of an ECS-native service deployment is (issue 17; the policy is src/core/poll/pace.ts), from
 * DescribeServiceDeployments and DescribeServices:
 * - rolling back or stopping, or a task of the new revision failed: near (ECS's verdict may come any moment);
 * - waiting for a lifecycle stage (`wait-until: ecs:<STAGE>`) and in the stage just before it: near;
 * - BAKE_TIME with the service's `bakeTimeInMinutes`: the end is expected when the bake ends (from when this wait
 *   first saw the stage); CLEAN_UP, or BAKE_TIME without it: near (the last stage);
 * - any other stage: idle since the stage began, as this wait saw it (scaling up, shifting traffic: nothing ends).
 */
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs';
import type { PaceHint } from '../../poll/index.js';
import { UNWINDING_STATUSES, stageIndex, type WaitUntil } from './stages.js';

export class NativePace {
  private stage: string | undefined;
  private stageSince = 0;

  hint(sd: ServiceDeployment, service: Service, waitUntil: WaitUntil, failing: boolean, now: number): PaceHint {
    if (sd.lifecycleStage !== this.stage) {
      this.stage = sd.lifecycleStage;
      this.stageSince = now;
    }
    if (failing || (UNWINDING_STATUSES as readonly string[]).includes(sd.status ?? '')) return { kind: 'near' };
    if (waitUntil.kind === 'stage' && stageIndex(sd.lifecycleStage) >= stageIndex(waitUntil.stage) - 1) return { kind: 'near' };
    if (sd.lifecycleStage === 'BAKE_TIME') {
      const bake = service.deploymentConfiguration?.bakeTimeInMinutes;
      return bake !== undefined ? { kind: 'eta', at: this.stageSince + bake * 60_000 } : { kind: 'near' };
    }
    if (sd.lifecycleStage === 'CLEAN_UP') return { kind: 'near' };
    return { kind: 'idle', since: this.stageSince };
  }
}
