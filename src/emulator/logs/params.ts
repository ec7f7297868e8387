/** Reading CloudWatch Logs (JSON 1.1, camelCase) parameters; invalid input answers InvalidParameterException. */
import { AwsServiceError } from '../contracts.js';

export type Params = Record<string, unknown>;

export const invalid = (message: string): AwsServiceError => new AwsServiceError('InvalidParameterException', message);

export const notNull = (name: string): AwsServiceError =>
  invalid(`1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`);

export function optStr(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(`Value at '${name}' must be a string`);
  return value;
}

export function reqStr(params: Params, name: string): string {
  const value = optStr(params, name);
  if (value === undefined) throw notNull(name);
  return value;
}

export function optNum(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(`Value at '${name}' must be a number`);
  return value;
}

export function optBool(params: Params, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalid(`Value at '${name}' must be a boolean`);
  return value;
}

export function optStrList(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalid(`Value at '${name}' must be a list of strings`);
  return value as string[];
}

/** `limit` within [1, max], defaulting to `fallback`. */
export function limitOf(params: Params, fallback: number, max: number): number {
  const limit = optNum(params, 'limit') ?? fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw invalid(`1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${max}`);
  }
  return limit;
}

/** nextToken pagination over a list: the token is the base64 of the next offset. */
export function paginate<T>(items: T[], params: Params, limit: number): { page: T[]; nextToken?: string } {
  const token = optStr(params, 'nextToken');
  let start = 0;
  if (token !== undefined) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
    if (!decoded?.[1]) throw invalid('The specified nextToken is invalid.');
    start = Number(decoded[1]);
  }
  const page = items.slice(start, start + limit);
  const end = start + page.length;
  return end < items.length ? { page, nextToken: Buffer.from(`offset:${end}`).toString('base64') } : { page };
}
