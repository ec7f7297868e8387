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

/** A readable message for any thrown value, AWS SDK errors included (their name is the AWS error code). */
export function describeError(e: unknown): string {
  if (e instanceof ConfigurationError) return e.message;
  if (e instanceof Error) {
    const meta = (e as { $metadata?: { requestId?: string; httpStatusCode?: number } }).$metadata;
    const awsCode = meta !== undefined && e.name !== 'Error' ? `${e.name}: ` : '';
    const request = meta?.requestId !== undefined ? ` (request id ${meta.requestId})` : '';
    return `${awsCode}${e.message}${request}`;
  }
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}
