/**
 * From a service definition (a CreateService input, S1) to the CreateService / UpdateService requests of a
 * deployment (R2, R3, R4, R5).
 */
import type { CreateServiceCommandInput, UpdateServiceCommandInput } from '@aws-sdk/client-ecs';
import { ConfigurationError } from '../errors.js';

/**
 * The fields of a service definition that UpdateService carries over (R3). launchType, schedulingStrategy and
 * role are never sent (ECS refuses to change them); nor are tags (UpdateService has none), clientToken or
 * deploymentController (changing the controller is a different kind of deployment).
 */
export const UPDATABLE_SERVICE_FIELDS = [
  'deploymentConfiguration',
  'networkConfiguration',
  'loadBalancers',
  'capacityProviderStrategy',
  'placementConstraints',
  'placementStrategy',
  'platformVersion',
  'healthCheckGracePeriodSeconds',
  'propagateTags',
  'enableECSManagedTags',
  'enableExecuteCommand',
  'serviceRegistries',
  'serviceConnectConfiguration',
  'volumeConfigurations',
  'availabilityZoneRebalancing',
] as const satisfies readonly (keyof CreateServiceCommandInput & keyof UpdateServiceCommandInput)[];

export type UpdatableServiceField = (typeof UPDATABLE_SERVICE_FIELDS)[number];

/** Service definition fields that a deployment to an existing service leaves as they are. */
export const CREATE_ONLY_SERVICE_FIELDS = [
  'launchType',
  'schedulingStrategy',
  'role',
  'tags',
  'deploymentController',
  'clientToken',
] as const satisfies readonly (keyof CreateServiceCommandInput)[];

export interface DesiredCountChoice {
  /** The `desired-count` input: wins over the manifest. */
  desiredCountInput?: number | undefined;
  /** R4: keep the live desired count (omit desiredCount). */
  sameAsRunning: boolean;
}

export interface UpdateRequestOptions extends DesiredCountChoice {
  cluster: string;
  service: string;
  taskDefinitionArn: string;
  forceNewDeployment: boolean;
}

/**
 * The UpdateService input for a deployment to an existing service: the task definition, the desired count
 * (unless same-as-running, or neither the input nor the manifest gives one), every updatable field the service
 * definition sets, and forceNewDeployment.
 */
export function toUpdateServiceInput(
  definition: CreateServiceCommandInput | undefined,
  options: UpdateRequestOptions,
): UpdateServiceCommandInput {
  const input: UpdateServiceCommandInput = {
    cluster: options.cluster,
    service: options.service,
    taskDefinition: options.taskDefinitionArn,
  };
  const desiredCount = chooseDesiredCount(definition, options);
  if (desiredCount !== undefined) input.desiredCount = desiredCount;
  if (definition !== undefined) {
    const target = input as unknown as Record<string, unknown>;
    for (const key of UPDATABLE_SERVICE_FIELDS) {
      const value = definition[key];
      if (value !== undefined && value !== null) target[key] = value;
    }
  }
  input.forceNewDeployment = options.forceNewDeployment;
  return input;
}

/** The names of create-only fields the definition sets (a deployment to an existing service says it ignores them). */
export function createOnlyFieldsIn(definition: CreateServiceCommandInput | undefined): string[] {
  if (definition === undefined) return [];
  return CREATE_ONLY_SERVICE_FIELDS.filter((k) => definition[k] !== undefined && definition[k] !== null);
}

export interface CreateRequestOptions {
  cluster: string;
  serviceName: string;
  taskDefinitionArn: string;
  desiredCountInput?: number | undefined;
}

/**
 * The CreateService input of a first deployment (R2): the service definition with cluster, serviceName and
 * taskDefinition overridden, and the `desired-count` input over the manifest's. A REPLICA service needs a desired
 * count (ECS requires one unless schedulingStrategy is DAEMON): without one this throws a ConfigurationError,
 * so call it before the first mutating call.
 */
export function toCreateServiceInput(
  definition: CreateServiceCommandInput,
  options: CreateRequestOptions,
): CreateServiceCommandInput {
  const input: CreateServiceCommandInput = {
    ...definition,
    cluster: options.cluster,
    serviceName: options.serviceName,
    taskDefinition: options.taskDefinitionArn,
  };
  if (options.desiredCountInput !== undefined) input.desiredCount = options.desiredCountInput;
  if (input.desiredCount === undefined && input.schedulingStrategy !== 'DAEMON') {
    throw new ConfigurationError(
      'the service does not exist yet, so its first deployment needs a desired count: set desiredCount in the ' +
        'service definition or the desired-count input',
      { input: 'service-definition', field: 'desiredCount' },
    );
  }
  return input;
}

function chooseDesiredCount(
  definition: CreateServiceCommandInput | undefined,
  choice: DesiredCountChoice,
): number | undefined {
  if (choice.sameAsRunning) return undefined;
  return choice.desiredCountInput ?? definition?.desiredCount ?? undefined;
}
