/**
 * The workflow harness's runner semantics with a fake bundle runner (no process, no AWS): job order and outputs,
 * step outputs and GITHUB_ENV, status functions, skipped third-party and run steps, the root action seam.
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { commandBundle } from '../../helpers/workflow-harness/actions.js';
import { runWorkflow, type WorkflowOptions } from '../../helpers/workflow-harness/run-workflow.js';
import { fakeBundles, workflowFiles } from '../../helpers/workflow-harness/testing.js';

const options = (runBundle: WorkflowOptions['runBundle'], extra: Partial<WorkflowOptions> = {}): WorkflowOptions => ({
  event: 'push',
  workspace: '/tmp',
  ...(runBundle !== undefined ? { runBundle } : {}),
  ...extra,
});

const DEPLOY = `on: push
env:
  CLUSTER: prod
jobs:
  deploy:
    runs-on: ubuntu-latest
    outputs:
      arn: \${{ steps.roll.outputs.taskDefinitionArn }}
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with: { aws-region: eu-west-1, role-to-assume: arn:aws:iam::1:role/x }
      - run: docker build -t web .
      - id: tag
        run: |
          echo "image=registry/web:\${{ github.sha }}" >> "$GITHUB_OUTPUT"
          echo "STAGE=blue" >> $GITHUB_ENV
      - id: roll
        uses: acme/ecs-delivery-actions/actions/ecs-rolling@v1
        with:
          cluster: \${{ env.CLUSTER }}
          image: \${{ steps.tag.outputs.image }}
          service: \${{ env.STAGE }}
  migrate:
    needs: deploy
    runs-on: ubuntu-latest
    steps:
      - uses: ./actions/ecs-run-task
        with:
          task-definition-arn: \${{ needs.deploy.outputs.arn }}
`;

describe('runWorkflow', () => {
  it('runs jobs in needs order: echo outputs and GITHUB_ENV feed later steps, job outputs feed needs, third-party and run steps are skipped', async () => {
    const dir = workflowFiles({ 'deploy.yml': DEPLOY });
    const fake = fakeBundles((r) => (r.bundle === 'ecs-rolling' ? { outputs: { taskDefinitionArn: 'arn:td/web:7' } } : {}));
    const run = await runWorkflow(join(dir, 'deploy.yml'), options(fake.runBundle, { github: { sha: 'f00d' } }));

    expect(run.result).toBe('success');
    expect(fake.calls.map((c) => c.bundle)).toEqual(['ecs-rolling', 'ecs-run-task']);
    // with: values plus the action.yml defaults the step did not give (as the runner sets them).
    expect(fake.calls[0]?.inputs).toMatchObject({ cluster: 'prod', image: 'registry/web:f00d', service: 'blue', mode: 'deploy', 'timeout-minutes': '30' });
    expect(fake.calls[0]?.env).toMatchObject({ AWS_REGION: 'eu-west-1', STAGE: 'blue', CLUSTER: 'prod', GITHUB_SHA: 'f00d' });
    expect(fake.calls[1]?.inputs).toMatchObject({ 'task-definition-arn': 'arn:td/web:7' });
    expect(run.jobs['deploy']?.outputs).toEqual({ arn: 'arn:td/web:7' });
    expect(run.jobs['deploy']?.cells[0]?.steps.map((s) => s.kind)).toEqual(['skipped-third-party', 'skipped-third-party', 'skipped-run', 'echo', 'ours']);
    expect(run.log).toContain('deploy › actions/checkout@v4: skipped (third-party action actions/checkout@v4, not run by the harness)');
    expect(run.log).toContain('deploy › Run docker build -t web .: skipped (a run: script other than echo is not run by the harness)');
  });

  it('after a failed step skips the rest of the job except failure()/always() steps, skips dependent jobs and runs if: failure() jobs', async () => {
    const dir = workflowFiles({
      'w.yml': `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    outputs:
      previous: \${{ steps.roll.outputs.previousTaskDefinitionArn }}
    steps:
      - id: roll
        uses: ./actions/ecs-rolling
        with: { cluster: prod }
      - run: echo never
      - if: failure()
        run: echo "deploy failed"
      - if: always()
        run: echo "always"
  verify:
    needs: deploy
    runs-on: ubuntu-latest
    steps:
      - run: echo verify
  rollback:
    needs: [deploy, verify]
    if: failure() && needs.deploy.outputs.previous != ''
    runs-on: ubuntu-latest
    steps:
      - uses: ./actions/ecs-rolling
        with: { mode: rollback, task-definition-arn: '\${{ needs.deploy.outputs.previous }}' }
  notify:
    needs: rollback
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ needs.rollback.result }}"
`,
    });
    const fake = fakeBundles((r) => (r.inputs['mode'] === 'rollback' ? {} : { exitCode: 1, outputs: { previousTaskDefinitionArn: 'arn:td/web:6' } }));
    const run = await runWorkflow(join(dir, 'w.yml'), options(fake.runBundle));

    expect(run.result).toBe('failure');
    expect(Object.fromEntries(Object.entries(run.jobs).map(([id, j]) => [id, j.result]))).toEqual({
      deploy: 'failure',
      verify: 'skipped',
      rollback: 'success',
      notify: 'success',
    });
    expect(run.jobs['deploy']?.cells[0]?.steps.map((s) => `${s.name}:${s.outcome}`)).toEqual([
      './actions/ecs-rolling:failure',
      'Run echo never:skipped',
      'Run echo "deploy failed":success',
      'Run echo "always":success',
    ]);
    expect(fake.calls[1]?.inputs).toMatchObject({ mode: 'rollback', 'task-definition-arn': 'arn:td/web:6' });
    expect(run.log).toContain('notify › Run echo "${{ needs.rollback.result }}": success');
  });

  it('continue-on-error keeps the job green while steps.<id>.outcome says failure', async () => {
    const dir = workflowFiles({
      'w.yml': `on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - id: try
        continue-on-error: true
        uses: ./actions/ecs-run-task
      - run: echo "\${{ steps.try.outcome }}/\${{ steps.try.conclusion }}"
`,
    });
    const run = await runWorkflow(join(dir, 'w.yml'), options(fakeBundles(() => ({ exitCode: 1 })).runBundle));
    expect(run.result).toBe('success');
    expect(run.log).toContain('j › Run echo "${{ steps.try.outcome }}/${{ steps.try.conclusion }}": failure/success');
  });

  it('runs the root action from its entry with every input, command included; warns about inputs it does not declare', async () => {
    const dir = workflowFiles({
      'w.yml': `on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: OWNER/ecs-delivery-actions@v1
        with: { command: ecs-run-task, cluster: prod, colour: blue }
`,
    });
    const fake = fakeBundles();
    const run = await runWorkflow(join(dir, 'w.yml'), options(fake.runBundle));
    expect(fake.calls.map((c) => [c.bundle, c.inputs])).toEqual([['root', { command: 'ecs-run-task', cluster: 'prod', colour: 'blue' }]]);
    expect(run.log).toContain("j › OWNER/ecs-delivery-actions@v1: warning: unexpected input 'colour' (not in the root action)");
  });

  it('without a root action.yml, commandBundle stands in: command X runs dist/X, refusing another command\'s input that has a value', () => {
    expect(commandBundle({ command: 'ecs-run-task', cluster: 'prod', 'service-definition': '' })).toEqual({
      bundle: 'ecs-run-task',
      actionYml: 'actions/ecs-run-task/action.yml',
      inputs: { cluster: 'prod' },
    });
    expect(() => commandBundle({ command: 'ecs-teleport' })).toThrow("unknown command 'ecs-teleport'");
    expect(() => commandBundle({ cluster: 'prod' })).toThrow('the root action needs the `command` input');
    expect(() => commandBundle({ command: 'ecs-run-task', 'service-definition': 'web.yaml' })).toThrow(
      'root action, command ecs-run-task: input(s) service-definition do not belong to ecs-run-task',
    );
  });

  it('checks workflow_dispatch inputs: defaults, types, required, undeclared', async () => {
    const dir = workflowFiles({
      'd.yml': `on:
  workflow_dispatch:
    inputs:
      service: { required: true, type: string }
      arn: { required: false, type: string }
      dry: { type: boolean, default: false }
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ inputs.service }}|\${{ inputs.arn || 'previous' }}|\${{ inputs.dry }}|\${{ github.event.inputs.dry }}"
`,
    });
    const path = join(dir, 'd.yml');
    const run = await runWorkflow(path, options(undefined, { event: 'workflow_dispatch', inputs: { service: 'web', dry: 'true' } }));
    expect(run.log.some((l) => l.endsWith(': web|previous|true|true'))).toBe(true);
    await expect(runWorkflow(path, options(undefined, { event: 'workflow_dispatch', inputs: {} }))).rejects.toThrow("required input 'service' was not given");
    await expect(runWorkflow(path, options(undefined, { event: 'workflow_dispatch', inputs: { service: 'web', colour: 'x' } }))).rejects.toThrow("unexpected input 'colour'");
    await expect(runWorkflow(path, options(undefined, { event: 'push' }))).rejects.toThrow('is not triggered by push');
  });
});
