/**
 * `npm run demo`: real deployments with the committed bundles against the embedded emulator, printed as the
 * Actions log shows them. Exits non-zero when any outcome differs from what the scenario expects.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ECSClient, CreateClusterCommand, DescribeServicesCommand } from '@aws-sdk/client-ecs';
import { startEmulator } from '../src/emulator/index.js';
import { makeWorkspace, repoRoot, runAction, type ActionRun } from '../test/helpers/run-action.js';
import { renderActionsLog } from './lib/actions-log.js';
import { DEMO_FILES } from './lib/demo-manifests.js';

interface Step {
  title: string;
  action: 'ecs-rolling' | 'ecs-run-task';
  inputs: Record<string, string>;
  expect: (run: ActionRun, ctx: Record<string, string>) => string | undefined;
}

const bold = (s: string): string => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

async function main(): Promise<number> {
  const started = Date.now();
  const emulator = await startEmulator({ port: 0, taskStartMs: 1000, speed: 5 });
  const env = { AWS_ENDPOINT_URL: emulator.url, AWS_REGION: 'us-east-1' };
  const ecs = new ECSClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'demo' },
  });
  const workspace = makeWorkspace(DEMO_FILES);
  const ctx: Record<string, string> = {};
  const summaries: string[] = [];
  const failures: string[] = [];
  try {
    console.log(`Embedded AWS emulator at ${emulator.url}; workspace ${workspace}\n`);
    await ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
    const deploy = (image: string): Record<string, string> => ({
      cluster: 'demo',
      'task-definition': 'web-task.yaml',
      'service-definition': 'web-service.yaml',
      'scalable-targets': 'web-scalable-target.yaml',
      'scaling-policies': 'web-scaling-policy.yaml',
      image,
      'timeout-minutes': '5',
    });
    const steps: Step[] = [
      {
        title: 'First deployment: creates service web',
        action: 'ecs-rolling',
        inputs: deploy('registry.example/web:1.0'),
        expect: (r, c) => {
          c['v1'] = r.outputs['taskDefinitionArn'] ?? '';
          return r.exitCode === 0 && r.outputs['firstDeployment'] === 'true' ? undefined : 'expected success with firstDeployment=true';
        },
      },
      {
        title: 'Second deployment: rolling update to web:1.1',
        action: 'ecs-rolling',
        inputs: deploy('registry.example/web:1.1'),
        expect: (r, c) => {
          c['v2'] = r.outputs['taskDefinitionArn'] ?? '';
          return r.exitCode === 0 && r.outputs['previousTaskDefinitionArn'] === c['v1'] && r.outputs['firstDeployment'] === 'false'
            ? undefined
            : 'expected success, previousTaskDefinitionArn = the first revision';
        },
      },
      {
        title: 'A deployment that crashes: web:1.2-crash is rolled back',
        action: 'ecs-rolling',
        inputs: deploy('registry.example/web:1.2-crash'),
        expect: (r) => (r.exitCode !== 0 && r.outputs['rolledBack'] === 'true' ? undefined : 'expected a failed step with rolledBack=true'),
      },
      {
        title: 'Manual rollback (what a workflow_dispatch runs): back to the previous successful deployment',
        action: 'ecs-rolling',
        inputs: { cluster: 'demo', service: 'web', mode: 'rollback', 'timeout-minutes': '5' },
        expect: (r, c) => (r.exitCode === 0 && r.outputs['taskDefinitionArn'] === c['v1'] ? undefined : 'expected success back on the first revision'),
      },
      {
        title: 'One-off task: database migration (exit code 0, logs streamed)',
        action: 'ecs-run-task',
        inputs: { cluster: 'demo', 'task-definition': 'migrate-task.yaml', 'run-task-request': 'migrate-request.yaml', image: 'registry.example/migrate:exit-0' },
        expect: (r) => (r.exitCode === 0 ? undefined : 'expected the task to succeed'),
      },
      {
        title: 'One-off task that fails: exit code 3 fails the step',
        action: 'ecs-run-task',
        inputs: { cluster: 'demo', 'task-definition': 'migrate-task.yaml', 'run-task-request': 'migrate-request.yaml', image: 'registry.example/migrate:exit-3' },
        expect: (r) => (r.exitCode !== 0 && /\b3\b/.test(r.stdout) ? undefined : 'expected a failed step naming exit code 3'),
      },
    ];
    for (const [i, step] of steps.entries()) {
      console.log(bold(`━━━ Step ${i + 1}/${steps.length}: ${step.title} (uses: ${step.action}) ━━━`));
      const run = await runAction(step.action, { inputs: step.inputs, env, workspace, timeoutMs: 120_000 });
      console.log(renderActionsLog(run.stdout));
      if (run.stderr.trim() !== '') console.log(run.stderr.trim());
      const outputs = Object.entries(run.outputs).map(([k, v]) => `  ${k} = ${v}`);
      console.log(`\n  outputs:\n${outputs.join('\n') || '  (none)'}`);
      const problem = step.expect(run, ctx);
      const verdict = run.exitCode === 0 ? 'succeeded' : 'failed';
      console.log(`  → step ${verdict} in ${(run.durationMs / 1000).toFixed(1)} s: ${problem === undefined ? 'as expected' : `UNEXPECTED: ${problem}`}\n`);
      if (problem !== undefined) failures.push(`step ${i + 1} (${step.title}): ${problem}`);
      summaries.push(`<!-- step ${i + 1}: ${step.title} -->\n${run.summary}`);
    }
    const live = await ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: ['web'] }));
    const service = live.services?.[0];
    console.log(`Service web now runs ${service?.taskDefinition} with ${service?.runningCount}/${service?.desiredCount} tasks.`);
  } finally {
    ecs.destroy();
    await emulator.stop();
  }
  const summaryPath = join(repoRoot, 'demo-summary.md');
  writeFileSync(summaryPath, `# ecs-delivery-actions demo: job summaries\n\n${summaries.join('\n\n')}\n`);
  console.log(`Job summaries written to ${summaryPath}. Demo took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (failures.length > 0) {
    console.error(`\nThe demo did not go as expected:\n  ${failures.join('\n  ')}`);
    return 1;
  }
  console.log('Every step ended as expected.');
  return 0;
}

process.exitCode = await main();
