/**
 * A SimClock for emulator unit tests: time moves only when the test calls `advance`, and timers scheduled with
 * `after` fire, in order, as the clock passes them.
 */
import type { SimClock } from '../../../src/emulator/contracts.js';

export class ManualSimClock implements SimClock {
  private current: number;
  private timers: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;

  constructor(start = Date.UTC(2025, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  after(simulatedMs: number, fn: () => void): () => void {
    const timer = { at: this.current + Math.max(0, simulatedMs), seq: this.seq++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward by `ms`, firing due timers at their own time. */
  advance(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = due.at;
      due.fn();
    }
    this.current = end;
  }

  advanceSeconds(seconds: number): void {
    this.advance(seconds * 1000);
  }
}
