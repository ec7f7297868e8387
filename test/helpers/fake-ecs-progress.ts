/**
 * The time-dependent side of the fake ECS (fake-ecs-service.ts): what happens to a service between two
 * DescribeServices while the service watcher follows it. A wait begins at the first DescribeServices of the service
 * after a mutating call: a deployment CreateService / UpdateService started is then followed (its Rollout runs on
 * each DescribeServices) and recorded as `watch:waitForDeployment <id>`, and so is the PRIMARY deployment an
 * UpdateService that started none scaled (recorded as `watch:waitForScale <id>`); a DRAINING service is recorded as
 * `watch:waitForServiceInactive <name>` and turns INACTIVE after `drainingPolls` more DescribeServices.
 */
import type { Deployment, Service } from '@aws-sdk/client-ecs';
import { rollsOut, scalesOut, type Rollout, type RolloutEcs } from './fake-ecs-rollouts.js';

/** A deployment the watcher followed, as the fake saw it. */
export interface FollowedDeployment {
  deploymentId: string;
  /** As the DescribeServices calls named them. */
  cluster: string;
  service: string;
  /** The task definition the deployment runs. */
  taskDefinitionArn: string;
  /** Fake-clock time of the first and the latest DescribeServices while it was followed. */
  startedAt: number;
  lastPolledAt: number;
  /** The abort signal of each DescribeServices while it was followed (undefined: none). */
  signals: (AbortSignal | undefined)[];
}

interface Following extends FollowedDeployment {
  rollout: Rollout;
  /** The rollout has nothing left to do, or a newer deployment of the service is followed. */
  done: boolean;
}

/** A call that changes something (reads and the `watch:` entries left out). */
const isMutation = (call: string): boolean => !/:(Describe|List)/.test(call) && !call.startsWith('watch:');

export class ServiceProgress {
  /** What the next deployments started by CreateService / UpdateService do, in order (default: rollsOut()). */
  readonly rollouts: Rollout[] = [];
  /** DescribeServices a DRAINING service stays DRAINING once a wait follows it (Infinity: it never turns INACTIVE). */
  drainingPolls = 1;
  private readonly following: Following[] = [];
  /** Started (or scaled) deployments not yet followed, by id, with their rollouts. */
  private readonly started = new Map<string, { rollout: Rollout; scale: boolean }>();
  /** Per service: how many DescribeServices the current INACTIVE wait made. */
  private readonly draining = new Map<string, number>();
  /** Per service: length of the call log after its latest DescribeServices. */
  private readonly describedUpTo = new Map<string, number>();

  constructor(
    private readonly calls: string[],
    private readonly ecs: RolloutEcs,
  ) {}

  get followed(): readonly FollowedDeployment[] {
    return this.following;
  }

  /** CreateService / UpdateService started `deployment`: it takes the next rollout. */
  deploymentStarted(deployment: Deployment): void {
    this.started.set(deployment.id ?? '', { rollout: this.rollouts.shift() ?? rollsOut(), scale: false });
  }

  /** UpdateService started no deployment and scaled the PRIMARY `deployment`: it takes the next rollout. */
  scaleStarted(deployment: Deployment): void {
    this.started.set(deployment.id ?? '', { rollout: this.rollouts.shift() ?? scalesOut(), scale: true });
  }

  /** The service was created again: an earlier INACTIVE wait on that name is over. */
  serviceCreated(name: string): void {
    this.draining.delete(name);
  }

  /** Runs on each DescribeServices of `svc`, before it is answered. */
  described(cluster: string, svc: Service, signal: AbortSignal | undefined): void {
    const name = svc.serviceName ?? '';
    const waitBegins = this.calls.slice(this.describedUpTo.get(name) ?? 0).some(isMutation);
    for (const d of svc.deployments ?? []) this.follow(cluster, name, d);
    for (const f of this.following) {
      if (f.service === name && !f.done) this.step(f, svc, signal);
    }
    if (svc.status === 'DRAINING') this.drain(name, svc, waitBegins);
    this.describedUpTo.set(name, this.calls.length);
  }

  private follow(cluster: string, service: string, d: Deployment): void {
    const started = d.id === undefined ? undefined : this.started.get(d.id);
    if (started === undefined || d.id === undefined) return;
    this.started.delete(d.id);
    for (const f of this.following) if (f.service === service) f.done = true;
    this.calls.push(`watch:${started.scale ? 'waitForScale' : 'waitForDeployment'} ${d.id}`);
    const now = this.ecs.now();
    this.following.push({
      deploymentId: d.id,
      cluster,
      service,
      taskDefinitionArn: d.taskDefinition ?? '',
      startedAt: now,
      lastPolledAt: now,
      signals: [],
      rollout: started.rollout,
      done: false,
    });
  }

  private step(f: Following, svc: Service, signal: AbortSignal | undefined): void {
    const deployment = svc.deployments?.find((d) => d.id === f.deploymentId);
    f.lastPolledAt = this.ecs.now();
    f.signals.push(signal);
    if (deployment === undefined) {
      f.done = true;
      return;
    }
    f.done = f.rollout({ service: svc, deployment, elapsedMs: f.lastPolledAt - f.startedAt, ecs: this.ecs });
  }

  private drain(name: string, svc: Service, waitBegins: boolean): void {
    let polls = this.draining.get(name);
    if (polls === undefined) {
      if (!waitBegins) return;
      this.calls.push(`watch:waitForServiceInactive ${name}`);
      polls = 0;
    }
    if (polls >= this.drainingPolls) {
      svc.status = 'INACTIVE';
      this.draining.delete(name);
    } else {
      this.draining.set(name, polls + 1);
    }
  }
}
