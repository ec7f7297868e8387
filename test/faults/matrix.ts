/**
 * The fault matrix of issue 6: for each action, four phases × six faults. A phase is targeted by the operation
 * that carries the fault and how many of its calls go through first (`after`); a signal is sent when the action's
 * log shows the phase. See README.md in this folder.
 */
export const PHASES = ['before the first mutation', 'between mutations', 'while waiting', 'during rollback'] as const;
export type Phase = (typeof PHASES)[number];

export const FAULTS = [
  'ThrottlingException on 50% of calls',
  'InternalFailure once',
  'dropped connection once',
  '10 s of added latency',
  'SIGINT',
  'SIGTERM 7.5 s after SIGINT',
] as const;
export type Fault = (typeof FAULTS)[number];

export const isSignal = (fault: Fault): boolean => fault === 'SIGINT' || fault === 'SIGTERM 7.5 s after SIGINT';

/** A fault rule as POST /_emulator/faults takes it. */
export interface FaultRuleSpec {
  operation: string;
  error: string;
  rate?: number;
  count?: number;
  after?: number;
  delayMs?: number;
}

/** Where a phase's injected faults land. */
export interface FaultTarget {
  operation: string;
  /** Calls of `operation` let through before the phase (counted from when the rules are installed). */
  after: number;
}

/**
 * The emulator rules for one injected (non-signal) fault at `target`. "50% of calls" throttles the phase's first
 * call for certain and then each later call (the SDK's retries included) with probability 0.5, so a cell can
 * never pass without having been throttled.
 */
export function faultRules(fault: Fault, target: FaultTarget): FaultRuleSpec[] {
  const at = { operation: target.operation, after: target.after };
  switch (fault) {
    case 'ThrottlingException on 50% of calls':
      return [
        { ...at, error: 'ThrottlingException', count: 1 },
        { ...at, error: 'ThrottlingException', rate: 0.5 },
      ];
    case 'InternalFailure once':
      return [{ ...at, error: 'InternalFailure', count: 1 }];
    case 'dropped connection once':
      return [{ ...at, error: 'reset', count: 1 }];
    case '10 s of added latency':
      return [{ ...at, error: 'delay', delayMs: 10_000, count: 1 }];
    default:
      throw new Error(`${fault} is a signal, not an emulator fault`);
  }
}

/** What a cell must end with (beyond the invariant, which every cell checks). */
export interface Expectation {
  outcome: 'success' | 'failure';
  /** The step's `::error::` must say this (the cause named). */
  cause?: RegExp;
}

export const CANCELLED = /cancelled \(SIG(INT|TERM) received\)/;

/** How one phase of one action is exercised. */
export interface PhasePlan {
  target: FaultTarget;
  /** Log text that shows the action is in the phase (signals are sent when it appears). */
  marker: RegExp;
  /** A delay that keeps the action inside the phase long enough for a signal to land there. */
  stretch?: FaultRuleSpec;
  /** Rules every cell of the phase needs (e.g. what makes the run fail and roll back). */
  trigger?: FaultRuleSpec[];
  /** Without a signal: what the cell must end with. */
  expect: Expectation;
  /** With a signal. */
  expectCancelled: Expectation;
}

export const cellTitle = (phase: Phase, fault: Fault): string => `${phase} | ${fault}`;
