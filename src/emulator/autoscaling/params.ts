/** Reading Application Auto Scaling (JSON 1.1) parameters; invalid input answers ValidationException. */
import { AwsServiceError } from '../contracts.js';

export type Params = Record<string, unknown>;

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

export const validation = (message: string): AwsServiceError => new AwsServiceError('ValidationException', message);

export function reqStr(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined || value === null) {
    throw validation(`1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`);
  }
  if (typeof value !== 'string') throw validation(`Value at '${lowerFirst(name)}' must be a string`);
  return value;
}

export function optStr(params: Params, name: string): string | undefined {
  return params[name] === undefined || params[name] === null ? undefined : reqStr(params, name);
}

export function optInt(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw validation(`Value at '${lowerFirst(name)}' must be an integer`);
  return value;
}

export function optStrList(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw validation(`Value at '${lowerFirst(name)}' must be a list of strings`);
  }
  return value as string[];
}

export function optObject(params: Params, name: string): Params | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw validation(`Value at '${lowerFirst(name)}' must be a structure`);
  return value as Params;
}

/** NextToken pagination over an in-memory list: the token is the base64 of the next offset. */
export function paginate<T>(items: T[], params: Params, maxPage = 50): { page: T[]; NextToken?: string } {
  const max = optInt(params, 'MaxResults') ?? maxPage;
  if (max < 1 || max > maxPage) {
    throw validation(
      `1 validation error detected: Value '${max}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${maxPage}`,
    );
  }
  const token = optStr(params, 'NextToken');
  let start = 0;
  if (token !== undefined) {
    const decoded = /^offset:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
    if (!decoded?.[1]) throw new AwsServiceError('InvalidNextTokenException', 'Invalid token');
    start = Number(decoded[1]);
  }
  const page = items.slice(start, start + max);
  const end = start + page.length;
  return end < items.length ? { page, NextToken: Buffer.from(`offset:${end}`).toString('base64') } : { page };
}

/** The resource fields a policy or scheduled action is filtered by. */
interface Targeted {
  serviceNamespace: string;
  resourceId: string;
  scalableDimension: string;
}

/**
 * Describe* of policies or scheduled actions: the ones in `ServiceNamespace` (required), filtered by the names in
 * `namesParam`, `ResourceId` and `ScalableDimension`, paged with MaxResults (≤ 50) and NextToken.
 */
export function describeFiltered<T extends Targeted>(
  items: Iterable<T>,
  params: Params,
  namesParam: string,
  nameOf: (item: T) => string,
  checkNamespace: (namespace: string) => void,
): { page: T[]; NextToken?: string } {
  const namespace = reqStr(params, 'ServiceNamespace');
  checkNamespace(namespace);
  const names = optStrList(params, namesParam);
  const resourceId = optStr(params, 'ResourceId');
  const dimension = optStr(params, 'ScalableDimension');
  const found = [...items].filter(
    (i) =>
      i.serviceNamespace === namespace &&
      (names === undefined || names.length === 0 || names.includes(nameOf(i))) &&
      (resourceId === undefined || i.resourceId === resourceId) &&
      (dimension === undefined || i.scalableDimension === dimension),
  );
  return paginate(found, params, 50);
}
