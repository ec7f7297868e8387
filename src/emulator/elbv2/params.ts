/**
 * Reading AWS Query parameters: every scalar arrives as a string, lists as arrays (or '' when empty).
 * Validation failures answer the way ELBv2 does: code ValidationError, HTTP 400.
 */
import { AwsServiceError } from '../contracts.js';

export type Params = Record<string, unknown>;

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

export function validationError(message: string): AwsServiceError {
  return new AwsServiceError('ValidationError', message, 400);
}

export function missing(name: string): AwsServiceError {
  return validationError(
    `1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`,
  );
}

export function optStr(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw validationError(`Invalid value for parameter '${lowerFirst(name)}'`);
}

export function reqStr(params: Params, name: string): string {
  const value = optStr(params, name);
  if (value === undefined) throw missing(name);
  return value;
}

export function optInt(params: Params, name: string): number | undefined {
  const raw = optStr(params, name);
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) {
    throw validationError(`Value '${raw}' at '${lowerFirst(name)}' failed to satisfy constraint: Member must be an integer`);
  }
  return value;
}

export function reqInt(params: Params, name: string): number {
  const value = optInt(params, name);
  if (value === undefined) throw missing(name);
  return value;
}

export function optBool(params: Params, name: string): boolean | undefined {
  const raw = optStr(params, name);
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw validationError(`Value '${raw}' at '${lowerFirst(name)}' failed to satisfy constraint: Member must be a boolean`);
}

/** A list parameter: missing or '' (the SDK's encoding of an empty list) is []. */
export function list(params: Params, name: string): unknown[] {
  const value = params[name];
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value;
  throw validationError(`Invalid value for parameter '${lowerFirst(name)}': expected a list`);
}

export function strList(params: Params, name: string): string[] {
  return list(params, name).map((item) => {
    if (typeof item !== 'string') throw validationError(`Invalid value in list '${lowerFirst(name)}'`);
    return item;
  });
}

export function structList(params: Params, name: string): Params[] {
  return list(params, name).map((item) => asStruct(item, name));
}

export function asStruct(value: unknown, name: string): Params {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Params;
  throw validationError(`Invalid value for parameter '${lowerFirst(name)}': expected a structure`);
}

export function optStruct(params: Params, name: string): Params | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  return asStruct(value, name);
}

/** Marker pagination shared by the Describe* operations: the marker is the offset, as a string. */
export function paginate<T>(items: T[], params: Params, maxPageSize = 400): { page: T[]; nextMarker?: string } {
  const pageSize = optInt(params, 'PageSize') ?? maxPageSize;
  if (pageSize < 1 || pageSize > maxPageSize) {
    throw validationError(
      `1 validation error detected: Value '${pageSize}' at 'pageSize' failed to satisfy constraint: Member must have value between 1 and ${maxPageSize}`,
    );
  }
  const marker = optStr(params, 'Marker');
  const start = marker === undefined || marker === '' ? 0 : Number(marker);
  if (!Number.isInteger(start) || start < 0) throw validationError('Invalid marker');
  const page = items.slice(start, start + pageSize);
  const end = start + page.length;
  return end < items.length ? { page, nextMarker: String(end) } : { page };
}
