/** One entry of the `failures` list that ECS batch reads (DescribeServices, DescribeTasks) return. */
export interface EcsFailure {
  arn?: string | undefined;
  reason?: string | undefined;
  detail?: string | undefined;
}

/** ECS answered a read with a `failures` entry other than MISSING (e.g. a malformed ARN). */
export class EcsFailureError extends Error {
  constructor(
    readonly operation: string,
    readonly failure: EcsFailure,
  ) {
    const detail = failure.detail !== undefined && failure.detail !== '' ? ` (${failure.detail})` : '';
    super(`${operation} failed for ${failure.arn ?? 'the request'}: ${failure.reason ?? 'unknown reason'}${detail}`);
    this.name = 'EcsFailureError';
  }
}
