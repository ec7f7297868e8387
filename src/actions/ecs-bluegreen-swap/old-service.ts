/**
 * The old service after a swap (B5) and in a rollback (B6): downsized to 0 with its auto scaling suspended and
 * its count before kept in a tag (the service is kept, not deleted); restored to that count with its auto scaling
 * resumed, re-created from its last description when it was deleted. Colours are set only where they differ.
 */
import type { Service } from '@aws-sdk/client-ecs';
import { describeScalableTargets } from '../../core/autoscaling/describe.js';
import { resumeAutoScaling, suspendAutoScaling } from '../../core/autoscaling/suspension.js';
import { createServiceInputFromLive } from '../../core/ecs/service-from-live.js';
import { createService, tagResource, tagValue, updateService } from '../../core/ecs/services.js';
import { waitForServiceStable } from '../../core/deploy/index.js';
import { COLOUR_TAG, DOWNSIZED_FROM_TAG, colourOf } from './colours.js';
import type { BlueGreenDeps } from './deps.js';

/** Tags `service` with BG_VERSION=`colour` unless it already has it. Never interrupted by a cancel. */
export async function setColour(deps: BlueGreenDeps, service: Service | undefined, colour: string): Promise<boolean> {
  if (service?.serviceArn === undefined || colourOf(service) === colour) return false;
  await tagResource(deps.ecs, service.serviceArn, [{ key: COLOUR_TAG, value: colour }]);
  deps.log.info(`Tagged service ${service.serviceName ?? ''} ${COLOUR_TAG}=${colour}`);
  return true;
}

/** B5: suspend the auto scaling, remember the desired count in a tag, set it to 0. */
export async function downsize(deps: BlueGreenDeps, cluster: string, service: Service): Promise<string> {
  const name = service.serviceName ?? '';
  const count = service.desiredCount ?? 0;
  if (count === 0) return `Old service ${name} is already at desired count 0.`;
  const targets = await describeScalableTargets(deps.autoscaling, cluster, name);
  await suspendAutoScaling(deps.autoscaling, targets, deps.log);
  if (service.serviceArn !== undefined) await tagResource(deps.ecs, service.serviceArn, [{ key: DOWNSIZED_FROM_TAG, value: String(count) }]);
  await updateService(deps.ecs, { cluster, service: name, desiredCount: 0 });
  return `Old service ${name} downsized from ${count} to 0 (kept, not deleted; its auto scaling suspended).`;
}

/** The count to restore: the one the swap recorded, else the live one. */
function savedCount(service: Service): number {
  const tagged = Number(tagValue(service, DOWNSIZED_FROM_TAG));
  return Number.isInteger(tagged) && tagged > 0 ? tagged : (service.desiredCount ?? 0);
}

/**
 * B6: the old service back at its saved desired count with its auto scaling resumed (re-created from its last
 * description when it was deleted), then waited steady. Returns what it did, or throws.
 */
export async function restoreOld(deps: BlueGreenDeps, cluster: string, service: Service): Promise<string[]> {
  const name = service.serviceName ?? '';
  const done: string[] = [];
  const count = savedCount(service);
  if (service.status !== 'ACTIVE') {
    const taskDefinition = service.taskDefinition ?? '';
    await createService(deps.ecs, createServiceInputFromLive(service, cluster, { serviceName: name, taskDefinition, desiredCount: count }));
    done.push(`Re-created old service ${name} (${taskDefinition}, desired count ${count}).`);
  } else if ((service.desiredCount ?? 0) !== count) {
    await updateService(deps.ecs, { cluster, service: name, desiredCount: count });
    done.push(`Old service ${name} scaled back to ${count}.`);
  }
  const targets = await describeScalableTargets(deps.autoscaling, cluster, name);
  const suspended = targets.filter((t) => t.SuspendedState?.DynamicScalingInSuspended === true || t.SuspendedState?.DynamicScalingOutSuspended === true);
  if (suspended.length > 0) {
    const none = { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false };
    await resumeAutoScaling(deps.autoscaling, suspended.map((t) => ({ ...t, SuspendedState: none })), deps.log);
    done.push(`Resumed the auto scaling of ${name}.`);
  }
  if (done.length > 0 && count > 0) {
    const steady = await deps.log.group(`Wait for service ${name} to reach a steady state`, () =>
      waitForServiceStable(deps, { cluster, service: name, deadline: deps.deadline, signal: deps.hardSignal }),
    );
    if (!steady.ok) throw new Error(`old service ${name} did not reach a steady state: ${steady.message}`);
  }
  return done;
}

/** B6: the new service scaled to 0 (its tasks stop); kept, so a later deploy replaces it. */
export async function scaleToZero(deps: BlueGreenDeps, cluster: string, service: Service | undefined): Promise<string | undefined> {
  if (service?.status !== 'ACTIVE' || (service.desiredCount ?? 0) === 0) return undefined;
  await updateService(deps.ecs, { cluster, service: service.serviceName ?? '', desiredCount: 0 });
  return `New service ${service.serviceName ?? ''} scaled to 0.`;
}
