/** The one polling primitive every wait uses (S7): deadline, read budget, back-off, jitter, abort signal. */
export { DEFAULT_POLL_INTERVAL_MS, isAborted, poll } from './poll.js';
export type { PollDeps, PollEnd, PollOptions, PollRound } from './poll.js';
export { DEFAULT_MAX_INTERVAL_MS, DEFAULT_READS_PER_MINUTE, PollPacer } from './pacer.js';
export type { PollPacerOptions, PollRecovery } from './pacer.js';
export { DENSE_DIVISOR, NEAR_HORIZON_MS, SLOW_FACTOR, denseMs, paceIntervalMs, slowMs } from './pace.js';
export type { PaceHint, PaceInputs } from './pace.js';
