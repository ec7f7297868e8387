/** Where an action writes its step log. Production: @actions/core (see actions-runtime.ts); tests: a recording fake. */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  /** Runs `fn` inside a collapsible group named `name` (S6); the group closes even when `fn` throws. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}
