/**
 * The manifests of a deployment (S1, S2): task definition, service definition, scalable targets and scaling
 * policies, each parsed and validated against its AWS request shape before any AWS call (S3).
 */
import { readFile } from 'node:fs/promises';
import type {
  PutScalingPolicyCommandInput,
  RegisterScalableTargetCommandInput,
} from '@aws-sdk/client-application-auto-scaling';
import type { CreateServiceCommandInput, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { ConfigurationError, type ErrorLocation } from '../../core/errors.js';
import {
  SERVICE_DEFINITION,
  checkManifest,
  loadManifest,
  loadScalableTargets,
  loadScalingPolicies,
  loadTaskDefinition,
  resolveManifestPath,
  type Placeholders,
} from '../../core/manifests/index.js';
import type { FieldLocator } from './names.js';

/** `<+artifact.image>` or `<+primary.artifact.image>` (as placeholders.ts reads them). */
const IMAGE_PLACEHOLDER = /<\+\s*(primary\.)?artifact\.image\s*>/;

export interface ManifestPaths {
  taskDefinition: string | undefined;
  serviceDefinition: string | undefined;
  scalableTargets: string | undefined;
  scalingPolicies: string | undefined;
}

export interface ImageChoice {
  image: string | undefined;
  /** With `image`: the container whose image is set (S2). */
  containerName: string | undefined;
}

export interface ServiceDefinitionFile {
  definition: CreateServiceCommandInput;
  locate: FieldLocator;
}

export async function loadServiceDefinitionFile(
  workspace: string,
  path: string,
  placeholders: Placeholders,
  serviceNameGiven: boolean,
): Promise<ServiceDefinitionFile> {
  const manifest = await loadManifest(workspace, path, 'service-definition', placeholders);
  // serviceName is required by CreateService; the `service` input may provide it.
  const definition = checkManifest(SERVICE_DEFINITION, manifest, serviceNameGiven ? { provided: ['serviceName'] } : {});
  return {
    definition,
    locate: (field) => {
      const loc: ErrorLocation = { input: 'service-definition', file: path, field };
      const line = manifest.lineOf([field]);
      return line === undefined ? loc : { ...loc, line };
    },
  };
}

export async function loadTaskDefinitionFile(
  workspace: string,
  path: string,
  placeholders: Placeholders,
  choice: ImageChoice,
): Promise<RegisterTaskDefinitionCommandInput> {
  const containerImage =
    choice.containerName !== undefined && choice.image !== undefined
      ? { containerName: choice.containerName, image: choice.image }
      : undefined;
  return loadTaskDefinition(workspace, path, 'task-definition', placeholders, { containerImage });
}

export interface AutoScalingFiles {
  scalableTargets: RegisterScalableTargetCommandInput[];
  scalingPolicies: PutScalingPolicyCommandInput[];
}

export async function loadAutoScalingFiles(
  workspace: string,
  paths: Pick<ManifestPaths, 'scalableTargets' | 'scalingPolicies'>,
  placeholders: Placeholders,
): Promise<AutoScalingFiles> {
  const scalableTargets =
    paths.scalableTargets === undefined
      ? []
      : await loadScalableTargets(workspace, paths.scalableTargets, 'scalable-targets', placeholders);
  const scalingPolicies =
    paths.scalingPolicies === undefined
      ? []
      : await loadScalingPolicies(workspace, paths.scalingPolicies, 'scaling-policies', placeholders);
  return { scalableTargets, scalingPolicies };
}

/**
 * `image` without `container-name` only works through a placeholder: an image no manifest uses would be silently
 * ignored, so it is an error.
 */
export async function checkImageIsUsed(workspace: string, paths: ManifestPaths): Promise<void> {
  const entries: [string, string | undefined][] = [
    ['task-definition', paths.taskDefinition],
    ['service-definition', paths.serviceDefinition],
    ['scalable-targets', paths.scalableTargets],
    ['scaling-policies', paths.scalingPolicies],
  ];
  for (const [input, path] of entries) {
    if (path === undefined) continue;
    const text = await readFile(await resolveManifestPath(workspace, path, input), 'utf8');
    if (IMAGE_PLACEHOLDER.test(text)) return;
  }
  throw new ConfigurationError(
    'the image would not be used: no manifest has an <+artifact.image> placeholder; set container-name to choose ' +
      'the container that runs it',
    { input: 'image' },
  );
}
