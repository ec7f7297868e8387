/**
 * Error types. A ConfigurationError is the user's to fix (bad input, manifest, file); it always says where:
 * the input name, or the file and line, and the field path. Everything else is a runtime/AWS error.
 */
export interface ErrorLocation {
  /** Action input name, e.g. `task-definition`. */
  input?: string;
  /** Manifest file path as the user wrote it (relative to the workspace). */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** Field path inside the manifest, e.g. `containerDefinitions[1].portMappings[0].containerPort`. */
  field?: string;
}

export class ConfigurationError extends Error {
  readonly location: ErrorLocation;
  readonly detail: string;
  constructor(detail: string, location: ErrorLocation = {}) {
    super(formatLocated(detail, location));
    this.name = 'ConfigurationError';
    this.detail = detail;
    this.location = location;
  }
}

export function isConfigurationError(e: unknown): e is ConfigurationError {
  return e instanceof ConfigurationError;
}

/** `input 'cluster': ...`, `file deploy/td.yaml line 12, field containerDefinitions[0].image: ...` */
export function formatLocated(detail: string, loc: ErrorLocation): string {
  const parts: string[] = [];
  if (loc.input !== undefined) parts.push(`input '${loc.input}'`);
  if (loc.file !== undefined) parts.push(loc.line !== undefined ? `${loc.file}:${loc.line}` : loc.file);
  if (loc.field !== undefined && loc.field !== '') parts.push(`field ${loc.field}`);
  return parts.length === 0 ? detail : `${parts.join(', ')}: ${detail}`;
}

/**
 * The workflow was cancelled (S10): the runner sends SIGINT, then SIGTERM about 7.5 s later. The first signal
 * aborts the runtime's `cancel` signal with this error as its reason.
 */
export class CancelledError extends Error {
  constructor(readonly signal: string) {
    super(`The workflow was cancelled (${signal} received)`);
    this.name = 'CancelledError';
  }
}

export function isCancelledError(e: unknown): e is CancelledError {
  return e instanceof CancelledError;
}

/**
 * A readable message for any thrown value. AWS SDK errors (they carry `$metadata`) give their error code (the
 * error's name), message and request id; an Error's `cause` is appended; strings as they are; anything else as JSON.
 */
export function describeError(e: unknown): string {
  return describeAt(e, 0);
}

function describeAt(e: unknown, depth: number): string {
  if (e instanceof ConfigurationError) return e.message;
  if (e instanceof Error) {
    const meta = (e as { $metadata?: { requestId?: string; httpStatusCode?: number } }).$metadata;
    const isAws = meta !== undefined && e.name !== 'Error';
    const awsCode = isAws ? `${e.name}: ` : '';
    const text = e.message !== '' ? e.message : isAws ? '(no message)' : e.name;
    const status = isAws && meta.httpStatusCode !== undefined ? `HTTP ${meta.httpStatusCode}` : undefined;
    const request = meta?.requestId !== undefined ? `request id ${meta.requestId}` : undefined;
    const extra = [status, request].filter((x) => x !== undefined);
    const suffix = extra.length > 0 ? ` (${extra.join(', ')})` : '';
    const cause = e.cause !== undefined && depth < 3 ? `; caused by: ${describeAt(e.cause, depth + 1)}` : '';
    return `${awsCode}${text}${suffix}${cause}`;
  }
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}
