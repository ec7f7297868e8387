/**
 * R7: which task definition a manual rollback (`mode: rollback`) goes back to, and why.
 *
 * Without an explicit ARN the target is the task definition of the most recent successful deployment whose task
 * definition differs from the one running now, read from ECS's service deployment history
 * (ListServiceDeployments → DescribeServiceDeployments → DescribeServiceRevisions): after v1 → v2 → v3 (failed,
 * rolled back to v2) the service runs v2 and the answer is v1. A deployment that ECS rolled back
 * (ROLLBACK_SUCCESSFUL) counts with the revision it rolled back to, never with the one that failed. When the
 * history does not say (empty, too short, or not available), the previous ACTIVE revision of the running task
 * definition's family is used.
 */
import type { ECSClient, Service, ServiceDeploymentBrief } from '@aws-sdk/client-ecs';
import {
  describeServiceDeployments,
  describeServiceRevisions,
  listServiceDeployments,
} from '../ecs/service-deployments.js';
import { describeService } from '../ecs/services.js';
import { listTaskDefinitionArns } from '../ecs/task-definitions.js';
import { familyRevision, sameTaskDefinition } from '../ecs/task-definition-refs.js';
import { describeError } from '../errors.js';
import { rolledBackFrom } from './rollback-marks.js';

export interface RollbackTarget {
  taskDefinitionArn: string;
  /** One sentence for the log: which revision and why. */
  why: string;
}

/** Deployments whose revisions are looked up at a time (DescribeServiceRevisions takes 20 a call). */
const DESCRIBE_BATCH = 20;
/** History pages (100 deployments each) read at most. */
const MAX_HISTORY_PAGES = 5;
/** Older revisions of the family looked at (each one's tags read) before giving up. */
const MAX_FAMILY_CANDIDATES = 10;

export async function resolveManualRollbackTarget(
  ecs: ECSClient,
  cluster: string,
  service: string,
  explicitArn?: string,
  /** The service as the caller already described it (undefined: missing or INACTIVE), so it is not read again. */
  known?: { service: Service | undefined },
): Promise<RollbackTarget> {
  if (explicitArn !== undefined && explicitArn !== '') {
    return { taskDefinitionArn: explicitArn, why: `task-definition-arn was given: rolling back to ${explicitArn}` };
  }
  const live = known !== undefined ? known.service : await describeService(ecs, cluster, service);
  if (live?.status !== 'ACTIVE' || live.taskDefinition === undefined) {
    throw new Error(`service ${service} is not ACTIVE in cluster ${cluster}: there is nothing to roll back`);
  }
  const running = live.taskDefinition;
  const marks = new MarkedRevisions(ecs);
  let historyNote: string;
  try {
    const found = await fromDeploymentHistory(ecs, cluster, service, running, marks);
    if (found !== undefined) return marks.explain(found);
    historyNote = `the service deployment history has no successful deployment of a task definition other than ${familyRevision(running)}`;
  } catch (e) {
    historyNote = `the service deployment history could not be read (${describeError(e)})`;
  }
  return marks.explain(await fromFamilyRevisions(ecs, running, historyNote, marks));
}

/** Revisions a rollback moved away from (rollback-marks.ts), each looked up once, and which were skipped. */
class MarkedRevisions {
  private readonly marks = new Map<string, string | undefined>();
  private readonly skipped: string[] = [];

  constructor(private readonly ecs: ECSClient) {}

  /** True (and remembered for the log) when a rollback moved away from `revision`. */
  async skip(revision: string): Promise<boolean> {
    // A revision whose tags cannot be read counts as unmarked: the mark only narrows an automatic choice.
    if (!this.marks.has(revision)) this.marks.set(revision, await rolledBackFrom(this.ecs, revision).catch(() => undefined));
    const mark = this.marks.get(revision);
    if (mark === undefined) return false;
    const line = `${familyRevision(revision)} was skipped: a rollback moved away from it (${mark})`;
    if (!this.skipped.includes(line)) this.skipped.push(line);
    return true;
  }

  explain(target: RollbackTarget): RollbackTarget {
    return this.skipped.length === 0 ? target : { ...target, why: `${target.why}; ${this.skipped.join('; ')}` };
  }
}

async function fromDeploymentHistory(
  ecs: ECSClient,
  cluster: string,
  service: string,
  running: string,
  marks: MarkedRevisions,
): Promise<RollbackTarget | undefined> {
  const briefs = await listSuccessfulDeployments(ecs, cluster, service);
  briefs.sort((a, b) => timeOf(b) - timeOf(a));
  for (let i = 0; i < briefs.length; i += DESCRIBE_BATCH) {
    const batch = briefs.slice(i, i + DESCRIBE_BATCH);
    const revisionOf = await revisionArns(ecs, batch);
    const wanted = [...new Set([...revisionOf.values()])];
    const taskDefinitionOf = await revisionTaskDefinitions(ecs, wanted);
    for (const brief of batch) {
      const revision = revisionOf.get(brief.serviceDeploymentArn ?? '');
      const taskDefinition = revision === undefined ? undefined : taskDefinitionOf.get(revision);
      if (taskDefinition === undefined || sameTaskDefinition(taskDefinition, running)) continue;
      if (await marks.skip(taskDefinition)) continue;
      const when = brief.finishedAt ?? brief.createdAt;
      const how = brief.status === 'ROLLBACK_SUCCESSFUL' ? 'the revision a successful ECS rollback restored' : 'a successful deployment';
      return {
        taskDefinitionArn: taskDefinition,
        why:
          `rolling back to ${familyRevision(taskDefinition)}: ${how} (${brief.serviceDeploymentArn ?? '?'}` +
          `${when !== undefined ? `, finished ${when.toISOString()}` : ''}), the most recent one whose task ` +
          `definition differs from the running ${familyRevision(running)}`,
      };
    }
  }
  return undefined;
}

function listSuccessfulDeployments(ecs: ECSClient, cluster: string, service: string): Promise<ServiceDeploymentBrief[]> {
  return listServiceDeployments(ecs, { cluster, service, status: ['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL'], maxPages: MAX_HISTORY_PAGES });
}

/**
 * The service revision each deployment left running: a SUCCESSFUL deployment's target revision; for a
 * ROLLBACK_SUCCESSFUL one, the revision it rolled back to (DescribeServiceDeployments `rollback`).
 */
async function revisionArns(ecs: ECSClient, briefs: ServiceDeploymentBrief[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const rolledBack: string[] = [];
  for (const b of briefs) {
    if (b.serviceDeploymentArn === undefined) continue;
    if (b.status === 'SUCCESSFUL' && b.targetServiceRevisionArn !== undefined) {
      result.set(b.serviceDeploymentArn, b.targetServiceRevisionArn);
    } else if (b.status === 'ROLLBACK_SUCCESSFUL') {
      rolledBack.push(b.serviceDeploymentArn);
    }
  }
  if (rolledBack.length > 0) {
    for (const d of await describeServiceDeployments(ecs, rolledBack)) {
      const restored = d.rollback?.serviceRevisionArn;
      if (d.serviceDeploymentArn !== undefined && restored !== undefined) result.set(d.serviceDeploymentArn, restored);
    }
  }
  return result;
}

async function revisionTaskDefinitions(ecs: ECSClient, revisionArnList: string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (revisionArnList.length === 0) return result;
  for (const r of await describeServiceRevisions(ecs, revisionArnList)) {
    if (r.serviceRevisionArn !== undefined && r.taskDefinition !== undefined) {
      result.set(r.serviceRevisionArn, r.taskDefinition);
    }
  }
  return result;
}

/** The highest ACTIVE revision of the running family below the running revision. */
async function fromFamilyRevisions(ecs: ECSClient, running: string, historyNote: string, marks: MarkedRevisions): Promise<RollbackTarget> {
  const [family, revisionText] = splitFamilyRevision(running);
  const current = Number(revisionText);
  const older = (arn: string): boolean => {
    const [f, r] = splitFamilyRevision(arn);
    return f === family && Number(r) < current;
  };
  const candidates: string[] = [];
  await listTaskDefinitionArns(ecs, { familyPrefix: family, status: 'ACTIVE', sort: 'DESC', maxPages: MAX_HISTORY_PAGES }, (a) => {
    if (older(a)) candidates.push(a);
    return candidates.length >= MAX_FAMILY_CANDIDATES;
  });
  let arn: string | undefined;
  for (const candidate of candidates) {
    if (await marks.skip(candidate)) continue;
    arn = candidate;
    break;
  }
  if (arn !== undefined) {
    return {
      taskDefinitionArn: arn,
      why:
        `rolling back to ${familyRevision(arn)}: ${historyNote}, so the previous ACTIVE revision of family ` +
        `${family} (running ${familyRevision(running)}) is used`,
    };
  }
  throw new Error(
    `cannot find a task definition to roll back to: ${historyNote}, and family ${family} has no ACTIVE revision ` +
      `older than ${familyRevision(running)}. Give task-definition-arn.`,
  );
}

function splitFamilyRevision(ref: string): [string, string] {
  const fr = familyRevision(ref);
  const colon = fr.lastIndexOf(':');
  return colon < 0 ? [fr, ''] : [fr.slice(0, colon), fr.slice(colon + 1)];
}

function timeOf(b: ServiceDeploymentBrief): number {
  return (b.finishedAt ?? b.createdAt ?? b.startedAt)?.getTime() ?? 0;
}

