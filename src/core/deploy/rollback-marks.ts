/**
 * R7: a revision a rollback moved away from is never the target of a later automatic choice. The mark is a tag on
 * the task definition revision, so it survives across jobs, runs and workflows: after v2 → v3 → rollback (to v2),
 * a second rollback goes to v1, never forward to v3.
 */
import type { ECSClient } from '@aws-sdk/client-ecs';
import { tagResource } from '../ecs/services.js';
import { familyRevision } from '../ecs/task-definition-refs.js';
import { taskDefinitionTags } from '../ecs/task-definitions.js';
import { describeError } from '../errors.js';
import type { Logger } from '../io/logger.js';
import type { Clock } from '../time.js';

/** Tag key on a task definition revision a rollback moved a service away from; the value says when and where. */
export const ROLLED_BACK_FROM_TAG = 'ecs-delivery-actions:rolled-back-from';

/**
 * Tags `revision` as rolled back from (by `service`). A failure to tag (e.g. no ecs:TagResource permission) is a
 * warning: the rollback itself succeeded; a later automatic choice could then pick this revision again.
 */
export async function markRolledBackFrom(
  deps: { ecs: ECSClient; log: Logger; clock: Clock },
  revision: string,
  service: string,
): Promise<void> {
  const value = `${service} ${new Date(deps.clock.now()).toISOString()}`;
  try {
    await tagResource(deps.ecs, revision, [{ key: ROLLED_BACK_FROM_TAG, value }]);
    deps.log.info(`Marked ${familyRevision(revision)} as rolled back from (tag ${ROLLED_BACK_FROM_TAG}): a later rollback will not choose it.`);
  } catch (e) {
    deps.log.warning(
      `Could not tag ${familyRevision(revision)} as rolled back from (${describeError(e)}): a later automatic rollback ` +
        'could choose it again; give task-definition-arn then.',
    );
  }
}

/** When (and by which service) a rollback moved away from `revision`, or undefined when none did. */
export async function rolledBackFrom(ecs: ECSClient, revision: string): Promise<string | undefined> {
  const tags = await taskDefinitionTags(ecs, revision);
  return tags.find((t) => t.key === ROLLED_BACK_FROM_TAG)?.value;
}
