/**
 * A bake (C1, B5): watch a service for a while — its tasks keep running, they stay healthy targets of its target
 * groups, and the named CloudWatch alarms stay out of ALARM — and end at the first problem. It polls through
 * src/core/poll (deadline, read budget, back-off, abort signal) and logs the countdown and what it checked.
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { ECSClient, Service } from '@aws-sdk/client-ecs';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsCallOptions } from '../aws/call-options.js';
import { alarmsInAlarm } from '../cloudwatch/index.js';
import { describeService } from '../ecs/services.js';
import { describeTargetHealth, describeTargetReport, matchTargets, serviceTargets } from '../elb/index.js';
import type { Logger } from '../io/logger.js';
import { poll, type PollRound } from '../poll/index.js';
import type { Clock, Deadline, Sleep } from '../time.js';

export interface BakeDeps {
  ecs: ECSClient;
  elb: ElasticLoadBalancingV2Client;
  cloudwatch: CloudWatchClient;
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  signal: AbortSignal;
}

export interface BakePlan {
  durationMs: number;
  deadline: Deadline;
  cluster: string;
  serviceName: string;
  /** Target groups of the service (its `loadBalancers` entries) whose targets must stay healthy. */
  targetGroupArns: string[];
  alarms: string[];
  /** What is baked, for the log: `step 2 (50 %)`. */
  label: string;
}

export type BakeResult = { ok: true } | { ok: false; cause: string; cancelled?: boolean };

/** A round every 5 s (more often for a short bake): a problem is noticed within seconds, with a handful of reads a round. */
const BAKE_INTERVAL_MS = 5_000;
const MIN_BAKE_INTERVAL_MS = 1_000;

export async function bake(deps: BakeDeps, plan: BakePlan): Promise<BakeResult> {
  const { log } = deps;
  const until = deps.clock.now() + plan.durationMs;
  log.info(`Baking ${plan.label} for ${Math.round(plan.durationMs / 1000)} s: ${plan.serviceName}'s tasks running and healthy${plan.alarms.length > 0 ? `, alarms ${plan.alarms.join(', ')} out of ALARM` : ''}`);
  const end = await poll<BakeResult>(deps, { deadline: plan.deadline, signal: deps.signal, intervalMs: intervalFor(plan.durationMs), readsPerMinute: 120 }, async (r) => {
    const problem = await check(deps, plan, r);
    if (problem !== undefined) return { ok: false, cause: `${plan.label}: ${problem}` };
    const left = until - deps.clock.now();
    if (left <= 0) return { ok: true };
    log.info(`Baking ${plan.label}: ${Math.ceil(left / 1000)} s left, all checks pass`);
    return undefined;
  });
  switch (end.kind) {
    case 'done':
      if (end.value.ok) log.info(`Bake of ${plan.label} passed.`);
      return end.value;
    case 'cancelled':
      return { ok: false, cause: `${plan.label}: cancelled during the bake`, cancelled: true };
    case 'timeout':
      return { ok: false, cause: `${plan.label}: the deadline came before the bake ended` };
  }
}

function intervalFor(durationMs: number): number {
  return Math.max(MIN_BAKE_INTERVAL_MS, Math.min(BAKE_INTERVAL_MS, Math.floor(durationMs / 3)));
}

/** One round of checks; the problem found, or undefined. */
async function check(deps: BakeDeps, plan: BakePlan, r: PollRound): Promise<string | undefined> {
  const call: AwsCallOptions = { signal: r.signal, onCall: (op) => r.read(op) };
  const service = await describeService(deps.ecs, plan.cluster, plan.serviceName, { signal: r.signal });
  if (service?.status !== 'ACTIVE') return `service ${plan.serviceName} is ${service?.status ?? 'gone'}`;
  if ((service.runningCount ?? 0) < (service.desiredCount ?? 0)) {
    return `service ${plan.serviceName} runs ${service.runningCount ?? 0} of ${service.desiredCount ?? 0} tasks: tasks stopped`;
  }
  for (const arn of plan.targetGroupArns) {
    const problem = await unhealthyTargets(deps, plan, service, arn, call);
    if (problem !== undefined) return problem;
  }
  const alarming = await alarmsInAlarm(deps.cloudwatch, plan.alarms, call);
  if (alarming.length > 0) return `alarm ${alarming.map((a) => `${a.name} is in ALARM (${a.reason})`).join('; ')}`;
  return undefined;
}

async function unhealthyTargets(deps: BakeDeps, plan: BakePlan, service: Service, arn: string, call: AwsCallOptions): Promise<string | undefined> {
  const entry = service.loadBalancers?.find((lb) => lb.targetGroupArn === arn);
  if (entry?.containerName === undefined || entry.containerPort === undefined) return `service ${plan.serviceName} is not behind target group ${arn}`;
  const binding = { cluster: plan.cluster, service: plan.serviceName, containerName: entry.containerName, containerPort: entry.containerPort };
  const expected = await serviceTargets(deps.ecs, binding)(call);
  const reports = matchTargets(expected, await describeTargetHealth(deps.elb, arn, call));
  const bad = reports.filter((t) => t.state !== 'healthy');
  return bad.length === 0 ? undefined : `targets not healthy in ${arn}: ${bad.map(describeTargetReport).join('; ')}`;
}
