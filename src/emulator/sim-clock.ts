/**
 * Simulated time for the emulator. `now()` runs `speed` times faster than the wall clock, starting from the wall
 * clock at creation, so every duration the emulator simulates (task start, health checks, draining) is divided by
 * `speed` in real time while timestamps stay plausible epoch milliseconds.
 *
 * Every timer goes through `after`, so `cancelAll()` (reset, stop) leaves no pending work behind and the process
 * can exit. There is no tick loop: work happens only when a scheduled timer fires.
 */
import type { SimClock } from './contracts.js';

export interface ManagedSimClock extends SimClock {
  readonly speed: number;
  /** Cancels every pending timer. */
  cancelAll(): void;
  /** Number of pending timers (for the state dump and tests of the emulator itself). */
  pending(): number;
}

export function createSimClock(speed = 1): ManagedSimClock {
  if (!Number.isFinite(speed) || speed <= 0) throw new Error(`speed must be a positive number, got ${speed}`);
  const wallStart = Date.now();
  const perfStart = performance.now();
  const timers = new Set<NodeJS.Timeout>();
  return {
    speed,
    now: () => Math.floor(wallStart + (performance.now() - perfStart) * speed),
    after(simulatedMs, fn) {
      const realMs = Math.max(0, simulatedMs) / speed;
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, realMs);
      timers.add(timer);
      return () => {
        clearTimeout(timer);
        timers.delete(timer);
      };
    },
    cancelAll() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    pending: () => timers.size,
  };
}
