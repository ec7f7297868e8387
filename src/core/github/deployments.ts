/**
 * GitHub deployments (issue 4): when a token is given, the deploy is recorded as a GitHub deployment of the
 * job's environment with statuses in_progress → success/failure, so the Environments page shows what runs where.
 * A failure of the GitHub API is a warning, never a failed deploy. @actions/github is loaded only when used.
 */
import type { Logger } from '../io/logger.js';
import { describeError } from '../errors.js';

export interface DeploymentRecordRequest {
  token: string;
  environment: string;
  description: string;
  /** Recorded in the deployment's payload: what was deployed where. */
  payload: Record<string, string>;
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
}

/** `in_progress`: the deployment was started and not waited for; GitHub shows it as still going. */
export type DeploymentState = 'success' | 'failure' | 'error' | 'in_progress';

export interface DeploymentRecord {
  finish(state: DeploymentState, description: string): Promise<void>;
}

const NOOP: DeploymentRecord = { finish: async () => undefined };

/** Creates the deployment and its in_progress status; returns a no-op record when anything fails. */
export async function startDeploymentRecord(req: DeploymentRecordRequest): Promise<DeploymentRecord> {
  const { env, log } = req;
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  const [owner, repo] = repository.split('/');
  const ref = env['GITHUB_SHA'] ?? env['GITHUB_REF'];
  if (owner === undefined || repo === undefined || ref === undefined) {
    log.warning('github-token was given but GITHUB_REPOSITORY / GITHUB_SHA are not set: no GitHub deployment is recorded.');
    return NOOP;
  }
  const logUrl =
    env['GITHUB_RUN_ID'] !== undefined
      ? `${env['GITHUB_SERVER_URL'] ?? 'https://github.com'}/${repository}/actions/runs/${env['GITHUB_RUN_ID']}`
      : undefined;
  try {
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(req.token, { baseUrl: env['GITHUB_API_URL'] ?? 'https://api.github.com' });
    const created = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref,
      environment: req.environment,
      description: req.description.slice(0, 140),
      auto_merge: false,
      required_contexts: [],
      payload: req.payload,
    });
    if (!('id' in created.data)) {
      log.warning(`GitHub did not create a deployment: ${JSON.stringify(created.data)}`);
      return NOOP;
    }
    const deploymentId = created.data.id;
    const setStatus = async (state: DeploymentState, description: string): Promise<void> => {
      await octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: deploymentId,
        state,
        description: description.slice(0, 140),
        environment: req.environment,
        ...(logUrl !== undefined ? { log_url: logUrl } : {}),
      });
    };
    await setStatus('in_progress', req.description);
    log.info(`GitHub deployment ${deploymentId} recorded for environment '${req.environment}'.`);
    return {
      finish: async (state, description) => {
        try {
          await setStatus(state, description);
        } catch (e) {
          log.warning(`Could not set the GitHub deployment status to ${state}: ${describeError(e)}`);
        }
      },
    };
  } catch (e) {
    log.warning(`Could not record a GitHub deployment: ${describeError(e)}`);
    return NOOP;
  }
}
