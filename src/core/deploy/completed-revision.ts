/**
 * R1, R6: the revision a rollback goes back to is the one of the last deployment that COMPLETED — not a PRIMARY
 * deployment that never rolled out (an earlier run that was cancelled, failed, or is still going).
 */
import type { ECSClient, Service } from '@aws-sdk/client-ecs';
import { describeServiceRevisions, listServiceDeployments } from '../ecs/service-deployments.js';
import { familyRevision } from '../ecs/task-definition-refs.js';

export interface CompletedRevision {
  taskDefinitionArn: string | undefined;
  /** Why it is not the PRIMARY deployment's revision, when it is not. */
  note?: string;
}

export async function lastCompletedRevision(ecs: ECSClient, cluster: string, live: Service): Promise<CompletedRevision> {
  const deployments = live.deployments ?? [];
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  const primaryArn = primary?.taskDefinition ?? live.taskDefinition;
  if (primary === undefined || primary.rolloutState === undefined || primary.rolloutState === 'COMPLETED') {
    return { taskDefinitionArn: primaryArn };
  }
  const unfinished = `the PRIMARY deployment ${primary.id ?? '?'} (${familyRevision(primaryArn ?? '?')}) is ${primary.rolloutState}, not COMPLETED`;
  const completed = deployments.find((d) => d.status !== 'PRIMARY' && d.rolloutState === 'COMPLETED' && d.taskDefinition !== undefined);
  if (completed?.taskDefinition !== undefined) {
    return { taskDefinitionArn: completed.taskDefinition, note: `${unfinished}: a rollback goes back to ${familyRevision(completed.taskDefinition)}, the last deployment that completed` };
  }
  const fromHistory = await lastSuccessfulInHistory(ecs, cluster, live.serviceName ?? '').catch(() => undefined);
  if (fromHistory !== undefined) {
    return { taskDefinitionArn: fromHistory, note: `${unfinished}: a rollback goes back to ${familyRevision(fromHistory)}, the last successful deployment in the service's history` };
  }
  return { taskDefinitionArn: primaryArn, note: `${unfinished}, and no completed deployment was found: a rollback goes back to it` };
}

/** The task definition of the most recent SUCCESSFUL service deployment (one page of history). */
async function lastSuccessfulInHistory(ecs: ECSClient, cluster: string, service: string): Promise<string | undefined> {
  const briefs = await listServiceDeployments(ecs, { cluster, service, status: ['SUCCESSFUL'], maxPages: 1 });
  const latest = [...briefs].sort((a, b) => (b.finishedAt?.getTime() ?? 0) - (a.finishedAt?.getTime() ?? 0))[0];
  if (latest?.targetServiceRevisionArn === undefined) return undefined;
  const [revision] = await describeServiceRevisions(ecs, [latest.targetServiceRevisionArn]);
  return revision?.taskDefinition;
}
