/**
 * `npm run demo`: real deployments with the committed bundles against the embedded emulator, printed as the
 * Actions log shows them — a delegate install, two rolling deploys, a canary deployed, deleted and rolled out, a
 * crashing deploy rolled back and a manual rollback, a blue/green deploy and swap, and one-off tasks. Every job
 * summary goes to demo-summary.md. Exits non-zero when any outcome differs from what the scenario expects.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { DescribeListenersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { startEmulator } from '../src/emulator/index.js';
import { makeWorkspace, repoRoot, runAction } from '../test/helpers/run-action.js';
import { renderActionsLog } from './lib/actions-log.js';
import { demoFiles } from './lib/demo-manifests.js';
import { demoSteps } from './lib/demo-steps.js';
import { createDemoWorld, type DemoWorld } from './lib/demo-world.js';

const bold = (s: string): string => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

async function main(): Promise<number> {
  const started = Date.now();
  const emulator = await startEmulator({ port: 0, taskStartMs: 1000, speed: 5 });
  const env = { AWS_ENDPOINT_URL: emulator.url, AWS_REGION: 'us-east-1' };
  const config = { endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'demo' } };
  const ecs = new ECSClient(config);
  const elb = new ElasticLoadBalancingV2Client(config);
  const summaries: string[] = [];
  const failures: string[] = [];
  try {
    console.log(`Embedded AWS emulator at ${emulator.url}`);
    const world = await createDemoWorld({ ecs, elb });
    const workspace = makeWorkspace(demoFiles(world.webTargetGroupArn));
    console.log(`Cluster demo, load balancers web and shop created; workspace ${workspace}\n`);
    const ctx: Record<string, string> = {};
    const steps = demoSteps(world);
    for (const [i, step] of steps.entries()) {
      console.log(bold(`━━━ Step ${i + 1}/${steps.length}: ${step.title} (uses: ${step.action}) ━━━`));
      const run = await runAction(step.action, { inputs: step.inputs(ctx), env, workspace, timeoutMs: 120_000 });
      console.log(renderActionsLog(run.stdout));
      if (run.stderr.trim() !== '') console.log(run.stderr.trim());
      const outputs = Object.entries(run.outputs).map(([k, v]) => `  ${k} = ${v}`);
      console.log(`\n  outputs:\n${outputs.join('\n') || '  (none)'}`);
      const problem = step.expect(run, ctx);
      const verdict = run.exitCode === 0 ? 'succeeded' : 'failed';
      console.log(`  → step ${verdict} in ${(run.durationMs / 1000).toFixed(1)} s: ${problem === undefined ? 'as expected' : `UNEXPECTED: ${problem}`}\n`);
      if (problem !== undefined) failures.push(`step ${i + 1} (${step.title}): ${problem}`);
      summaries.push(`<!-- step ${i + 1}: ${step.title} (${step.action}) -->\n${run.summary}`);
    }
    await printFinalState(ecs, elb, world);
  } finally {
    ecs.destroy();
    elb.destroy();
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

/** What a user would check in the console afterwards. */
async function printFinalState(ecs: ECSClient, elb: ElasticLoadBalancingV2Client, world: DemoWorld): Promise<void> {
  const live = await ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: ['harness-delegate', 'web', 'webCanary', 'shop__1'] }));
  for (const s of live.services ?? []) {
    console.log(`Service ${s.serviceName}: ${s.status}, ${s.taskDefinition?.split('/').pop() ?? ''}, ${s.runningCount}/${s.desiredCount} tasks.`);
  }
  const listeners = await elb.send(new DescribeListenersCommand({ ListenerArns: [world.shop.prodListenerArn, world.shop.stageListenerArn] }));
  for (const l of listeners.Listeners ?? []) {
    console.log(`Listener ${l.Port} of shop forwards to ${l.DefaultActions?.[0]?.TargetGroupArn?.split(':').pop() ?? ''}.`);
  }
}

process.exitCode = await main();
