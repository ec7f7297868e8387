/**
 * The emulator's own controls (never an AWS path): the call log, fault injection and ECS-like throttling.
 * Routes under /_emulator/ are served by server.ts through `handleControl`.
 */
import { AwsServiceError } from './contracts.js';
import type { Random } from './random.js';

export interface CallRecord {
  /** Wall-clock epoch ms when the call arrived (compare with `?since=`). */
  time: number;
  /** Simulated epoch ms (the clock every AWS timestamp uses). */
  simTime: number;
  service: string;
  operation: string;
  parameters: unknown;
  status: number;
  /** AWS error code when the call failed (including injected faults and throttling). */
  error?: string;
  /** `error`, `reset` or `delay` when a fault was injected into this call. */
  fault?: string;
  requestId: string;
  durationMs: number;
}

/** Every AWS call received, oldest first (the oldest are dropped beyond `limit`). */
export class CallLog {
  private readonly entries: CallRecord[] = [];
  constructor(private readonly limit = 50_000) {}
  add(record: CallRecord): void {
    this.entries.push(record);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }
  list(since?: number): CallRecord[] {
    return since === undefined ? [...this.entries] : this.entries.filter((c) => c.time >= since);
  }
  clear(): void {
    this.entries.length = 0;
  }
}

/** HTTP status AWS answers each error with (400 unless listed). */
const ERROR_STATUS: Record<string, number> = {
  InternalFailure: 500,
  InternalError: 500,
  InternalServerError: 500,
  InternalServiceError: 500,
  InternalServiceException: 500,
  ServerException: 500,
  ServiceException: 500,
  ServiceUnavailable: 503,
  ServiceUnavailableException: 503,
  Unavailable: 503,
  RequestTimeout: 408,
  RequestTimeoutException: 408,
  AccessDeniedException: 400,
  UnrecognizedClientException: 400,
};

const ERROR_MESSAGE: Record<string, string> = {
  ThrottlingException: 'Rate exceeded',
  Throttling: 'Rate exceeded',
  TooManyRequestsException: 'Rate exceeded',
  ServiceUnavailable: 'Service Unavailable',
  InternalFailure: 'The request processing has failed because of an unknown error, exception or failure.',
};

export function faultError(code: string, message?: string): AwsServiceError {
  return new AwsServiceError(code, message ?? ERROR_MESSAGE[code] ?? `Injected fault: ${code}`, ERROR_STATUS[code] ?? 400);
}

export interface FaultSpec {
  /** Operation name (e.g. `UpdateService`) or `*`. */
  operation: string;
  /** An AWS error code, `reset` (drop the connection) or `delay` (wait delayMs, then answer normally). */
  error: string;
  /** Probability 0..1 that a matching call is hit (default 1). */
  rate: number;
  /** Stop after this many injected faults. */
  count?: number;
  /** Let the first n matching calls through. */
  after?: number;
  delayMs?: number;
  /** Restrict to one service (`ecs`, `elasticloadbalancing`, `application-autoscaling`, `logs`). */
  service?: string;
  message?: string;
}

export interface FaultRule extends FaultSpec {
  id: number;
  matched: number;
  injected: number;
}

export type FaultDecision = { kind: 'error'; error: AwsServiceError } | { kind: 'reset' } | { kind: 'delay'; ms: number };

const num = (v: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new Error(`"${name}" must be a number between ${min} and ${max}`);
  }
  return v;
};

export function parseFaultSpec(body: unknown): FaultSpec {
  if (typeof body !== 'object' || body === null) throw new Error('expected a JSON object');
  const b = body as Record<string, unknown>;
  if (typeof b['operation'] !== 'string' || b['operation'] === '') throw new Error('"operation" is required');
  if (typeof b['error'] !== 'string' || b['error'] === '') throw new Error('"error" is required');
  const spec: FaultSpec = { operation: b['operation'], error: b['error'], rate: num(b['rate'], 'rate', 0, 1) ?? 1 };
  const count = num(b['count'], 'count', 1);
  const after = num(b['after'], 'after', 0);
  const delayMs = num(b['delayMs'], 'delayMs', 0, 600_000);
  if (count !== undefined) spec.count = Math.floor(count);
  if (after !== undefined) spec.after = Math.floor(after);
  if (delayMs !== undefined) spec.delayMs = delayMs;
  else if (spec.error === 'delay') spec.delayMs = 1000;
  if (typeof b['service'] === 'string') spec.service = b['service'];
  if (typeof b['message'] === 'string') spec.message = b['message'];
  return spec;
}

/** Fault rules; the first matching rule that fires decides. Random draws come from the seeded generator. */
export class Faults {
  private rules: FaultRule[] = [];
  private nextId = 1;
  constructor(private readonly random: Random) {}

  add(spec: FaultSpec): FaultRule {
    const rule: FaultRule = { ...spec, id: this.nextId++, matched: 0, injected: 0 };
    this.rules.push(rule);
    return rule;
  }
  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }
  clear(): void {
    this.rules = [];
  }

  decide(service: string, operation: string): FaultDecision | undefined {
    for (const rule of this.rules) {
      if (rule.operation !== '*' && rule.operation !== operation) continue;
      if (rule.service !== undefined && rule.service !== service) continue;
      rule.matched++;
      if (rule.matched <= (rule.after ?? 0)) continue;
      if (rule.count !== undefined && rule.injected >= rule.count) continue;
      if (this.random.next() >= rule.rate) continue;
      rule.injected++;
      if (rule.error === 'reset') return { kind: 'reset' };
      if (rule.error === 'delay') return { kind: 'delay', ms: rule.delayMs ?? 1000 };
      return { kind: 'error', error: faultError(rule.error, rule.message) };
    }
    return undefined;
  }
}

interface Bucket {
  tokens: number;
  updated: number;
  capacity: number;
  refillPerSecond: number;
}

/**
 * Token buckets per service and operation family, in wall-clock time, shaped like ECS's documented throttling:
 * reads (Describe*, List*, Get*) have a larger burst than writes; RunTask/StopTask have their own bucket.
 */
export class Throttle {
  private readonly buckets = new Map<string, Bucket>();
  constructor(readonly enabled: boolean) {}

  static family(operation: string): { name: string; capacity: number; refillPerSecond: number } {
    if (operation === 'RunTask' || operation === 'StartTask' || operation === 'StopTask') {
      return { name: 'task-launch', capacity: 100, refillPerSecond: 40 };
    }
    if (/^(Describe|List|Get|Filter)/.test(operation)) return { name: 'read', capacity: 50, refillPerSecond: 20 };
    return { name: 'write', capacity: 20, refillPerSecond: 5 };
  }

  /** Takes a token; false when the caller must be answered with a throttling error. */
  take(service: string, operation: string, now = Date.now()): boolean {
    if (!this.enabled) return true;
    const family = Throttle.family(operation);
    const key = `${service}:${family.name}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: family.capacity, updated: now, capacity: family.capacity, refillPerSecond: family.refillPerSecond };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(bucket.capacity, bucket.tokens + ((now - bucket.updated) / 1000) * bucket.refillPerSecond);
    bucket.updated = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}

/** The throttling error each protocol family uses: ThrottlingException (JSON services), Throttling (ELBv2). */
export function throttlingError(service: string): AwsServiceError {
  return faultError(service === 'elasticloadbalancing' ? 'Throttling' : 'ThrottlingException');
}

export interface ControlDeps {
  reset(): void;
  calls: CallLog;
  faults: Faults;
  state(): unknown;
  /** POST container-instances: the JSON body, parsed; returns the registered ARNs (throws on a bad body). */
  registerContainerInstances(body: unknown): string[];
  /** /_emulator/hooks: lifecycle hook Lambda answers (POST body parsed; throws on a bad body), list, clear. */
  hooks: { set(body: unknown): unknown; list(): unknown; clear(): void };
}

export interface ControlResponse {
  status: number;
  body: unknown;
}

/** Handles `/_emulator/...`; `path` is the URL path without the prefix, e.g. `faults`. */
export function handleControl(method: string, path: string, query: URLSearchParams, body: string, deps: ControlDeps): ControlResponse {
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'POST reset':
      deps.reset();
      return { status: 200, body: { ok: true } };
    case 'GET calls': {
      const sinceText = query.get('since');
      const since = sinceText === null ? undefined : Number(sinceText);
      if (since !== undefined && !Number.isFinite(since)) return { status: 400, body: { message: '"since" must be epoch milliseconds' } };
      const service = query.get('service');
      const operation = query.get('operation');
      const calls = deps.calls
        .list(since)
        .filter((c) => (service === null || c.service === service) && (operation === null || c.operation === operation));
      return { status: 200, body: { calls } };
    }
    case 'DELETE calls':
      deps.calls.clear();
      return { status: 200, body: { ok: true } };
    case 'GET faults':
      return { status: 200, body: { faults: deps.faults.list() } };
    case 'POST faults': {
      try {
        const rule = deps.faults.add(parseFaultSpec(body === '' ? undefined : JSON.parse(body)));
        return { status: 200, body: { fault: rule } };
      } catch (err) {
        return { status: 400, body: { message: err instanceof Error ? err.message : String(err) } };
      }
    }
    case 'DELETE faults':
      deps.faults.clear();
      return { status: 200, body: { ok: true } };
    case 'GET state':
      return { status: 200, body: deps.state() };
    case 'POST container-instances':
      try {
        return { status: 200, body: { containerInstanceArns: deps.registerContainerInstances(body === '' ? {} : JSON.parse(body)) } };
      } catch (err) {
        return { status: 400, body: { message: err instanceof Error ? err.message : String(err) } };
      }
    case 'POST hooks':
      try {
        return { status: 200, body: { response: deps.hooks.set(body === '' ? {} : JSON.parse(body)) } };
      } catch (err) {
        return { status: 400, body: { message: err instanceof Error ? err.message : String(err) } };
      }
    case 'GET hooks':
      return { status: 200, body: deps.hooks.list() };
    case 'DELETE hooks':
      deps.hooks.clear();
      return { status: 200, body: { ok: true } };
    case 'GET health':
      return { status: 200, body: { ok: true } };
    default:
      return { status: 404, body: { message: `No emulator control route ${method} /_emulator/${path}` } };
  }
}
