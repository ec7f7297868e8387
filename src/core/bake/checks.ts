/**
 * One round of a bake's checks. The service and its running tasks are read on the first round (the tasks that were
 * running when the bake started are the ones that must keep running); then each round reads those tasks
 * (DescribeTasks), each watched target group's health (DescribeTargetHealth) and the alarms (DescribeAlarms).
 */
import type { LoadBalancer, Task } from '@aws-sdk/client-ecs';
import type { AwsCallOptions } from '../aws/call-options.js';
import { alarmsInAlarm, describeAlarmsInAlarm } from '../cloudwatch/index.js';
import { describeStop, taskIdOf, toStoppedTaskReason } from '../deploy/index.js';
import { describeService } from '../ecs/services.js';
import { describeTasks, listServiceTaskArns } from '../ecs/tasks.js';
import { describeTargetHealth, describeTargetReport, expectedTargetOf, matchTargets, targetGroupName } from '../elb/index.js';
import type { TargetReport } from '../elb/index.js';
import type { PollRound } from '../poll/index.js';
import type { BakeDeps, BakePlan } from './types.js';

export type RoundResult = { ok: true; summary: string } | { ok: false; cause: string };

/** States that mean a target no longer takes (or never took) the traffic it should: the bake fails. */
const FAILED_TARGET = new Set(['unhealthy', 'unhealthy.draining', 'draining', 'unused', 'unavailable', 'not-registered']);

interface Watched {
  taskArns: string[];
  bindings: { targetGroupArn: string; containerName: string; containerPort: number }[];
}

export class BakeWatch {
  private watched: Watched | undefined;

  constructor(
    private readonly deps: BakeDeps,
    private readonly plan: BakePlan,
  ) {}

  async check(round: PollRound): Promise<RoundResult> {
    let first = true;
    const call: AwsCallOptions = {
      signal: round.signal,
      onCall: (op) => {
        if (!first) round.read(op);
        first = false;
      },
    };
    const watched = this.watched ?? (await this.start(call));
    if ('cause' in watched) return { ok: false, cause: watched.cause };
    this.watched = watched;
    const { tasks, missing } = await describeTasks(this.deps.ecs, this.plan.cluster, watched.taskArns, call);
    const stopped = tasks.find((t) => t.lastStatus === 'STOPPED' || t.desiredStatus === 'STOPPED');
    if (stopped !== undefined) return { ok: false, cause: `${this.plan.label}: task ${taskIdOf(stopped.taskArn ?? '')} stopped: ${describeStop(toStoppedTaskReason(stopped))}` };
    if (missing.length > 0) return { ok: false, cause: `${this.plan.label}: task ${taskIdOf(missing[0] ?? '')} is gone` };
    const targets = await this.checkTargets(watched, tasks, call);
    if (!targets.ok) return targets;
    const alarms = await alarmsInAlarm(this.deps.cloudwatch, this.plan.alarms, call);
    if (alarms.length > 0) return { ok: false, cause: `${describeAlarmsInAlarm(alarms)} during the bake of ${this.plan.label}` };
    const parts = [`${tasks.length} ${tasks.length === 1 ? 'task' : 'tasks'} running`, ...targets.parts];
    if (this.plan.alarms.length > 0) parts.push(`alarms OK (${this.plan.alarms.join(', ')})`);
    return { ok: true, summary: parts.join('; ') };
  }

  /** The service's load balancer bindings for the watched target groups, and its running tasks. */
  private async start(call: AwsCallOptions): Promise<Watched | { cause: string }> {
    const { ecs } = this.deps;
    const { cluster, serviceName, label } = this.plan;
    const service = await describeService(ecs, cluster, serviceName, call);
    if (service === undefined || service.status !== 'ACTIVE') return { cause: `${label}: service ${serviceName} is not ACTIVE` };
    const bindings: Watched['bindings'] = [];
    for (const tg of this.plan.targetGroupArns) {
      const lb = (service.loadBalancers ?? []).find((l: LoadBalancer) => l.targetGroupArn === tg);
      if (lb?.containerName === undefined || lb.containerPort === undefined) {
        return { cause: `${label}: target group ${tg} is not one of service ${serviceName}'s load balancers` };
      }
      bindings.push({ targetGroupArn: tg, containerName: lb.containerName, containerPort: lb.containerPort });
    }
    const taskArns = await listServiceTaskArns(ecs, { cluster, serviceName }, call);
    if (taskArns.length === 0) return { cause: `${label}: service ${serviceName} has no running task to bake` };
    this.deps.log.info(`Watching ${taskArns.length} ${taskArns.length === 1 ? 'task' : 'tasks'} of service ${serviceName}: ${taskArns.map(taskIdOf).join(', ')}`);
    return { taskArns, bindings };
  }

  private async checkTargets(
    watched: Watched,
    tasks: readonly Task[],
    call: AwsCallOptions,
  ): Promise<{ ok: true; parts: string[] } | { ok: false; cause: string }> {
    const parts: string[] = [];
    for (const b of watched.bindings) {
      const health = await describeTargetHealth(this.deps.elb, b.targetGroupArn, call);
      const reports: TargetReport[] = matchTargets(tasks.map((t) => expectedTargetOf(t, b)), health);
      const bad = reports.find((r) => FAILED_TARGET.has(r.state));
      const name = targetGroupName(b.targetGroupArn);
      if (bad !== undefined) return { ok: false, cause: `${this.plan.label}: target ${describeTargetReport(bad)} in target group ${name}` };
      const healthy = reports.filter((r) => r.state === 'healthy').length;
      parts.push(`target group ${name}: ${healthy} of ${reports.length} healthy (${health.length} targets in the group)`);
    }
    return { ok: true, parts };
  }
}
