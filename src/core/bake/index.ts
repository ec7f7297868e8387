/**
 * The bake (C1, B5): watch a service that just became steady for a while before trusting it. It fails as soon as
 * one of the service's tasks stops, one of its targets in the watched target groups stops being healthy, or one of
 * the named CloudWatch alarms is in ALARM; it succeeds when the duration has passed with none of that. Built on the
 * one polling primitive (src/core/poll): the overall deadline, a read budget, back-off and the abort signal.
 */
export { bake } from './bake.js';
export type { BakeDeps, BakePlan, BakeResult } from './types.js';
