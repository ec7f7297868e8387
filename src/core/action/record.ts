/**
 * The GitHub deployment record of a run (issue 4): with github-token, the run is a GitHub deployment of the
 * `environment`, in_progress from the start, then success or failure from the outcome (finishAction), or error
 * when the action stopped before it had an outcome (refused, or cancelled before the service was changed).
 */
import { describeError } from '../errors.js';
import { startDeploymentRecord, type DeploymentRecord } from '../github/deployments.js';
import type { ActionRuntime } from '../io/runtime.js';
import type { GitHubRecordOptions } from './shared-inputs.js';

export type { DeploymentRecord };

/** What the record says: a one-line description and what was deployed where. */
export interface RecordRequest {
  description: string;
  payload: Record<string, string>;
}

/** Starts the record when github-token was given; undefined (nothing recorded) without it. */
export async function startActionRecord(
  rt: Pick<ActionRuntime, 'env' | 'log'>,
  github: GitHubRecordOptions | undefined,
  request: RecordRequest,
): Promise<DeploymentRecord | undefined> {
  if (github === undefined) return undefined;
  return startDeploymentRecord({
    token: github.token,
    environment: github.environment,
    description: request.description,
    payload: request.payload,
    env: rt.env,
    log: rt.log,
  });
}

/** Runs the action's work; when it throws, the record ends as `error` with the reason and the error goes on. */
export async function recordErrors<T>(record: DeploymentRecord | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    await record?.finish('error', describeError(e));
    throw e;
  }
}
