/**
 * The bake loop: one round of checks (checks.ts) at each poll, a countdown line in the log whenever a tenth of the
 * bake (at least 5 s) has passed or what was checked changed, and the first problem found ends it.
 */
import { poll } from '../poll/index.js';
import type { PollRound } from '../poll/index.js';
import { describeError } from '../errors.js';
import { Deadline, formatDuration } from '../time.js';
import { BakeWatch } from './checks.js';
import type { BakeDeps, BakePlan, BakeResult } from './types.js';

export async function bake(deps: BakeDeps, plan: BakePlan): Promise<BakeResult> {
  if (plan.durationMs <= 0) return { ok: true };
  const { log, clock } = deps;
  return log.group(`Bake ${plan.label} for ${formatDuration(plan.durationMs)}`, async () => {
    const startedAt = clock.now();
    const endsAt = startedAt + plan.durationMs;
    log.info(`Baking ${plan.label} for ${formatDuration(plan.durationMs)}: ${watchedThings(plan)}`);
    if (plan.deadline.remainingMs() < plan.durationMs) {
      log.warning(`Only ${formatDuration(plan.deadline.remainingMs())} of timeout-minutes is left: the bake cannot finish in time`);
    }
    const watch = new BakeWatch(deps, plan);
    const countdown = new Countdown(plan.durationMs);
    const end = await poll(
      deps,
      {
        deadline: new Deadline(clock, Math.min(plan.durationMs, plan.deadline.remainingMs())),
        signal: deps.signal,
        intervalMs: plan.pollIntervalMs,
        onRetry: (e, kind) => log.info(`Bake: a ${kind} error, retrying: ${describeError(e)}`),
      },
      async (round: PollRound): Promise<BakeResult | undefined> => {
        const checked = await watch.check(round);
        if (!checked.ok) return checked;
        const now = round.now();
        countdown.maybeLog(log, Math.max(0, endsAt - now), checked.summary);
        if (now >= endsAt) return { ok: true };
        round.pace({ kind: 'eta', at: endsAt }); // issue 17: slow while minutes are left, closing in on the end
        return undefined;
      },
    );
    return finish(deps, plan, end, { startedAt, endsAt });
  });
}

function finish(
  deps: BakeDeps,
  plan: BakePlan,
  end: Awaited<ReturnType<typeof poll<BakeResult>>>,
  times: { startedAt: number; endsAt: number },
): BakeResult {
  const elapsed = formatDuration(deps.clock.now() - times.startedAt);
  switch (end.kind) {
    case 'done':
      if (end.value.ok) deps.log.info(`Bake of ${plan.label} passed: ${formatDuration(plan.durationMs)} without a problem`);
      else deps.log.error(`Bake of ${plan.label} failed after ${elapsed}: ${end.value.cause}`);
      return end.value;
    case 'cancelled':
      return { ok: false, cause: `the workflow was cancelled ${elapsed} into the bake of ${plan.label}`, cancelled: true };
    case 'timeout': {
      const why = end.lastError !== undefined ? ` (last error: ${describeError(end.lastError)})` : '';
      const ranOut = deps.clock.now() < times.endsAt || plan.deadline.expired();
      return {
        ok: false,
        cause: ranOut
          ? `timeout-minutes ran out ${elapsed} into the ${formatDuration(plan.durationMs)} bake of ${plan.label}${why}`
          : `the bake of ${plan.label} could not check it at the end${why}`,
      };
    }
  }
}

function watchedThings(plan: BakePlan): string {
  const parts = [`its tasks keep running`];
  if (plan.targetGroupArns.length > 0) parts.push(`its targets stay healthy in ${plan.targetGroupArns.length} target group(s)`);
  if (plan.alarms.length > 0) parts.push(`alarms ${plan.alarms.join(', ')} stay out of ALARM`);
  return parts.join(', ');
}

/** Logs `Bake: 40s left — …` at most once a tenth of the bake (at least every 5 s), and whenever the summary changes. */
class Countdown {
  private lastLoggedLeft: number | undefined;
  private lastSummary = '';
  private readonly stepMs: number;

  constructor(durationMs: number) {
    this.stepMs = Math.max(5_000, Math.floor(durationMs / 10));
  }

  maybeLog(log: BakeDeps['log'], leftMs: number, summary: string): void {
    const due = this.lastLoggedLeft === undefined || this.lastLoggedLeft - leftMs >= this.stepMs || leftMs === 0;
    if (!due && summary === this.lastSummary) return;
    this.lastLoggedLeft = leftMs;
    this.lastSummary = summary;
    log.info(`Bake: ${leftMs === 0 ? 'done' : `${formatDuration(leftMs)} left`} — ${summary}`);
  }
}
