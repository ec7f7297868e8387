import type { Service } from '@aws-sdk/client-ecs';
import { ProgressPrinter } from './events.js';
import { pollService } from './service-poll.js';
import type { PollIo, PollObserver } from './service-poll.js';
import type { InactiveRequest, WatchDeps, WatchResult } from './watch-result.js';

/**
 * Waits until a deleted service is INACTIVE (or ECS no longer knows it: MISSING), printing its events and its
 * draining progress (R2, R6, C1, C2, B2). On success `service` is the INACTIVE service as ECS last described it
 * (for MISSING, a stand-in `{ serviceName, status: 'INACTIVE' }`) and `deployment` its last deployment, or `{}`.
 * A service seen DRAINING that turns ACTIVE again was re-created by someone else: `replaced`.
 */
export async function waitForServiceInactive(deps: WatchDeps, req: InactiveRequest): Promise<WatchResult> {
  return pollService(deps, req, new InactiveObserver(deps, req));
}

class InactiveObserver implements PollObserver {
  private readonly progress: ProgressPrinter;
  private lastStatus: string | undefined;
  private sawDraining = false;

  constructor(
    deps: WatchDeps,
    private readonly req: InactiveRequest,
  ) {
    this.progress = new ProgressPrinter(deps.log);
  }

  waitingFor(): string {
    return `service ${this.req.service} to become INACTIVE`;
  }

  lastSeen(): string | undefined {
    return this.lastStatus;
  }

  observe(service: Service | undefined, io: PollIo): Promise<WatchResult | undefined> {
    const durationMs = io.now() - io.startedAt;
    if (service === undefined || service.status === 'INACTIVE') {
      const done: Service = service ?? { serviceName: this.req.service, status: 'INACTIVE' };
      return Promise.resolve({ ok: true, service: done, deployment: done.deployments?.[0] ?? {}, durationMs });
    }
    const status = service.status ?? 'unknown';
    this.lastStatus = `status ${status}, desired ${service.desiredCount ?? 0}, pending ${service.pendingCount ?? 0}, running ${service.runningCount ?? 0}`;
    this.progress.printLine('service', `Service ${service.serviceName ?? this.req.service}: ${this.lastStatus}`);
    if (status === 'DRAINING') this.sawDraining = true;
    if (status === 'ACTIVE' && this.sawDraining) {
      return Promise.resolve({
        ok: false,
        reason: 'replaced',
        message: `service ${this.req.service} became ACTIVE again while waiting for it to become INACTIVE: someone re-created it`,
        stoppedTasks: [],
        service,
      });
    }
    // Issue 17: once no task is left, INACTIVE may come any moment; until then the tasks drain and stop.
    io.pace((service.runningCount ?? 0) + (service.pendingCount ?? 0) === 0 ? { kind: 'near' } : { kind: 'idle' });
    return Promise.resolve(undefined);
  }

  stoppedTasks(): Promise<[]> {
    return Promise.resolve([]);
  }
}
