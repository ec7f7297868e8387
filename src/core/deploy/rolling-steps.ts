/** Small steps of the rolling deployment (rolling.ts): logging the snapshot, the task definition, cancellation. */
import { DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import type { ECSClient, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { CancelledError, ConfigurationError, describeError } from '../errors.js';
import type { Logger } from '../io/logger.js';
import type { RollbackSnapshot } from './snapshot.js';
import { familyRevision } from './task-definition-arn.js';

/**
 * When the workflow was cancelled, logs what state it leaves (`when`) and throws the signal's reason (the
 * runtime's CancelledError; a CancelledError when the reason is not an Error).
 */
export function throwIfAborted(signal: AbortSignal | undefined, log: Logger, when: string): void {
  if (signal?.aborted !== true) return;
  log.warning(`Cancelled ${when}.`);
  const reason: unknown = signal.reason;
  throw reason instanceof Error ? reason : new CancelledError('SIGINT');
}

export function logSnapshot(log: Logger, s: RollbackSnapshot): void {
  if (!s.exists) {
    const draining = s.draining ? ' A DRAINING service of that name must become INACTIVE first.' : '';
    log.info(`Service ${s.service} does not exist in cluster ${s.cluster}: this is its first deployment.${draining}`);
    return;
  }
  log.info(
    `Service ${s.service} is ACTIVE: task definition ${s.taskDefinitionArn ?? '-'}, desired count ` +
      `${s.desiredCount ?? '-'}, ${s.scalableTargets.length} scalable target(s), ${s.scalingPolicies.length} scaling policy(ies).`,
  );
}

/**
 * S4/R5: an explicit ARN is checked with DescribeTaskDefinition (a read; a wrong ARN fails before any change) and
 * returned as the full ARN; otherwise the task definition is registered.
 */
export async function resolveTaskDefinition(
  ecs: ECSClient,
  source: { arn: string } | { register: RegisterTaskDefinitionCommandInput },
  log: Logger,
): Promise<string> {
  if ('arn' in source) {
    let arn: string | undefined;
    let status: string | undefined;
    try {
      const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: source.arn }));
      arn = out.taskDefinition?.taskDefinitionArn;
      status = out.taskDefinition?.status;
    } catch (e) {
      if (e instanceof Error && (e.name === 'ClientException' || e.name === 'InvalidParameterException')) {
        throw new ConfigurationError(`task definition ${source.arn} cannot be used: ${describeError(e)}`, {
          input: 'task-definition-arn',
        });
      }
      throw e;
    }
    if (arn === undefined) throw new Error(`DescribeTaskDefinition returned no task definition for ${source.arn}`);
    if (status !== undefined && status !== 'ACTIVE') log.warning(`Task definition ${familyRevision(arn)} is ${status}.`);
    log.info(`Using task definition ${arn} (task-definition-arn): registration skipped, a new deployment is forced.`);
    return arn;
  }
  const out = await ecs.send(new RegisterTaskDefinitionCommand(source.register));
  const arn = out.taskDefinition?.taskDefinitionArn;
  if (arn === undefined) throw new Error('RegisterTaskDefinition returned no task definition ARN');
  log.info(`Registered task definition ${familyRevision(arn)} (${arn}).`);
  return arn;
}
