/**
 * An AWS region whose endpoint does not resolve (issue 10, rough edges; S12): the step's error says the region may
 * be wrong, which region was used and where it came from, instead of only `getaddrinfo … ecs.eu-fake-9.amazonaws.com`.
 *
 * The bundles run as the runner runs them, with the SDK's default endpoints (no AWS_ENDPOINT_URL_*), but inside a
 * network namespace of their own (`unshare -n`): it has no interface but a loopback that is down, so the DNS lookup of
 * `ecs.eu-fake-9.amazonaws.com` fails on the machine itself (EAI_AGAIN) and no packet leaves it.
 * Build first: `npm run build`.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { makeWorkspace, runAction, type ActionRun } from '../helpers/run-action.js';
import { deployInputs, standardWorkspace } from '../helpers/ecs-rolling-e2e.js';
import { errorAnnotation } from '../helpers/ecs-run-task-e2e.js';

const NO_NETWORK = ['unshare', '-n'];
const TASK_DEFINITION = JSON.stringify({
  family: 'migrate',
  containerDefinitions: [{ name: 'app', image: 'registry.example.com/jobs/migrate:1', memory: 128, essential: true }],
});

beforeAll(() => {
  const probe = spawnSync('unshare', ['-n', 'true']);
  if (probe.status !== 0) throw new Error(`these tests need \`unshare -n\` (a network namespace): ${String(probe.stderr)}`);
});

/** The step failed, and its error names the host, says the region may be wrong, and which one and from where. */
function expectRegionHint(run: ActionRun, source: string): void {
  expect(run.exitCode).toBe(1);
  const error = errorAnnotation(run.stdout);
  expect(error).toContain('ecs.eu-fake-9.amazonaws.com');
  expect(error).toMatch(/the AWS region may be wrong/);
  expect(error).toContain(`region eu-fake-9, from ${source}`);
}

describe('a region whose AWS endpoints do not resolve', () => {
  it('ecs-run-task, region input: names the region, that it came from the input, and the host', async () => {
    const run = await runAction('ecs-run-task', {
      inputs: { 'task-definition': 'td.json', region: 'eu-fake-9' },
      workspace: makeWorkspace({ 'td.json': TASK_DEFINITION }),
      launcher: NO_NETWORK,
      timeoutMs: 60_000,
    });
    expectRegionHint(run, "the 'region' input");
  });

  it('ecs-rolling, region from AWS_REGION: says it came from the environment', async () => {
    const run = await runAction('ecs-rolling', {
      inputs: { ...deployInputs('registry.example.com/web:1'), 'timeout-minutes': 1 },
      env: { AWS_REGION: 'eu-fake-9', AWS_DEFAULT_REGION: 'us-east-1' },
      workspace: standardWorkspace(),
      launcher: NO_NETWORK,
      timeoutMs: 90_000,
    });
    expectRegionHint(run, 'the AWS_REGION environment variable');
  }, 120_000);
});
