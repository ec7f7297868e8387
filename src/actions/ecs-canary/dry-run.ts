/**
 * S13 `dry-run: true`: the canary that would be created (its CreateService request, normalised, and the task
 * definition against the base service's), or the canary that would be deleted. Only reads, made by prepare.ts and
 * here (DescribeServices, DescribeTaskDefinition); the same refusals as a real run fail the dry run too.
 */
import type { TaskDefinition } from '@aws-sdk/client-ecs';
import { diffDeployment } from '../../core/deploy/index.js';
import { describeServiceAnyStatus } from '../../core/ecs/services.js';
import { describeTaskDefinition } from '../../core/ecs/task-definitions.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { SummaryBuilder } from '../../core/io/summary.js';
import type { CanaryDeps } from './deps.js';
import type { DeleteOptions, DeployOptions } from './options.js';
import type { CanaryPlan } from './prepare.js';

export async function dryRunDeploy(rt: ActionRuntime, deps: CanaryDeps, o: DeployOptions, plan: CanaryPlan): Promise<void> {
  await rt.log.group('Dry run: what would change (nothing is changed)', async () => {
    const call = { signal: rt.cancel };
    const desiredTd =
      o.taskDefinition.kind === 'file' ? o.taskDefinition.definition : await describeTaskDefinition(deps.ecs, o.taskDefinition.ref, { ...call, input: o.taskDefinition.input });
    const baseTdArn = plan.base?.taskDefinition;
    const baseTd: TaskDefinition | undefined = baseTdArn === undefined ? undefined : await describeTaskDefinition(deps.ecs, baseTdArn, call);
    const request = plan.request(o.taskDefinition.kind === 'file' ? '(to be registered)' : o.taskDefinition.ref);
    const diff = diffDeployment({ taskDefinition: baseTd }, { taskDefinition: desiredTd, service: request });
    const notes = [
      plan.existing?.status === 'ACTIVE'
        ? `Canary service ${o.canaryName} exists (ACTIVE): it would be deleted (force) and waited INACTIVE first.`
        : plan.existing?.status === 'DRAINING'
          ? `Canary service ${o.canaryName} is DRAINING: it would be waited out first.`
          : `Canary service ${o.canaryName} does not exist.`,
      `Canary service ${o.canaryName} would be created with ${plan.count} ${plan.count === 1 ? 'task' : 'tasks'} (${plan.countWhy}), in target groups: ${plan.targetGroupArns.join(', ') || 'none'}.`,
      `Base service ${o.serviceName} would not be changed.`,
    ];
    for (const n of notes) rt.log.info(n);
    rt.log.info(diff.text);
    rt.outputs.set('canaryServiceName', o.canaryName);
    rt.outputs.set('serviceName', o.serviceName);
    rt.outputs.set('targetGroupArns', JSON.stringify(plan.targetGroupArns));
    rt.outputs.set('canaryTaskCount', plan.count);
    await appendSummary(rt, `dry run of canary ${o.canaryName} of service ${o.serviceName}`, notes, diff.text);
  });
}

export async function dryRunDelete(rt: ActionRuntime, deps: CanaryDeps, o: DeleteOptions): Promise<void> {
  await rt.log.group('Dry run: what would change (nothing is changed)', async () => {
    const found = await describeServiceAnyStatus(deps.ecs, o.cluster, o.canaryName, { signal: rt.cancel });
    const note =
      found === undefined || found.status === 'INACTIVE'
        ? `Canary service ${o.canaryName} does not exist in cluster ${o.cluster}: nothing would be deleted.`
        : found.status === 'DRAINING'
          ? `Canary service ${o.canaryName} is DRAINING: it would be waited out until INACTIVE.`
          : `Canary service ${o.canaryName} (ACTIVE, ${found.runningCount ?? 0} running) would be deleted (force) and waited INACTIVE.`;
    rt.log.info(note);
    rt.outputs.set('canaryServiceName', o.canaryName);
    rt.outputs.set('serviceName', o.serviceName);
    await appendSummary(rt, `dry run of the delete of canary ${o.canaryName}`, [note], undefined);
  });
}

async function appendSummary(rt: ActionRuntime, what: string, notes: readonly string[], diff: string | undefined): Promise<void> {
  const s = new SummaryBuilder().heading(`ecs-canary: ${what} (nothing changed)`).raw(notes.map((n) => `- ${n}`).join('\n'));
  if (diff !== undefined) s.codeBlock(diff, 'diff');
  await rt.summary.append(s.heading('Outputs', 3).keyValueTable(rt.outputs.entries()).toString());
}
