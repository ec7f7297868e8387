/**
 * ecs-rolling end to end, manual rollback (R7: `mode: rollback`, as a workflow_dispatch job runs it) and the GitHub
 * deployment record (github-token).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  autoScalingOf,
  deployInputs,
  describeWeb,
  mutatingCalls,
  revisionOf,
  runRolling,
  standardWorkspace,
  startRollingE2e,
  type RollingE2e,
} from '../helpers/ecs-rolling-e2e.js';
import { startFakeGitHub } from '../helpers/fake-github.js';

let e: RollingE2e;
beforeAll(async () => {
  e = await startRollingE2e();
});
afterAll(async () => e.stop());
beforeEach(async () => e.emu.control.reset());

const withAutoScaling = { 'scalable-targets': 'scalable-target.yaml', 'scaling-policies': 'scaling-policy.yaml' };

/** Deploys each image in turn; returns the task definition ARN of each run (failed ones included). */
async function deployAll(workspace: string, images: string[]): Promise<string[]> {
  const arns: string[] = [];
  for (const image of images) {
    const run = await runRolling(e.emu, deployInputs(image, withAutoScaling), { workspace });
    expect(run.exitCode).toBe(image.endsWith(':crash') ? 1 : 0);
    arns.push(run.outputs['taskDefinitionArn'] ?? '');
  }
  return arns;
}

async function lastUpdate(since: number): Promise<Record<string, unknown> | undefined> {
  return (await e.emu.control.calls(since)).filter((c) => c.operation === 'UpdateService').at(-1)?.parameters;
}

describe('mode: rollback (R7)', () => {
  it('twice in a row goes further back, never forward to the revision the first rollback left (issue 10)', async () => {
    const workspace = standardWorkspace();
    const [v1, v2, v3] = await deployAll(workspace, ['registry.example.com/web:1', 'registry.example.com/web:2', 'registry.example.com/web:3']);
    const first = await runRolling(e.emu, { mode: 'rollback', cluster: 'default', service: 'web' }, { workspace: standardWorkspace() });
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({ taskDefinitionArn: v2, previousTaskDefinitionArn: v3 });
    expect(first.stdout).toContain('Marked web:3 as rolled back from');

    const second = await runRolling(e.emu, { mode: 'rollback', cluster: 'default', service: 'web' }, { workspace: standardWorkspace() });
    expect(second.exitCode).toBe(0);
    expect(second.outputs).toMatchObject({ taskDefinitionArn: v1, previousTaskDefinitionArn: v2 });
    expect(second.stdout).toMatch(/rolling back to web:1: .*; web:3 was skipped: a rollback moved away from it \(web \d{4}-/);
    expect((await describeWeb(e.ecs))?.taskDefinition).toBe(v1);
  });

  it('from a fresh job with only cluster and service: after v1 → v2 → v3 (rolled back to v2) it goes to v1', async () => {
    const workspace = standardWorkspace();
    const [v1, v2] = await deployAll(workspace, ['registry.example.com/web:1', 'registry.example.com/web:2', 'registry.example.com/web:crash']);
    expect((await describeWeb(e.ecs))?.taskDefinition).toBe(v2);
    const since = Date.now();
    const run = await runRolling(e.emu, { mode: 'rollback', cluster: 'default', service: 'web' }, { workspace: standardWorkspace() });

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/rolling back to web:1: a successful deployment \(arn:aws:ecs:[^)]*\), the most recent one whose task definition differs from the running web:2/);
    expect(run.outputs).toMatchObject({ taskDefinitionArn: v1, previousTaskDefinitionArn: v2, firstDeployment: 'false', rolledBack: 'false' });
    expect(await describeWeb(e.ecs)).toMatchObject({ taskDefinition: v1, desiredCount: 2, runningCount: 2 });
    const update = await lastUpdate(since);
    expect(update).toMatchObject({ taskDefinition: v1, forceNewDeployment: true });
    expect(update).not.toHaveProperty('desiredCount');
    // No registration; the service's auto scaling is suspended for the rollout and resumed as it was.
    expect(await mutatingCalls(e.emu, since)).toEqual([
      'application-autoscaling:RegisterScalableTarget',
      'ecs:UpdateService',
      'application-autoscaling:RegisterScalableTarget',
      // Issue 10: web:2, which the rollback moved away from, is marked so that a later rollback skips it.
      'ecs:TagResource',
    ]);
    expect(await autoScalingOf(e.autoscaling)).toEqual({ targets: [{ min: 2, max: 6 }], policies: ['cpu60'] });
    expect(run.summary).toContain('rollback of web:1 to service web succeeded');
    expect(run.summary).toContain('| Rolled back to | rolling back to web:1');
  });

  it('to an explicit task-definition-arn', async () => {
    const workspace = standardWorkspace();
    const [v1, , v3] = await deployAll(workspace, ['registry.example.com/web:1', 'registry.example.com/web:2', 'registry.example.com/web:3']);
    const since = Date.now();
    const run = await runRolling(e.emu, { mode: 'rollback', service: 'web', 'task-definition-arn': v1 });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(`task-definition-arn was given: rolling back to ${v1}`);
    expect(run.outputs).toMatchObject({ taskDefinitionArn: v1, previousTaskDefinitionArn: v3 });
    expect(await lastUpdate(since)).toMatchObject({ taskDefinition: v1, forceNewDeployment: true });
    expect(revisionOf((await describeWeb(e.ecs))?.taskDefinition)).toBe('web:1');
  });

  it('refuses a service that does not exist, changing nothing', async () => {
    const since = Date.now();
    const run = await runRolling(e.emu, { mode: 'rollback', service: 'web' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::error::service web is not ACTIVE in cluster default: there is nothing to roll back');
    expect(await mutatingCalls(e.emu, since)).toEqual([]);
  });
});

describe('GitHub deployment record (github-token)', () => {
  it('records in_progress then success for the environment, and never prints the token', async () => {
    const github = await startFakeGitHub();
    try {
      const token = 'ghs_FakeTokenForTheRecord1234567890';
      const run = await runRolling(
        e.emu,
        deployInputs('registry.example.com/web:1', { 'github-token': token, environment: 'staging' }),
        { env: { GITHUB_API_URL: github.url } },
      );
      expect(run.exitCode).toBe(0);
      expect(github.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
        'POST /repos/acme/shop/deployments',
        'POST /repos/acme/shop/deployments/1001/statuses',
        'POST /repos/acme/shop/deployments/1001/statuses',
      ]);
      expect(github.calls[0]?.body).toMatchObject({ ref: '0123456789abcdef0123456789abcdef01234567', environment: 'staging' });
      expect(github.calls.slice(1).map((c) => c.body['state'])).toEqual(['in_progress', 'success']);
      expect(github.calls[0]?.authorization).toBe(`token ${token}`);
      // The runner is told to mask it (::add-mask::, a command it consumes); no other line carries it.
      const lines = run.stdout.split('\n');
      expect(lines).toContain(`::add-mask::${token}`);
      expect(lines.filter((l) => l.includes(token))).toEqual([`::add-mask::${token}`]);
      expect(run.summary).not.toContain(token);
    } finally {
      await github.stop();
    }
  });

  it('records a failure, and a GitHub API failure is only a warning', async () => {
    const github = await startFakeGitHub();
    const broken = await startFakeGitHub({ failWith: 500 });
    try {
      const failed = await runRolling(e.emu, { mode: 'rollback', service: 'web', 'github-token': 'ghs_x1234567890abcdef' }, { env: { GITHUB_API_URL: github.url } });
      expect(failed.exitCode).toBe(1);
      expect(github.calls.slice(1).map((c) => c.body['state'])).toEqual(['in_progress', 'error']);

      const ok = await runRolling(e.emu, deployInputs('registry.example.com/web:1', { 'github-token': 'ghs_x1234567890abcdef' }), {
        env: { GITHUB_API_URL: broken.url },
      });
      expect(ok.exitCode).toBe(0);
      expect(ok.stdout).toContain('::warning::Could not record a GitHub deployment');
      expect(broken.calls.length).toBeGreaterThan(0);
    } finally {
      await github.stop();
      await broken.stop();
    }
  });
});
