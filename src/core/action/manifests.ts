/**
 * The manifests the deploying actions share (S1, S2): task definition, service definition, scalable targets and
 * scaling policies, each parsed and validated against its AWS request shape before any AWS call (S3).
 */
import type {
  PutScalingPolicyCommandInput,
  RegisterScalableTargetCommandInput,
} from '@aws-sdk/client-application-auto-scaling';
import type { CreateServiceCommandInput, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { AutoScalingSources } from '../autoscaling/apply.js';
import type { TaskDefinitionSource } from '../ecs/task-definitions.js';
import type { ErrorLocation } from '../errors.js';
import {
  SERVICE_DEFINITION,
  checkManifest,
  loadManifest,
  loadScalableTargets,
  loadScalingPolicies,
  loadTaskDefinition,
  type ManifestRoots,
  type Placeholders,
} from '../manifests/index.js';
import type { ActionRuntime } from '../io/runtime.js';
import { containerImageOf, type ImageChoice, type ManifestFile } from './image.js';
import type { FieldLocator } from './names.js';

export interface ManifestPaths {
  taskDefinition: string | undefined;
  serviceDefinition: string | undefined;
  scalableTargets: string | undefined;
  scalingPolicies: string | undefined;
}

/**
 * Where the action's manifests may be: the workspace, and RUNNER_TEMP as the runner set it (files earlier steps
 * wrote there, such as aws-actions/amazon-ecs-render-task-definition's output).
 */
export function manifestRoots(rt: Pick<ActionRuntime, 'workspace' | 'env'>): ManifestRoots {
  return { workspace: rt.workspace, runnerTemp: rt.env['RUNNER_TEMP'] };
}

export interface ServiceDefinitionFile {
  definition: CreateServiceCommandInput;
  locate: FieldLocator;
}

export async function loadServiceDefinitionFile(
  roots: ManifestRoots,
  path: string,
  placeholders: Placeholders,
  serviceNameGiven: boolean,
): Promise<ServiceDefinitionFile> {
  const manifest = await loadManifest(roots, path, 'service-definition', placeholders);
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
  roots: ManifestRoots,
  path: string,
  placeholders: Placeholders,
  choice: ImageChoice,
): Promise<RegisterTaskDefinitionCommandInput> {
  return loadTaskDefinition(roots, path, 'task-definition', placeholders, { containerImage: containerImageOf(choice) });
}

/**
 * `task-definition` (a file, registered later) or `task-definition-arn` (a registered revision, deployed as it is),
 * as Inputs.exclusive returned the one that is set.
 */
export async function loadTaskDefinitionSource(
  roots: ManifestRoots,
  chosen: { name: 'task-definition' | 'task-definition-arn'; value: string },
  placeholders: Placeholders,
  choice: ImageChoice,
): Promise<TaskDefinitionSource> {
  if (chosen.name === 'task-definition-arn') return { kind: 'registered', ref: chosen.value, input: 'task-definition-arn' };
  const definition = await loadTaskDefinitionFile(roots, chosen.value, placeholders, choice);
  return { kind: 'file', path: chosen.value, definition };
}

export interface AutoScalingFiles {
  scalableTargets: RegisterScalableTargetCommandInput[];
  scalingPolicies: PutScalingPolicyCommandInput[];
}

export async function loadAutoScalingFiles(
  roots: ManifestRoots,
  paths: Pick<ManifestPaths, 'scalableTargets' | 'scalingPolicies'>,
  placeholders: Placeholders,
): Promise<AutoScalingFiles> {
  const scalableTargets =
    paths.scalableTargets === undefined
      ? []
      : await loadScalableTargets(roots, paths.scalableTargets, 'scalable-targets', placeholders);
  const scalingPolicies =
    paths.scalingPolicies === undefined
      ? []
      : await loadScalingPolicies(roots, paths.scalingPolicies, 'scaling-policies', placeholders);
  return { scalableTargets, scalingPolicies };
}

/** Where the auto scaling manifests came from, for the errors bindAutoScaling and the apply step report. */
export function autoScalingSourcesOf(paths: Pick<ManifestPaths, 'scalableTargets' | 'scalingPolicies'>): AutoScalingSources {
  return {
    ...(paths.scalableTargets !== undefined ? { scalableTargets: { input: 'scalable-targets', file: paths.scalableTargets } } : {}),
    ...(paths.scalingPolicies !== undefined ? { scalingPolicies: { input: 'scaling-policies', file: paths.scalingPolicies } } : {}),
  };
}

/** The manifest inputs in the order the image placeholder is looked for (checkImageIsUsed). */
export function manifestFiles(paths: ManifestPaths): ManifestFile[] {
  return [
    { input: 'task-definition', path: paths.taskDefinition },
    { input: 'service-definition', path: paths.serviceDefinition },
    { input: 'scalable-targets', path: paths.scalableTargets },
    { input: 'scaling-policies', path: paths.scalingPolicies },
  ];
}
