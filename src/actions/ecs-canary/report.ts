/** C1, C2, S5, S9: ecs-canary's outputs and job summary rows (finishAction writes them). */
import { clusterArnOf, failureSection, stoppedTaskListSection, type ActionReport } from '../../core/action/index.js';
import { formatDuration } from '../../core/time.js';
import type { CanaryDeletion } from './cleanup.js';
import type { CanaryOutcome } from './deploy.js';
import type { DeleteOptions, DeployOptions } from './options.js';
import type { CanaryPlan } from './prepare.js';

export function deployReport(o: DeployOptions, plan: CanaryPlan, outcome: CanaryOutcome): ActionReport {
  const ok = outcome.status !== 'failed';
  const ended = outcome.status === 'started' ? 'started (not waited for)' : ok ? 'succeeded' : 'failed';
  const icon = outcome.status === 'started' ? '⏳' : ok ? '✅' : '❌';
  const failure = outcome.cause ?? 'the canary failed';
  return {
    succeeded: ok,
    startedOnly: outcome.status === 'started',
    outputs: [
      ['canaryServiceName', o.canaryName],
      ['canaryServiceArn', ok ? (outcome.canaryServiceArn ?? '') : ''],
      ['taskDefinitionArn', outcome.taskDefinitionArn],
      ['serviceName', o.serviceName],
      ['targetGroupArns', JSON.stringify(plan.targetGroupArns)],
      ['canaryTaskCount', ok ? plan.count : 0],
      ['clusterArn', clusterArnOf(outcome.canaryServiceArn ?? plan.base?.serviceArn)],
    ],
    heading: `ecs-canary: ${icon} canary ${o.canaryName} of service ${o.serviceName} ${ended}`,
    rows: [
      ['Canary service', o.canaryName],
      ['Base service', `${o.serviceName} (not changed)`],
      ['Cluster', o.cluster],
      ['Task definition', outcome.taskDefinitionArn],
      ['Canary tasks', `${plan.count} (${plan.countWhy})`],
      ...outcome.shares.map((s) => [`Traffic share in ${s.name}`, `canary: ${s.text}`] as const),
      ['Bake', o.bakeSeconds > 0 ? `${o.bakeSeconds} s${o.alarms.length > 0 ? `, alarms ${o.alarms.join(', ')}` : ''}` : 'none (bake-seconds 0)'],
      ['Duration', formatDuration(outcome.durationMs)],
      ['Result', outcome.status === 'started' ? 'created, not waited for (wait-for-steady-state: false)' : ok ? 'succeeded' : `failed${outcome.cancelled ? ' (cancelled)' : ''}`],
      ...(outcome.deletion !== undefined ? [['Canary after the failure', deletionWords(outcome.deletion)] as const] : []),
    ],
    sections: [...(ok ? [] : [failureSection(failure)]), stoppedTaskListSection(outcome.stoppedTasks, 'Stopped canary tasks')],
    failure: ok ? undefined : failure,
    status: ok ? `Canary ${o.canaryName} runs ${outcome.taskDefinitionArn}` : failure.split('\n')[0] ?? failure,
  };
}

export function deleteReport(o: DeleteOptions, deletion: CanaryDeletion, durationMs: number): ActionReport {
  const ok = deletion.status !== 'failed' && deletion.status !== 'abandoned';
  const deleted = deletion.status === 'deleted';
  return {
    succeeded: ok,
    outputs: [
      ['canaryDeleted', deleted],
      ['canaryServiceName', o.canaryName],
      ['serviceName', o.serviceName],
    ],
    heading: `ecs-canary: ${ok ? '✅' : '❌'} delete of canary ${o.canaryName} ${ok ? 'succeeded' : 'failed'}`,
    rows: [
      ['Canary service', o.canaryName],
      ['Cluster', o.cluster],
      ['Result', deletionWords(deletion)],
      ['Duration', formatDuration(durationMs)],
    ],
    sections: ok ? [] : [failureSection(deletion.detail)],
    failure: ok ? undefined : deletion.detail,
    status: deletion.detail,
  };
}

function deletionWords(d: CanaryDeletion): string {
  switch (d.status) {
    case 'deleted':
      return `deleted (INACTIVE): ${d.detail}`;
    case 'absent':
      return `nothing to delete: ${d.detail}`;
    case 'drained':
      return d.detail;
    case 'abandoned':
      return `left DRAINING: ${d.detail}`;
    case 'failed':
      return `not deleted: ${d.detail}`;
  }
}
