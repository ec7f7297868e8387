/**
 * ECS's service deployments: the history (R7) through ListServiceDeployments, DescribeServiceDeployments and
 * DescribeServiceRevisions, paged and batched as the API requires; and the native deployments' controls (N3, N4):
 * ContinueServiceDeployment (a PAUSE hook) and StopServiceDeployment (ROLLBACK).
 */
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  ListServiceDeploymentsCommand,
  StopServiceDeploymentCommand,
} from '@aws-sdk/client-ecs';
import type {
  DeploymentLifecycleHookAction,
  ECSClient,
  ListServiceDeploymentsCommandOutput,
  ServiceDeployment,
  ServiceDeploymentBrief,
  ServiceDeploymentStatus,
  ServiceRevision,
} from '@aws-sdk/client-ecs';
import { httpOptions, type AwsCallOptions } from '../aws/call-options.js';

/** DescribeServiceDeployments and DescribeServiceRevisions take at most 20 ARNs a call. */
export const DESCRIBE_DEPLOYMENTS_BATCH = 20;

export interface ListServiceDeploymentsRequest {
  cluster: string;
  service: string;
  status?: ServiceDeploymentStatus[];
  /** Only deployments created after this time (`createdAt.after`). */
  createdAfter?: Date;
  /** Pages of 100 read at most. */
  maxPages: number;
}

export async function listServiceDeployments(
  ecs: ECSClient,
  req: ListServiceDeploymentsRequest,
  opts: AwsCallOptions = {},
): Promise<ServiceDeploymentBrief[]> {
  const all: ServiceDeploymentBrief[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < req.maxPages; page++) {
    opts.onCall?.('ListServiceDeployments');
    const out: ListServiceDeploymentsCommandOutput = await ecs.send(
      new ListServiceDeploymentsCommand({
        cluster: req.cluster,
        service: req.service,
        ...(req.status !== undefined ? { status: req.status } : {}),
        ...(req.createdAfter !== undefined ? { createdAt: { after: req.createdAfter } } : {}),
        maxResults: 100,
        ...(nextToken !== undefined ? { nextToken } : {}),
      }),
      httpOptions(opts),
    );
    all.push(...(out.serviceDeployments ?? []));
    nextToken = out.nextToken;
    if (nextToken === undefined || nextToken === '') break;
  }
  return all;
}

export async function describeServiceDeployments(
  ecs: ECSClient,
  arns: readonly string[],
  opts: AwsCallOptions = {},
): Promise<ServiceDeployment[]> {
  const all: ServiceDeployment[] = [];
  for (let i = 0; i < arns.length; i += DESCRIBE_DEPLOYMENTS_BATCH) {
    opts.onCall?.('DescribeServiceDeployments');
    const batch = arns.slice(i, i + DESCRIBE_DEPLOYMENTS_BATCH);
    const out = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: batch }), httpOptions(opts));
    all.push(...(out.serviceDeployments ?? []));
  }
  return all;
}

export async function describeServiceRevisions(
  ecs: ECSClient,
  arns: readonly string[],
  opts: AwsCallOptions = {},
): Promise<ServiceRevision[]> {
  const all: ServiceRevision[] = [];
  for (let i = 0; i < arns.length; i += DESCRIBE_DEPLOYMENTS_BATCH) {
    opts.onCall?.('DescribeServiceRevisions');
    const batch = arns.slice(i, i + DESCRIBE_DEPLOYMENTS_BATCH);
    const out = await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: batch }), httpOptions(opts));
    all.push(...(out.serviceRevisions ?? []));
  }
  return all;
}

/** N3: answers a PAUSE lifecycle hook that is AWAITING_ACTION with CONTINUE or ROLLBACK. */
export async function continueServiceDeployment(
  ecs: ECSClient,
  req: { serviceDeploymentArn: string; hookId: string; action: DeploymentLifecycleHookAction },
  opts: AwsCallOptions = {},
): Promise<void> {
  opts.onCall?.('ContinueServiceDeployment');
  await ecs.send(new ContinueServiceDeploymentCommand(req), httpOptions(opts));
}

/** N4: stops a service deployment in progress and has ECS roll the service back to its source revision. */
export async function stopServiceDeployment(ecs: ECSClient, serviceDeploymentArn: string, opts: AwsCallOptions = {}): Promise<void> {
  opts.onCall?.('StopServiceDeployment');
  await ecs.send(new StopServiceDeploymentCommand({ serviceDeploymentArn, stopType: 'ROLLBACK' }), httpOptions(opts));
}
