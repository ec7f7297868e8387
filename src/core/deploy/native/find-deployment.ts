/**
 * N2: after an UpdateService (or CreateService) of a BLUE_GREEN, LINEAR or CANARY service, find the service
 * deployment it started: ListServiceDeployments created after the change (less a minute for clock skew), matched on
 * the target service revision's task definition, newest first. The service's `currentServiceDeployment`, when the
 * change returned one, is tried first. ECS may list the deployment a moment after the change (read-after-write), so
 * the search polls for up to FIND_GRACE_MS within the deadline.
 */
import type { ServiceDeployment } from '@aws-sdk/client-ecs';
import { describeServiceDeployments, describeServiceRevisions, listServiceDeployments } from '../../ecs/service-deployments.js';
import { sameTaskDefinition } from '../../ecs/task-definition-refs.js';
import { poll } from '../../poll/index.js';
import type { Deadline } from '../../time.js';
import type { WatchDeps } from '../watch/index.js';

/** How long a deployment the change started may stay unlisted before the search gives up. */
export const FIND_GRACE_MS = 60_000;
/** Slack for the difference between this runner's clock and ECS's. */
const CLOCK_SKEW_MS = 60_000;
/** Newest candidates described per round (one DescribeServiceDeployments call). */
const CANDIDATES = 20;

export interface FindRequest {
  cluster: string;
  service: string;
  taskDefinitionArn: string;
  /** Epoch ms just before the change (this runner's clock). */
  changedAt: number;
  /** `currentServiceDeployment` as the change returned it. */
  preferredArn?: string | undefined;
  deadline: Deadline;
  signal?: AbortSignal | undefined;
  pollIntervalMs?: number | undefined;
}

export type Found = { found: ServiceDeployment } | { found: undefined; why: string };

export async function findServiceDeployment(deps: WatchDeps, req: FindRequest): Promise<Found> {
  const createdAfter = new Date(req.changedAt - CLOCK_SKEW_MS);
  const end = await poll<ServiceDeployment | 'gone'>(
    deps,
    { deadline: req.deadline, signal: req.signal, intervalMs: req.pollIntervalMs },
    async (round) => {
      const opts = { signal: round.signal, onCall: (op: string) => round.read(op) };
      const listed = await listServiceDeployments(deps.ecs, { cluster: req.cluster, service: req.service, createdAfter, maxPages: 1 }, opts);
      const arns = listed.flatMap((b) => (b.serviceDeploymentArn === undefined ? [] : [b.serviceDeploymentArn]));
      const ordered = req.preferredArn !== undefined && arns.includes(req.preferredArn) ? [req.preferredArn, ...arns.filter((a) => a !== req.preferredArn)] : arns;
      const match = ordered.length === 0 ? undefined : await matching(deps, ordered.slice(0, CANDIDATES), req.taskDefinitionArn, opts);
      if (match !== undefined) return match;
      return round.now() - round.startedAt >= FIND_GRACE_MS ? 'gone' : undefined;
    },
  );
  if (end.kind === 'done' && end.value !== 'gone') return { found: end.value };
  const why =
    end.kind === 'cancelled'
      ? 'cancelled while looking for the service deployment'
      : `ECS lists no service deployment of ${req.taskDefinitionArn} for service ${req.service} created since the update`;
  return { found: undefined, why };
}

/** The first of `arns` (in that order) whose target revision runs `taskDefinitionArn`. */
async function matching(
  deps: WatchDeps,
  arns: string[],
  taskDefinitionArn: string,
  opts: { signal: AbortSignal | undefined; onCall: (op: string) => void },
): Promise<ServiceDeployment | undefined> {
  opts.onCall('DescribeServiceDeployments');
  const described = await describeServiceDeployments(deps.ecs, arns, { signal: opts.signal });
  const revisionArns = described.flatMap((d) => (d.targetServiceRevision?.arn === undefined ? [] : [d.targetServiceRevision.arn]));
  if (revisionArns.length === 0) return undefined;
  opts.onCall('DescribeServiceRevisions');
  const revisions = await describeServiceRevisions(deps.ecs, revisionArns, { signal: opts.signal });
  const ours = new Set(revisions.filter((r) => sameTaskDefinition(r.taskDefinition, taskDefinitionArn)).map((r) => r.serviceRevisionArn));
  for (const arn of arns) {
    const d = described.find((x) => x.serviceDeploymentArn === arn);
    if (d?.targetServiceRevision?.arn !== undefined && ours.has(d.targetServiceRevision.arn)) return d;
  }
  return undefined;
}
