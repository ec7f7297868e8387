/**
 * Reading CloudWatch parameters (AWS JSON 1.0). Invalid input answers the error codes of the CloudWatch API
 * reference: ValidationError for a value the model refuses (a missing required member, a length or range),
 * InvalidParameterValue, InvalidParameterCombination and MissingParameter for the rules of the operation.
 */
import { AwsServiceError } from '../contracts.js';

export type Params = Record<string, unknown>;

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

export const validationError = (message: string): AwsServiceError => new AwsServiceError('ValidationError', message);
export const invalidValue = (message: string): AwsServiceError => new AwsServiceError('InvalidParameterValue', message);
export const invalidCombination = (message: string): AwsServiceError => new AwsServiceError('InvalidParameterCombination', message);
export const missing = (name: string): AwsServiceError => new AwsServiceError('MissingParameter', `The parameter ${name} is required.`);

export function notNull(name: string): AwsServiceError {
  return validationError(`1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`);
}

export function reqStr(params: Params, name: string, maxLength = 1024): string {
  const value = params[name];
  if (value === undefined || value === null) throw notNull(name);
  if (typeof value !== 'string') throw validationError(`Value at '${lowerFirst(name)}' must be a string`);
  if (value.length < 1 || value.length > maxLength) {
    throw validationError(
      `1 validation error detected: Value '${value}' at '${lowerFirst(name)}' failed to satisfy constraint: Member must have length between 1 and ${maxLength}`,
    );
  }
  return value;
}

export function optStr(params: Params, name: string, maxLength = 1024): string | undefined {
  return params[name] === undefined || params[name] === null ? undefined : reqStr(params, name, maxLength);
}

export function optEnum(params: Params, name: string, values: readonly string[]): string | undefined {
  const value = optStr(params, name);
  if (value !== undefined && !values.includes(value)) {
    throw validationError(
      `1 validation error detected: Value '${value}' at '${lowerFirst(name)}' failed to satisfy constraint: Member must satisfy enum value set: [${values.join(', ')}]`,
    );
  }
  return value;
}

export function reqEnum(params: Params, name: string, values: readonly string[]): string {
  const value = optEnum(params, name, values);
  if (value === undefined) throw notNull(name);
  return value;
}

export function optNumber(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw validationError(`Value at '${lowerFirst(name)}' must be a number`);
  return value;
}

/** An integer of at least `min` (a model range constraint). */
export function optInt(params: Params, name: string, min: number): number | undefined {
  const value = optNumber(params, name);
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min) {
    throw validationError(
      `1 validation error detected: Value '${value}' at '${lowerFirst(name)}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`,
    );
  }
  return value;
}

export function optBool(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw validationError(`Value at '${lowerFirst(name)}' must be a boolean`);
  return value;
}

/** A list of strings of at most `max` members. */
export function optStrList(params: Params, name: string, max: number): string[] | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw validationError(`Value at '${lowerFirst(name)}' must be a list of strings`);
  if (value.length > max) {
    throw validationError(
      `1 validation error detected: Value '[${value.join(', ')}]' at '${lowerFirst(name)}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
    );
  }
  return value as string[];
}

export function optList(params: Params, name: string, max: number): Params[] | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'object' || v === null || Array.isArray(v))) {
    throw validationError(`Value at '${lowerFirst(name)}' must be a list of structures`);
  }
  if (value.length > max) {
    throw validationError(
      `1 validation error detected: Value at '${lowerFirst(name)}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
    );
  }
  return value as Params[];
}

/** NextToken pagination over an in-memory list (the token is opaque to the caller). */
export function paginate<T>(items: T[], params: Params, maxPage: number, defaultPage: number): { page: T[]; NextToken?: string } {
  const max = optInt(params, 'MaxRecords', 1) ?? defaultPage;
  if (max > maxPage) {
    throw validationError(
      `1 validation error detected: Value '${max}' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to ${maxPage}`,
    );
  }
  const token = optStr(params, 'NextToken');
  let start = 0;
  if (token !== undefined) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
    if (!decoded?.[1]) throw new AwsServiceError('InvalidNextToken', 'The service couldn\'t process the NextToken.');
    start = Number(decoded[1]);
  }
  const page = items.slice(start, start + max);
  const end = start + page.length;
  return end < items.length ? { page, NextToken: Buffer.from(`offset:${end}`).toString('base64') } : { page };
}
