/** CloudWatch state: metric alarms by name (unique in the account and region). */
import type { SimClock } from '../contracts.js';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface AlarmRec {
  name: string;
  arn: string;
  /** The alarm's configuration as PutMetricAlarm gave it (Tags left out), described as it is. */
  configuration: Record<string, unknown>;
  actionsEnabled: boolean;
  okActions: string[];
  alarmActions: string[];
  insufficientDataActions: string[];
  threshold?: number;
  state: AlarmState;
  stateReason: string;
  stateReasonData?: string;
  stateUpdatedAt: number;
  stateTransitionedAt: number;
  configurationUpdatedAt: number;
  tags: { Key: string; Value: string }[];
  /** What each action did on the latest state change (for the state dump). */
  lastActions: { arn: string; result: string }[];
}

export interface CloudWatchContext {
  clock: SimClock;
  region: string;
  accountId: string;
}

export class CloudWatchStore {
  readonly alarms = new Map<string, AlarmRec>();

  clear(): void {
    this.alarms.clear();
  }
}
