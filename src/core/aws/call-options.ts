/** Options every wrapper of the AWS layer (src/core/ecs, src/core/elb) accepts. */
export interface AwsCallOptions {
  /** Aborts the HTTP request (S10: cancellation). */
  signal?: AbortSignal | undefined;
  /** Called once before each API request, with the operation name: lets a caller count reads against a budget. */
  onCall?: ((operation: string) => void) | undefined;
}

/** The SDK's per-call options for an optional abort signal. */
export function httpOptions(opts: AwsCallOptions): { abortSignal?: AbortSignal } {
  return opts.signal === undefined ? {} : { abortSignal: opts.signal };
}
