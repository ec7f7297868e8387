/**
 * Reads made after the deployment for the job summary and outputs: the service as it is now and the images of the
 * old and new task definitions. Best effort: a failed read leaves the detail out, never fails the step, and a
 * second cancellation signal skips them.
 */
import type { ECSClient, Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { familyRevision } from '../ecs/task-definition-refs.js';
import { describeService } from '../ecs/services.js';
import { describeTaskDefinition } from '../ecs/task-definitions.js';
import { describeError } from '../errors.js';
import type { Logger } from '../io/logger.js';

/** A task definition as the summary shows it: `web:3` and `app=nginx:1.27, sidecar=envoy:1`. */
export interface TaskDefinitionLabel {
  arn: string;
  revision: string;
  images: string | undefined;
}

export interface AfterFacts {
  service: Service | undefined;
  previous: TaskDefinitionLabel | undefined;
  deployed: TaskDefinitionLabel | undefined;
}

export async function readAfterFacts(
  ecs: ECSClient,
  log: Logger,
  where: { cluster: string; serviceName: string },
  arns: { previous: string | undefined; deployed: string | undefined },
  signal: AbortSignal,
  /** What is already known, so it is not read again (issue 17: no read after success that a poll already made): the
   * deployed revision's images (registered from a file), the previous revision's (read before the change) and the
   * service as the successful wait last described it. */
  known: { deployedImages?: string | undefined; previousImages?: string | undefined; service?: Service | undefined } = {},
): Promise<AfterFacts> {
  const { deployedImages, previousImages } = known;
  const facts: AfterFacts = { service: known.service, previous: undefined, deployed: undefined };
  if (signal.aborted) return facts;
  if (facts.service === undefined) {
    try {
      facts.service = await describeService(ecs, where.cluster, where.serviceName, { signal });
    } catch (e) {
      log.debug(`Reading service ${where.serviceName} for the summary failed: ${describeError(e)}`);
    }
  }
  facts.previous =
    previousImages !== undefined && arns.previous !== undefined
      ? { arn: arns.previous, revision: familyRevision(arns.previous), images: previousImages }
      : await labelOf(ecs, log, arns.previous, signal);
  facts.deployed =
    deployedImages !== undefined && arns.deployed !== undefined
      ? { arn: arns.deployed, revision: familyRevision(arns.deployed), images: deployedImages }
      : await labelOf(ecs, log, arns.deployed, signal);
  return facts;
}

export async function labelOf(
  ecs: ECSClient,
  log: Logger,
  arn: string | undefined,
  signal: AbortSignal,
): Promise<TaskDefinitionLabel | undefined> {
  if (arn === undefined || arn === '') return undefined;
  const label: TaskDefinitionLabel = { arn, revision: familyRevision(arn), images: undefined };
  if (signal.aborted) return label;
  try {
    label.images = imagesOf(await describeTaskDefinition(ecs, arn, { signal }));
  } catch (e) {
    log.debug(`Reading task definition ${arn} for the summary failed: ${describeError(e)}`);
  }
  return label;
}

export function imagesOf(td: Pick<TaskDefinition, 'containerDefinitions'> | undefined): string | undefined {
  const images = (td?.containerDefinitions ?? []).map((c) => `${c.name ?? '?'}=${c.image ?? '?'}`);
  return images.length === 0 ? undefined : images.join(', ');
}

/** `arn:aws:ecs:<region>:<account>:service/<cluster>/<name>` → `arn:aws:ecs:<region>:<account>:cluster/<cluster>`. */
export function clusterArnOf(serviceArn: string | undefined): string | undefined {
  const m = /^(arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}):service\/([^/]+)\/[^/]+$/.exec(serviceArn ?? '');
  return m === null ? undefined : `${m[1] ?? ''}:cluster/${m[2] ?? ''}`;
}
