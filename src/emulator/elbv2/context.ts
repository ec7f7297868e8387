/** What every ELBv2 handler works with. */
import type { SimClock } from '../contracts.js';
import type { ArnScope } from './ids.js';
import type { Params } from './params.js';
import type { ElbStore } from './store.js';

export interface ElbContext {
  readonly store: ElbStore;
  readonly scope: ArnScope;
  readonly clock: SimClock;
}

export type ElbHandler = (params: Params) => unknown;

export type Tag = { Key: string; Value?: string };
