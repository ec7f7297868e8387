/**
 * Readers for JSON 1.1 request members. A member of the wrong JSON type is a SerializationException (as AWS
 * answers a body it cannot deserialise); a missing required member is an InvalidParameterException.
 */
import { AwsServiceError } from '../contracts.js';
import type { Json } from './state.js';

const wrongType = (name: string, expected: string): AwsServiceError =>
  new AwsServiceError('SerializationException', `Unexpected value for '${name}': expected ${expected}.`);

export const invalid = (message: string): AwsServiceError => new AwsServiceError('InvalidParameterException', message);
export const clientError = (message: string): AwsServiceError => new AwsServiceError('ClientException', message);

export function optStr(p: Json, name: string): string | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw wrongType(name, 'a string');
  return v;
}

export function reqStr(p: Json, name: string, message = `${name} can not be blank.`): string {
  const v = optStr(p, name);
  if (v === undefined || v === '') throw invalid(message);
  return v;
}

export function optInt(p: Json, name: string): number | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw wrongType(name, 'an integer');
  return v;
}

export function optBool(p: Json, name: string): boolean | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw wrongType(name, 'a boolean');
  return v;
}

export function optList<T = unknown>(p: Json, name: string): T[] | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw wrongType(name, 'a list');
  return v as T[];
}

export function optObj(p: Json, name: string): Json | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw wrongType(name, 'a structure');
  return v as Json;
}

export function strList(p: Json, name: string): string[] | undefined {
  const list = optList(p, name);
  if (list === undefined) return undefined;
  if (!list.every((item) => typeof item === 'string')) throw wrongType(name, 'a list of strings');
  return list as string[];
}

/** Epoch seconds (how the SDK sends timestamps in JSON 1.1) → ms. */
export function optTimestampMs(p: Json, name: string): number | undefined {
  const v = p[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v * 1000;
  if (typeof v === 'string' && !Number.isNaN(Date.parse(v))) return Date.parse(v);
  throw wrongType(name, 'a timestamp');
}

/** A canonical JSON text (keys sorted), to compare requests and configurations. */
export function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Json).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Deep copy of a JSON value without nulls (AWS does not echo nulls back). */
export function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(clean) as T;
  if (value !== null && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value as Json)) if (v !== null && v !== undefined) out[k] = clean(v);
    return out as T;
  }
  return value;
}

/** `nextToken` pagination over an already ordered list. */
export function paginate<T>(items: T[], p: Json, maxAllowed = 100, defaultMax = 100): { page: T[]; nextToken?: string } {
  const max = optInt(p, 'maxResults') ?? defaultMax;
  if (max < 1 || max > maxAllowed) throw invalid(`maxResults must be between 1 and ${maxAllowed}.`);
  const token = optStr(p, 'nextToken');
  let start = 0;
  if (token !== undefined) {
    const decoded = Number(Buffer.from(token, 'base64').toString('utf8'));
    if (!Number.isInteger(decoded) || decoded < 0) throw invalid('Invalid nextToken.');
    start = decoded;
  }
  const page = items.slice(start, start + max);
  const end = start + page.length;
  return end < items.length ? { page, nextToken: Buffer.from(String(end)).toString('base64') } : { page };
}
