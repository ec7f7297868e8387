/**
 * How the service watcher keeps a crash loop quiet (S6). A minute of a crash-looping deployment used to print one
 * event line per started task and one `Task … stopped` line per crashed task (with ECS replacing a task every
 * few seconds, about as many lines as polls times tasks). The watcher now prints the first line of each kind in
 * full and folds the repeats that follow within FOLD_INTERVAL_MS into one line that says how many there were.
 *
 * The numbers (time of the injected clock, so a unit test drives them):
 * - FOLD_INTERVAL_MS, 30 s: a line of a kind printed less than 30 s ago is held back; the held-back lines are printed
 *   as one line when 30 s have passed since that kind was last printed, before any line of a new kind (so the log
 *   stays in time order), and when the wait ends. A crash loop then costs about two lines a minute per kind,
 *   while a new kind of event (a failure, a steady state, a rollback) is still printed the moment it is seen.
 * - PROGRESS_REPEAT_INTERVAL_MS, 10 s: a deployment's progress line that shows a state it was already in (counts
 *   flapping as tasks start and crash) is printed at most every 10 s; a state not seen before is printed at once.
 */
import type { Clock } from '../../time.js';

export const FOLD_INTERVAL_MS = 30_000;
export const PROGRESS_REPEAT_INTERVAL_MS = 10_000;

/** How one item is printed alone, and how a run of held-back items of one kind is printed as one line. */
export interface FoldRendering<T> {
  one(item: T): string;
  /** `items` has at least two entries, oldest first. */
  many(items: readonly T[]): string;
}

interface Kind<T> {
  printedAt: number;
  held: T[];
  /** Order of the last held item, so held lines come out in the order they happened. */
  lastSeq: number;
}

/** Prints items (oldest first) through `out`, folding repeats of a kind as described above. */
export class RepeatFolder<T> {
  private readonly kinds = new Map<string, Kind<T>>();
  private seq = 0;

  constructor(
    private readonly out: (line: string) => void,
    private readonly clock: Clock,
    private readonly render: FoldRendering<T>,
    private readonly intervalMs: number = FOLD_INTERVAL_MS,
  ) {}

  offer(key: string, item: T): void {
    const now = this.clock.now();
    this.seq += 1;
    const kind = this.kinds.get(key);
    if (kind === undefined || (kind.held.length === 0 && now - kind.printedAt >= this.intervalMs)) {
      this.flush();
      this.out(this.render.one(item));
      this.kinds.set(key, { printedAt: now, held: [], lastSeq: this.seq });
      return;
    }
    kind.held.push(item);
    kind.lastSeq = this.seq;
    if (now - kind.printedAt >= this.intervalMs) this.flush();
  }

  /** Prints the held-back lines when their kind's interval has passed (call after each poll). */
  tick(): void {
    const now = this.clock.now();
    for (const kind of this.kinds.values()) {
      if (kind.held.length > 0 && now - kind.printedAt >= this.intervalMs) {
        this.flush();
        return;
      }
    }
  }

  /** Prints every held-back line now, in the order they happened (a new kind is printed, or the wait ends). */
  flush(): void {
    const now = this.clock.now();
    const pending = [...this.kinds.entries()].filter(([, k]) => k.held.length > 0).sort((a, b) => a[1].lastSeq - b[1].lastSeq);
    for (const [, kind] of pending) {
      const [first] = kind.held;
      this.out(kind.held.length === 1 && first !== undefined ? this.render.one(first) : this.render.many(kind.held));
      kind.held = [];
      kind.printedAt = now;
    }
    // Kinds not printed for a whole interval hold nothing: forget them, so the map stays small.
    for (const [key, kind] of this.kinds) if (kind.held.length === 0 && now - kind.printedAt >= this.intervalMs) this.kinds.delete(key);
  }
}

/**
 * Prints a line per key when it changed; a line the key already showed before (counts flapping) only when
 * PROGRESS_REPEAT_INTERVAL_MS passed since that key's last line. Without a clock every change is printed.
 */
export class ChangePrinter {
  private readonly last = new Map<string, { line: string; at: number; seen: Set<string> }>();

  constructor(
    private readonly out: (line: string) => void,
    private readonly clock?: Clock,
    private readonly repeatIntervalMs: number = PROGRESS_REPEAT_INTERVAL_MS,
  ) {}

  print(key: string, line: string): void {
    const now = this.clock?.now() ?? 0;
    const last = this.last.get(key);
    if (last?.line === line) return;
    if (this.clock !== undefined && last?.seen.has(line) === true && now - last.at < this.repeatIntervalMs) return;
    const seen = last?.seen ?? new Set<string>();
    if (seen.size >= MAX_REMEMBERED_LINES) seen.clear();
    seen.add(line);
    this.last.set(key, { line, at: now, seen });
    this.out(line);
  }
}

/** Distinct lines remembered per key: a deployment's counts take far fewer values than this. */
const MAX_REMEMBERED_LINES = 64;
