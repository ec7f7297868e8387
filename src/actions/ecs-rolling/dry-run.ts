/**
 * S13 `dry-run: true`: what a deployment (or a manual rollback) would change, as a normalised diff of the task
 * definition and the service against what is live, printed to the log and the job summary. Only reads:
 * DescribeServices, DescribeTaskDefinition, the auto scaling Describe calls and, for a rollback, the deployment
 * history. The same refusals as a real run (no service definition for a service that does not exist yet, no
 * desired count for its creation, an unknown task-definition-arn) fail the dry run too.
 */
import type { ApplicationAutoScalingClient } from '@aws-sdk/client-application-auto-scaling';
import type { ECSClient, Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { describeAutoScaling } from '../../core/autoscaling/describe.js';
import { diffDeployment, resolveManualRollbackTarget, toCreateServiceInput, type DeploymentDiff } from '../../core/deploy/index.js';
import { describeService } from '../../core/ecs/services.js';
import { describeTaskDefinition as describeRevision, resolveTaskDefinition } from '../../core/ecs/task-definitions.js';
import { ConfigurationError } from '../../core/errors.js';
import type { ActionRuntime } from '../../core/io/runtime.js';
import { SummaryBuilder } from '../../core/io/summary.js';
import { clusterArnOf } from '../../core/action/index.js';
import type { DeployOptions, RollbackOptions } from './options.js';

export interface DryRunClients {
  ecs: ECSClient;
  autoscaling: ApplicationAutoScalingClient;
}

export async function dryRun(rt: ActionRuntime, clients: DryRunClients, options: DeployOptions | RollbackOptions): Promise<void> {
  const { log } = rt;
  await log.group('Dry run: what would change (nothing is changed)', async () => {
    const found = await describeService(clients.ecs, options.cluster, options.serviceName, { signal: rt.cancel });
    const live = found?.status === 'ACTIVE' ? found : undefined;
    const liveTd = live === undefined ? undefined : await describeTaskDefinition(clients.ecs, liveTaskDefinitionArn(live), 'service');
    const plan = options.mode === 'rollback' ? await rollbackPlan(clients, options, liveTd) : await deployPlan(clients, options, live, liveTd);
    for (const line of plan.notes) log.info(line);
    log.info(plan.diff.text);
    log.info(plan.diff.changed ? 'The deployment would change the lines above.' : 'Nothing would change (the deployment would still start new tasks).');
    writeOutputs(rt, options, found, live, liveTd);
    const s = new SummaryBuilder()
      .heading(`ecs-rolling: dry run of ${options.mode === 'rollback' ? 'a rollback' : 'a deployment'} to service ${options.serviceName} (nothing changed)`)
      .raw(plan.notes.map((n) => `- ${n}`).join('\n'))
      .codeBlock(plan.diff.text, 'diff')
      .heading('Outputs', 3)
      .keyValueTable(rt.outputs.entries());
    await rt.summary.append(s.toString());
  });
}

interface DryRunPlan {
  notes: string[];
  diff: DeploymentDiff;
}

async function deployPlan(
  clients: DryRunClients,
  options: DeployOptions,
  live: Service | undefined,
  liveTd: TaskDefinition | undefined,
): Promise<DryRunPlan> {
  const notes: string[] = [];
  if (live === undefined) {
    notes.push(`Service ${options.serviceName} does not exist in cluster ${options.cluster}: it would be created (first deployment).`);
    if (options.serviceDefinition === undefined) {
      throw new ConfigurationError(
        `service ${options.serviceName} does not exist in cluster ${options.cluster} yet, so a service definition is needed to create it`,
        { input: 'service-definition' },
      );
    }
    toCreateServiceInput(options.serviceDefinition, {
      cluster: options.cluster,
      serviceName: options.serviceName,
      taskDefinitionArn: 'dry-run',
      desiredCountInput: options.desiredCount,
    });
  } else {
    notes.push(`Service ${options.serviceName} is ACTIVE on ${liveTaskDefinitionArn(live) ?? '-'}: it would be updated.`);
  }
  const desired =
    options.taskDefinition.kind === 'file'
      ? options.taskDefinition.definition
      : await describeTaskDefinition(clients.ecs, options.taskDefinition.ref, 'task-definition-arn');
  notes.push(
    options.taskDefinition.kind === 'file'
      ? `A new revision would be registered from ${options.taskDefinition.path}.`
      : `Registered task definition ${options.taskDefinition.ref} would be deployed (new deployment forced).`,
  );
  notes.push(await autoScalingNote(clients, options, live !== undefined));
  const diff = diffDeployment(
    { taskDefinition: liveTd, service: live },
    {
      taskDefinition: desired,
      service: options.serviceDefinition,
      desiredCount: options.desiredCount,
      sameAsRunning: options.sameAsRunning,
    },
  );
  return { notes, diff };
}

async function rollbackPlan(clients: DryRunClients, options: RollbackOptions, liveTd: TaskDefinition | undefined): Promise<DryRunPlan> {
  const target = await resolveManualRollbackTarget(clients.ecs, options.cluster, options.serviceName, options.taskDefinitionArn);
  const targetTd = await describeTaskDefinition(clients.ecs, target.taskDefinitionArn, 'task-definition-arn');
  const notes = [
    `Would roll back: ${target.why}.`,
    'The live desired count would be kept and the auto scaling suspended during the rollout, then resumed as it is now.',
  ];
  return { notes, diff: diffDeployment({ taskDefinition: liveTd }, { taskDefinition: targetTd }) };
}

async function autoScalingNote(clients: DryRunClients, options: DeployOptions, exists: boolean): Promise<string> {
  const given = options.scalableTargets.length + options.scalingPolicies.length > 0;
  const manifests = `${options.scalableTargets.length} scalable target(s) and ${options.scalingPolicies.length} scaling policy(ies) from the manifests`;
  if (!exists) return given ? `After the deployment, ${manifests} would be applied.` : 'No auto scaling would be applied.';
  const now = await describeAutoScaling(clients.autoscaling, options.cluster, options.serviceName);
  const current =
    `${now.scalableTargets.length} scalable target(s), ${now.scalingPolicies.length} scaling policy(ies) and ` +
    `${now.scheduledActions.length} scheduled action(s)`;
  const named = new Set(options.scalingPolicies.map((p) => p.PolicyName));
  const dropped = now.scalingPolicies.filter((p) => !named.has(p.PolicyName)).map((p) => p.PolicyName ?? '');
  const deleted = dropped.length > 0 ? `; the policies they no longer name would be deleted (${dropped.join(', ')})` : '';
  return given
    ? `The current auto scaling (${current}) would be suspended during the update, then ${manifests} applied in place${deleted}, and scaling resumed.`
    : `The current auto scaling (${current}) would be suspended during the update and resumed after it, otherwise unchanged.`;
}

function liveTaskDefinitionArn(service: Service): string | undefined {
  return service.deployments?.find((d) => d.status === 'PRIMARY')?.taskDefinition ?? service.taskDefinition;
}

/**
 * The task definition `arn` names. One to deploy that ECS does not know, or that is deregistered, blames `input`,
 * as a real run would; the live one is only read.
 */
async function describeTaskDefinition(ecs: ECSClient, arn: string | undefined, input: string): Promise<TaskDefinition | undefined> {
  if (arn === undefined) return undefined;
  if (input === 'service') return describeRevision(ecs, arn);
  return (await resolveTaskDefinition(ecs, { kind: 'registered', ref: arn, input }, { inactive: 'refuse' })).definition;
}

/** A dry run reports the live state: what a later step could read without anything being deployed. */
function writeOutputs(
  rt: ActionRuntime,
  options: DeployOptions | RollbackOptions,
  found: Service | undefined,
  live: Service | undefined,
  liveTd: TaskDefinition | undefined,
): void {
  rt.outputs.set('serviceName', options.serviceName);
  const serviceArn = live?.serviceArn ?? '';
  rt.outputs.set('serviceArn', serviceArn);
  const clusterArn = found?.clusterArn ?? clusterArnOf(serviceArn);
  if (clusterArn !== undefined) rt.outputs.set('clusterArn', clusterArn);
  rt.outputs.set('previousTaskDefinitionArn', liveTd?.taskDefinitionArn ?? '');
  rt.outputs.set('firstDeployment', live === undefined);
  rt.outputs.set('rolledBack', false);
}
