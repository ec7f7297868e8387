/**
 * Name checks every action shares (S3): cluster and region names, the `service` input (name or ARN) checked
 * against the service definition's serviceName and cluster, and references to registered task definitions. Names
 * follow the ECS rule: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens"; ARNs are
 * accepted where ECS accepts them.
 */
import type { CreateServiceCommandInput } from '@aws-sdk/client-ecs';
import { clusterNameOf, serviceNameOf } from '../autoscaling/resource.js';
import { taskDefinitionRefProblem } from '../ecs/task-definition-refs.js';
import { ConfigurationError, type ErrorLocation } from '../errors.js';

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const CLUSTER_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster\/[A-Za-z0-9_-]{1,255}$/;
/** `service/<cluster>/<name>` (current format) or `service/<name>` (the old one). */
const SERVICE_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:service\/(?:([A-Za-z0-9_-]{1,255})\/)?([A-Za-z0-9_-]{1,255})$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;

export function checkCluster(value: string, where: ErrorLocation): string {
  if (NAME.test(value) || CLUSTER_ARN.test(value)) return value;
  throw new ConfigurationError(
    `'${value}' is not a cluster name (up to 255 letters, numbers, hyphens and underscores) or cluster ARN`,
    where,
  );
}

/**
 * A reference to a registered task definition (S4): a full ARN or `family:revision` (a bare family would deploy or
 * run whatever revision is latest at that moment). The reference itself, or a ConfigurationError at `where`.
 */
export function checkTaskDefinitionRef(ref: string, where: ErrorLocation): string {
  const problem = taskDefinitionRefProblem(ref);
  if (problem !== undefined) throw new ConfigurationError(problem, where);
  return ref;
}

export function checkRegion(value: string | undefined): string | undefined {
  if (value === undefined || REGION.test(value)) return value;
  throw new ConfigurationError(`'${value}' is not an AWS region name (e.g. us-east-1)`, { input: 'region' });
}

/** The `service` input: a name, or a service ARN (its cluster, when the ARN names one, is returned too). */
export function parseServiceInput(value: string): { name: string; cluster?: string } {
  if (NAME.test(value)) return { name: value };
  const arn = SERVICE_ARN.exec(value);
  if (arn !== null) {
    const name = serviceNameOf(value);
    return arn[1] !== undefined ? { name, cluster: arn[1] } : { name };
  }
  throw new ConfigurationError(
    `'${value}' is not a service name (up to 255 letters, numbers, hyphens and underscores) or service ARN`,
    { input: 'service' },
  );
}

export interface Target {
  cluster: string;
  serviceName: string;
}

/** Where a field of the service definition is written (input, file, line, field), for errors. */
export type FieldLocator = (field: 'serviceName' | 'cluster') => ErrorLocation;

/**
 * The service name: the `service` input or the definition's serviceName (one is needed; when both are given they
 * must agree). The cluster: the `cluster` input, else the service ARN's, else the definition's, else `default`.
 */
export function resolveTarget(
  serviceInput: string | undefined,
  clusterInput: string | undefined,
  definition: CreateServiceCommandInput | undefined,
  locate: FieldLocator,
): Target {
  const fromInput = serviceInput === undefined ? undefined : parseServiceInput(serviceInput);
  const inFile = definition?.serviceName ?? undefined;
  if (inFile !== undefined && !NAME.test(inFile)) {
    throw new ConfigurationError(
      `'${inFile}' is not a service name (up to 255 letters, numbers, hyphens and underscores)`,
      locate('serviceName'),
    );
  }
  if (fromInput !== undefined && inFile !== undefined && fromInput.name !== inFile) {
    const at = locate('serviceName');
    const where = at.file !== undefined ? ` (${at.file}${at.line !== undefined ? `:${at.line}` : ''})` : '';
    throw new ConfigurationError(
      `'${fromInput.name}' is not the service the service definition names: serviceName in input ` +
        `'service-definition'${where} is '${inFile}'; remove one or make them agree`,
      { input: 'service' },
    );
  }
  const serviceName = fromInput?.name ?? inFile;
  if (serviceName === undefined) {
    throw new ConfigurationError("a service is needed: set the 'service' input, or serviceName in the service definition", {
      input: 'service',
    });
  }
  if (clusterInput !== undefined && fromInput?.cluster !== undefined && clusterNameOf(clusterInput) !== fromInput.cluster) {
    throw new ConfigurationError(
      `the service ARN is in cluster '${fromInput.cluster}' but input 'cluster' is '${clusterInput}'`,
      { input: 'service' },
    );
  }
  const fileCluster = definition?.cluster ?? undefined;
  if (clusterInput === undefined && fromInput?.cluster === undefined && fileCluster !== undefined) {
    checkCluster(fileCluster, locate('cluster'));
  }
  return { serviceName, cluster: clusterInput ?? fromInput?.cluster ?? fileCluster ?? 'default' };
}
