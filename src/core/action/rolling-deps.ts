/**
 * What an action hands core from its runtime and its AWS clients: the inputs read inside the `Inputs` group (S3), the
 * dependencies every wait and change of a run shares, and those of a rolling deployment (src/core/deploy).
 */
import type { AwsClients } from '../aws/clients.js';
import type { ReadLedger } from '../aws/read-ledger.js';
import type { RollingDeps } from '../deploy/index.js';
import type { Logger } from '../io/logger.js';
import type { ActionRuntime } from '../io/runtime.js';
import type { Clock, Sleep } from '../time.js';

/** Reads and checks the inputs inside the `Inputs` log group, then logs the plan they make. */
export async function readInputs<O>(rt: ActionRuntime, read: (rt: ActionRuntime) => Promise<O>, logPlan: (rt: ActionRuntime, options: O) => void): Promise<O> {
  return rt.log.group('Inputs', async () => {
    const options = await read(rt);
    logPlan(rt, options);
    return options;
  });
}

export interface RunDeps {
  clock: Clock;
  sleep: Sleep;
  log: Logger;
  signal: AbortSignal;
  hardSignal: AbortSignal;
  /** The run's read ledger: one read budget for every wait of the run (S7). */
  reads?: ReadLedger;
}

/** The runtime's clock, sleep, log and signals, and the run's read ledger. */
export function runDepsOf(rt: ActionRuntime, aws: Partial<Pick<AwsClients, 'reads'>>): RunDeps {
  return {
    clock: rt.clock,
    sleep: rt.sleep,
    log: rt.log,
    signal: rt.cancel,
    hardSignal: rt.hardCancel,
    ...(aws.reads !== undefined ? { reads: aws.reads } : {}),
  };
}

export function rollingDepsOf(rt: ActionRuntime, aws: Pick<AwsClients, 'ecs' | 'autoscaling'> & Partial<Pick<AwsClients, 'reads' | 'elb'>>): RollingDeps {
  return {
    ...runDepsOf(rt, aws),
    ecs: aws.ecs,
    autoscaling: aws.autoscaling,
    ...(aws.elb !== undefined ? { elb: aws.elb } : {}),
  };
}
