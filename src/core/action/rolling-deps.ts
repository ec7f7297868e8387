/** The dependencies of a rolling deployment (src/core/deploy) from an action's runtime and its AWS clients. */
import type { AwsClients } from '../aws/clients.js';
import type { RollingDeps } from '../deploy/index.js';
import type { ActionRuntime } from '../io/runtime.js';

export function rollingDepsOf(rt: ActionRuntime, aws: Pick<AwsClients, 'ecs' | 'autoscaling'> & Partial<Pick<AwsClients, 'reads' | 'elb'>>): RollingDeps {
  return {
    ecs: aws.ecs,
    autoscaling: aws.autoscaling,
    clock: rt.clock,
    sleep: rt.sleep,
    log: rt.log,
    signal: rt.cancel,
    hardSignal: rt.hardCancel,
    ...(aws.reads !== undefined ? { reads: aws.reads } : {}),
    ...(aws.elb !== undefined ? { elb: aws.elb } : {}),
  };
}
