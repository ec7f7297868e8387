import { afterEach, describe, expect, it } from '@jest/globals';
import { startDeploymentRecord } from '../../../../src/core/github/deployments.js';
import type { Logger } from '../../../../src/core/io/logger.js';
import { startFakeGitHub, type FakeGitHub } from '../../../helpers/fake-github.js';

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    info: () => undefined,
    debug: () => undefined,
    error: () => undefined,
    warning: (m: string) => warnings.push(m),
    group: async (_n, fn) => fn(),
  };
}

const baseEnv = (url: string): Record<string, string> => ({
  GITHUB_API_URL: url,
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SHA: 'abc123',
  GITHUB_RUN_ID: '77',
  GITHUB_SERVER_URL: 'https://github.example',
});

describe('GitHub deployment record', () => {
  let fake: FakeGitHub | undefined;
  afterEach(async () => fake?.stop());

  it('creates a deployment for the environment, then in_progress and the final status', async () => {
    fake = await startFakeGitHub();
    const log = recordingLogger();
    const record = await startDeploymentRecord({
      token: 'ghs_faketoken',
      environment: 'staging',
      description: 'web on prod-cluster',
      payload: { taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3' },
      env: baseEnv(fake.url),
      log,
    });
    await record.finish('success', 'deployed web:3');
    expect(fake.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /repos/acme/shop/deployments',
      'POST /repos/acme/shop/deployments/1001/statuses',
      'POST /repos/acme/shop/deployments/1001/statuses',
    ]);
    expect(fake.calls[0]?.body).toMatchObject({ ref: 'abc123', environment: 'staging', auto_merge: false, required_contexts: [] });
    expect(fake.calls[1]?.body).toMatchObject({ state: 'in_progress', log_url: 'https://github.example/acme/shop/actions/runs/77' });
    expect(fake.calls[2]?.body).toMatchObject({ state: 'success', description: 'deployed web:3' });
    expect(fake.calls[0]?.authorization).toBe('token ghs_faketoken');
    expect(log.warnings).toEqual([]);
  });

  it('turns an API failure into a warning and a no-op record', async () => {
    fake = await startFakeGitHub({ failWith: 403 });
    const log = recordingLogger();
    const record = await startDeploymentRecord({
      token: 't', environment: 'prod', description: 'd', payload: {}, env: baseEnv(fake.url), log,
    });
    await expect(record.finish('failure', 'x')).resolves.toBeUndefined();
    expect(fake.calls).toHaveLength(1);
    expect(log.warnings[0]).toMatch(/Could not record a GitHub deployment/);
  });

  it('warns without calling GitHub when the repository is unknown', async () => {
    fake = await startFakeGitHub();
    const log = recordingLogger();
    await startDeploymentRecord({ token: 't', environment: 'prod', description: 'd', payload: {}, env: { GITHUB_API_URL: fake.url }, log });
    expect(fake.calls).toHaveLength(0);
    expect(log.warnings[0]).toMatch(/GITHUB_REPOSITORY/);
  });
});
