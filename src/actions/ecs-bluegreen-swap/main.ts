/**
 * ecs-bluegreen-swap (docs/contract.md, B1–B7). Orchestration only:
 *   S3      read and check every input and manifest before any AWS call (inputs.ts)
 *   S13     dry-run: say what the mode would do, change nothing (dry-run.ts)
 *   B1–B4   mode deploy: the stage service behind the stage target group, steady and healthy (deploy.ts)
 *   B5      mode swap: prod and stage routes swapped as one unit, colours, the old service downsized (swap.ts)
 *   B6      mode rollback: the old service and the routes back, the new service to 0 (rollback.ts)
 *   B7      swap and rollback from deploy's outputs or from the BG_VERSION tags (pair.ts)
 * With github-token, the run is recorded as a GitHub deployment (in_progress → success / failure).
 */
import { finishAction, readInputs, recordErrors, runDepsOf, startActionRecord, type ActionReport } from '../../core/action/index.js';
import { createAwsClients } from '../../core/aws/clients.js';
import { failureSection } from '../../core/action/index.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { Deadline } from '../../core/time.js';
import type { BlueGreenDeps, ModeResult } from './deps.js';
import { runDeploy } from './deploy.js';
import { dryRun } from './dry-run.js';
import { readOptions } from './inputs.js';
import type { BlueGreenOptions } from './options.js';
import { runRollback } from './rollback.js';
import { runSwap } from './swap.js';

export async function main(rt: ActionRuntime): Promise<void> {
  const options = await readInputs(rt, readOptions, (_, o) => {
    rt.log.info(`Mode: ${o.mode}; services ${o.baseName}__1 / ${o.baseName}__2 in cluster ${o.cluster}`);
    rt.log.info(`Load balancer ${o.routes.loadBalancer}: prod ${o.routes.prodRule ?? o.routes.prodListener}, stage ${o.routes.stageRule ?? o.routes.stageListener}`);
  });
  const aws = createAwsClients({ region: options.region, maxAttempts: options.maxAttempts, env: rt.env, clock: rt.clock, sleep: rt.sleep });
  const deps: BlueGreenDeps = {
    ...runDepsOf(rt, aws),
    ecs: aws.ecs,
    elb: aws.elb,
    autoscaling: aws.autoscaling,
    cloudwatch: aws.cloudwatch,
    deadline: new Deadline(rt.clock, options.timeoutMinutes * 60_000),
  };
  if (options.dryRun) return dryRun(rt, deps, options);
  const record = await startActionRecord(rt, options.github, {
    description: `ecs-bluegreen-swap: ${options.mode} of ${options.baseName}`,
    payload: { cluster: options.cluster, service: options.baseName, mode: options.mode },
  });
  const result = await recordErrors(record, () => run(deps, options));
  await finishAction(rt, () => report(options, result), record);
}

function run(deps: BlueGreenDeps, o: BlueGreenOptions): Promise<ModeResult> {
  switch (o.mode) {
    case 'deploy':
      return runDeploy(deps, o);
    case 'swap':
      return runSwap(deps, o);
    case 'rollback':
      return runRollback(deps, o);
  }
}

function report(o: BlueGreenOptions, r: ModeResult): ActionReport {
  const what = `${o.mode} of ${o.baseName}`;
  return {
    succeeded: r.ok,
    outputs: r.outputs,
    heading: `ecs-bluegreen-swap: ${r.ok ? '✅' : '❌'} ${what} ${r.ok ? 'succeeded' : 'failed'}`,
    rows: [['Mode', o.mode], ['Cluster', o.cluster], ...r.rows],
    sections: r.ok ? [] : [failureSection(r.cause ?? 'failed')],
    failure: r.ok ? undefined : (r.cause ?? 'failed'),
    status: r.ok ? `${what} succeeded` : (r.cause ?? 'failed'),
  };
}
