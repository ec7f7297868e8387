/**
 * N3, N4: the native deployment a later job acts on (`mode: continue`, `mode: rollback`): the service's newest
 * service deployment that is PENDING or IN_PROGRESS, described, with the task definitions of its target and source
 * revisions (for the report and the stopped tasks).
 */
import type { ServiceDeployment } from '@aws-sdk/client-ecs';
import { describeServiceDeployments, describeServiceRevisions, listServiceDeployments } from '../../ecs/service-deployments.js';
import type { WatchDeps } from '../watch/index.js';
import { ONGOING_STATUSES } from './stages.js';

export interface InProgress {
  deployment: ServiceDeployment;
  serviceDeploymentArn: string;
  /** The task definition the deployment rolls out (its target revision's). */
  taskDefinitionArn: string;
  /** The task definition of its (first) source revision: what a rollback goes back to. */
  sourceTaskDefinitionArn: string | undefined;
}

export async function deploymentInProgress(deps: WatchDeps, cluster: string, service: string): Promise<InProgress | undefined> {
  const listed = await listServiceDeployments(deps.ecs, { cluster, service, status: [...ONGOING_STATUSES], maxPages: 1 });
  const newest = [...listed].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
  if (newest?.serviceDeploymentArn === undefined) return undefined;
  const [deployment] = await describeServiceDeployments(deps.ecs, [newest.serviceDeploymentArn]);
  if (deployment === undefined) return undefined;
  const target = deployment.targetServiceRevision?.arn;
  const source = deployment.sourceServiceRevisions?.[0]?.arn;
  const arns = [target, source].filter((a): a is string => a !== undefined);
  const revisions = arns.length > 0 ? await describeServiceRevisions(deps.ecs, arns) : [];
  const taskDefinitionOf = (arn: string | undefined): string | undefined => revisions.find((r) => r.serviceRevisionArn === arn)?.taskDefinition;
  return {
    deployment,
    serviceDeploymentArn: newest.serviceDeploymentArn,
    taskDefinitionArn: taskDefinitionOf(target) ?? '',
    sourceTaskDefinitionArn: taskDefinitionOf(source),
  };
}

/** `mode: continue` / `mode: rollback` found nothing to act on. */
export function noDeploymentInProgress(service: string, cluster: string, what: string): Error {
  return new Error(
    `service ${service} in cluster ${cluster} has no service deployment in progress (PENDING or IN_PROGRESS) to ${what}: ` +
      'it may have ended already (see ListServiceDeployments), or the deploy job has not started it',
  );
}
