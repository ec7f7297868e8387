/**
 * The three ways a deployment changes a service, as separate steps: create (R2: after waiting out a DRAINING
 * service of that name), update (R3–R5) and replace (delete, wait INACTIVE, create: C1, B2). Each returns what it
 * changed and, when it did not get through, a failure value; none edits shared state.
 *
 * A mutation whose answer was lost (a timeout or 5xx after the SDK's retries) may still have been applied by ECS,
 * so it counts as a change and a failure rolls it back (R6); only an error ECS answered with a refusal (invalid
 * parameter, access denied...) means nothing changed.
 */
import type { CreateServiceCommandInput, Service, UpdateServiceCommandInput } from '@aws-sdk/client-ecs';
import { classifyAwsError } from '../aws/errors.js';
import { createService, deleteService, describeServiceAnyStatus, updateService } from '../ecs/services.js';
import { describeError } from '../errors.js';
import type { Failure } from './outcome.js';
import { RESTORABLE_SERVICE_FIELDS, type RestorableServiceField } from './snapshot.js';
import type { Deadline } from '../time.js';
import { waitForServiceInactive, type ServiceWaitRequest, type WatchDeps } from './watch/index.js';

/** What a step did to the service. */
export interface ServiceChange {
  /** True once ECS may have applied the mutation (also when its answer was lost). */
  changed: boolean;
  /** The service as CreateService / UpdateService returned it. */
  service?: Service;
  /** The restorable settings an UpdateService set (R6 puts them back). */
  changedFields: RestorableServiceField[];
  /** The desired count an UpdateService set, when it set one (R6 puts the saved one back). */
  desiredCount?: number;
}

export interface StepResult {
  change: ServiceChange;
  failure?: Failure;
  /** A create found the service created meanwhile by someone else (another run): this run changed nothing. */
  createdElsewhere?: boolean;
}

/** Where and how long a step may wait (for a DRAINING or deleted service to become INACTIVE). */
export interface StepWait extends Pick<ServiceWaitRequest, 'signal' | 'seenEventIds' | 'pollIntervalMs'> {
  deadline: Deadline;
}

const UNCHANGED: ServiceChange = { changed: false, changedFields: [] };

export async function createStep(deps: WatchDeps, input: CreateServiceCommandInput, wait: StepWait & { draining: boolean }): Promise<StepResult> {
  const { log } = deps;
  const name = input.serviceName ?? '';
  if (wait.draining) {
    const drained = await log.group(`Wait for the DRAINING service ${name} to become INACTIVE`, () =>
      waitForServiceInactive(deps, inactiveRequest(input.cluster ?? 'default', name, wait)),
    );
    if (!drained.ok) {
      return { change: UNCHANGED, failure: { reason: drained.reason, message: `an earlier service ${name} is still DRAINING: ${drained.message}`, stoppedTasks: [] } };
    }
  }
  const created = await log.group(`Create service ${name}`, async () => {
    log.info(`Creating service ${name} with ${input.taskDefinition ?? ''}, desired count ${input.desiredCount ?? '-'}`);
    return mutation(() => createService(deps.ecs, input), []);
  });
  return created.failure === undefined || created.change.changed ? created : noticeCreatedElsewhere(deps, input, created);
}

/**
 * A CreateService ECS refused may have lost a race: another run created the service between this run's snapshot
 * and its create. Then the failure says so (reason `replaced`), and this run is not the service's first deployment.
 */
async function noticeCreatedElsewhere(deps: WatchDeps, input: CreateServiceCommandInput, refused: StepResult): Promise<StepResult> {
  const name = input.serviceName ?? '';
  const now = await describeServiceAnyStatus(deps.ecs, input.cluster ?? 'default', name).catch(() => undefined);
  if (now?.status !== 'ACTIVE' || refused.failure === undefined) return refused;
  const message =
    `another deployment created service ${name} while this one was preparing its first deployment, so this run ` +
    `changed nothing (CreateService: ${refused.failure.message})`;
  return { change: refused.change, failure: { ...refused.failure, reason: 'replaced', message }, createdElsewhere: true };
}

export async function updateStep(
  deps: WatchDeps,
  input: UpdateServiceCommandInput,
  before?: () => Promise<void>,
): Promise<StepResult> {
  return deps.log.group(`Update service ${input.service ?? ''}`, async () => {
    await before?.();
    const changedFields = RESTORABLE_SERVICE_FIELDS.filter((k) => input[k] !== undefined);
    const result = await mutation(() => updateService(deps.ecs, input), changedFields);
    if (result.change.changed && input.desiredCount !== undefined) result.change.desiredCount = input.desiredCount;
    return result;
  });
}

/** C1, B2: delete the live service (force), wait until it is INACTIVE, then create it again from `input`. */
export async function replaceStep(deps: WatchDeps, input: CreateServiceCommandInput, wait: StepWait): Promise<StepResult> {
  const { log } = deps;
  const cluster = input.cluster ?? 'default';
  const name = input.serviceName ?? '';
  const deleted = await log.group(`Delete service ${name}`, async () => {
    log.info(`Deleting service ${name}..`);
    return mutation(() => deleteService(deps.ecs, cluster, name), []);
  });
  if (deleted.failure !== undefined) return deleted;
  const gone = await waitForServiceInactive(deps, inactiveRequest(cluster, name, wait));
  if (!gone.ok) {
    return { change: deleted.change, failure: { reason: gone.reason, message: `service ${name} did not become INACTIVE: ${gone.message}`, stoppedTasks: [] } };
  }
  return createStep(deps, input, { ...wait, draining: false });
}

async function mutation(send: () => Promise<Service | undefined>, changedFields: RestorableServiceField[]): Promise<StepResult> {
  try {
    const service = await send();
    return { change: { changed: true, changedFields, ...(service !== undefined ? { service } : {}) } };
  } catch (e) {
    const changed = classifyAwsError(e) !== 'fatal';
    return { change: { changed, changedFields: changed ? changedFields : [] }, failure: { reason: 'error', message: describeError(e), stoppedTasks: [] } };
  }
}

function inactiveRequest(cluster: string, service: string, wait: StepWait): ServiceWaitRequest {
  return {
    cluster,
    service,
    deadline: wait.deadline,
    ...(wait.seenEventIds !== undefined ? { seenEventIds: wait.seenEventIds } : {}),
    ...(wait.signal !== undefined ? { signal: wait.signal } : {}),
    ...(wait.pollIntervalMs !== undefined ? { pollIntervalMs: wait.pollIntervalMs } : {}),
  };
}
