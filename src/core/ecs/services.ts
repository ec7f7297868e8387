/**
 * Services: the ECS calls every action makes on a service — describe (one or many, with tags), create, update,
 * delete, tag and untag. Thin: no logging, no waiting; the deploy code decides what a call means.
 */
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import type { CreateServiceCommandInput, ECSClient, Service, Tag, UpdateServiceCommandInput } from '@aws-sdk/client-ecs';
import { randomUUID } from 'node:crypto';
import { httpOptions } from '../aws/call-options.js';
import { hasErrorName } from '../aws/errors.js';
import { EcsFailureError } from './failures.js';
import type { AwsCallOptions } from '../aws/call-options.js';

/** DescribeServices accepts at most 10 services a call. */
export const DESCRIBE_SERVICES_BATCH = 10;

export interface DescribeServicesOptions extends AwsCallOptions {
  /** Also return each service's tags (`include: ['TAGS']`). */
  tags?: boolean;
}

/**
 * DescribeServices for one service. Returns the service whatever its status (ACTIVE, DRAINING, INACTIVE), with its
 * deployments and its most recent events (ECS returns up to 100, newest first), or undefined when ECS reports it
 * MISSING. Other `failures` entries throw EcsFailureError; SDK errors (ClusterNotFoundException...) propagate.
 */
export async function describeServiceAnyStatus(
  ecs: ECSClient,
  cluster: string,
  service: string,
  opts: DescribeServicesOptions = {},
): Promise<Service | undefined> {
  const found = await describeServices(ecs, cluster, [service], opts);
  return found.get(service);
}

/** Like describeServiceAnyStatus, but an INACTIVE service (deleted, still listed for a while) is undefined too. */
export async function describeService(
  ecs: ECSClient,
  cluster: string,
  service: string,
  opts: DescribeServicesOptions = {},
): Promise<Service | undefined> {
  const found = await describeServiceAnyStatus(ecs, cluster, service, opts);
  return found?.status === 'INACTIVE' ? undefined : found;
}

/**
 * DescribeServices for several services (batches of 10), keyed by the name or ARN asked for. A service ECS reports
 * MISSING is absent from the map; any other failure throws EcsFailureError.
 */
export async function describeServices(
  ecs: ECSClient,
  cluster: string,
  services: readonly string[],
  opts: DescribeServicesOptions = {},
): Promise<Map<string, Service>> {
  const result = new Map<string, Service>();
  for (let i = 0; i < services.length; i += DESCRIBE_SERVICES_BATCH) {
    const batch = services.slice(i, i + DESCRIBE_SERVICES_BATCH);
    opts.onCall?.('DescribeServices');
    const input = { cluster, services: batch, ...(opts.tags === true ? { include: ['TAGS' as const] } : {}) };
    const out = await ecs.send(new DescribeServicesCommand(input), httpOptions(opts));
    for (const found of out.services ?? []) {
      // One name asked, one service answered: that is it (whatever form of the name the answer uses).
      const asked = batch.length === 1 ? batch[0] : batch.find((s) => s === found.serviceName || s === found.serviceArn);
      if (asked !== undefined) result.set(asked, found);
    }
    for (const failure of out.failures ?? []) {
      if (failure.reason !== 'MISSING') throw new EcsFailureError('DescribeServices', failure);
    }
  }
  return result;
}

/** CreateService. A client token (kept when the input has one) makes the SDK's own retries idempotent. */
export async function createService(ecs: ECSClient, input: CreateServiceCommandInput, opts: AwsCallOptions = {}): Promise<Service | undefined> {
  opts.onCall?.('CreateService');
  const idempotent = { ...input, clientToken: input.clientToken ?? randomUUID() };
  return (await ecs.send(new CreateServiceCommand(idempotent), httpOptions(opts))).service;
}

export async function updateService(ecs: ECSClient, input: UpdateServiceCommandInput, opts: AwsCallOptions = {}): Promise<Service | undefined> {
  opts.onCall?.('UpdateService');
  return (await ecs.send(new UpdateServiceCommand(input), httpOptions(opts))).service;
}

/**
 * DeleteService with `force` (a service scaled above 0 can be deleted; its tasks are stopped). Returns the
 * DRAINING service, or undefined when ECS no longer knows it (ServiceNotFoundException): already gone.
 */
export async function deleteService(
  ecs: ECSClient,
  cluster: string,
  service: string,
  opts: AwsCallOptions = {},
): Promise<Service | undefined> {
  opts.onCall?.('DeleteService');
  try {
    return (await ecs.send(new DeleteServiceCommand({ cluster, service, force: true }), httpOptions(opts))).service ?? {};
  } catch (e) {
    if (hasErrorName(e, 'ServiceNotFoundException')) return undefined;
    throw e;
  }
}

/** TagResource on a service, task definition or cluster ARN (adds or overwrites the given keys). */
export async function tagResource(ecs: ECSClient, resourceArn: string, tags: readonly Tag[], opts: AwsCallOptions = {}): Promise<void> {
  if (tags.length === 0) return;
  opts.onCall?.('TagResource');
  await ecs.send(new TagResourceCommand({ resourceArn, tags: [...tags] }), httpOptions(opts));
}

export async function untagResource(ecs: ECSClient, resourceArn: string, tagKeys: readonly string[], opts: AwsCallOptions = {}): Promise<void> {
  if (tagKeys.length === 0) return;
  opts.onCall?.('UntagResource');
  await ecs.send(new UntagResourceCommand({ resourceArn, tagKeys: [...tagKeys] }), httpOptions(opts));
}

/** The value of tag `key` of a described service (DescribeServices with `tags: true`). */
export function tagValue(service: Service | undefined, key: string): string | undefined {
  return service?.tags?.find((t) => t.key === key)?.value;
}
