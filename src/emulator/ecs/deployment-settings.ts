/**
 * The service settings ECS keeps per deployment, not on the service: `serviceConnectConfiguration` and
 * `volumeConfigurations`. CreateService and UpdateService take them; DescribeServices reports them on each
 * deployment (the one a deployment runs with) and DescribeServiceRevisions on the revision, never on the service.
 * On UpdateService an absent member leaves the setting as it is, an empty `volumeConfigurations` list or
 * `serviceConnectConfiguration.enabled: false` removes it, and a changed setting starts a new deployment.
 *
 * Checks (InvalidParameterException, the emulator's wording): Service Connect needs `enabled`, a `namespace` (the
 * emulator's clusters have no default Service Connect namespace), and each published service a `portName` that names
 * a port mapping of the task definition; a volume configuration needs a `name` that the task definition declares
 * with `configuredAtLaunch: true` and a `managedEBSVolume` with a `roleArn`. Cloud Map and EBS are not simulated.
 */
import { invalid, optList, optObj, stable, clean } from './params.js';
import type { Json, TaskDefRec } from './state.js';

export interface DeploymentSettings {
  serviceConnectConfiguration?: Json;
  volumeConfigurations?: Json[];
}

/** The members a request gives: a key present means given; its value undefined means removed. */
export type SettingsChange = { [K in keyof DeploymentSettings]?: DeploymentSettings[K] | undefined };

export function requestedSettings(p: Json): SettingsChange {
  const change: SettingsChange = {};
  const connect = optObj(p, 'serviceConnectConfiguration');
  if (connect !== undefined) {
    const enabled = connect['enabled'];
    if (typeof enabled !== 'boolean') throw invalid('serviceConnectConfiguration.enabled must be specified.');
    change.serviceConnectConfiguration = enabled ? clean(connect) : undefined;
  }
  const volumes = optList<Json>(p, 'volumeConfigurations');
  if (volumes !== undefined) change.volumeConfigurations = volumes.length > 0 ? clean(volumes) : undefined;
  return change;
}

export const givesSettings = (change: SettingsChange): boolean => Object.values(change).some((v) => v !== undefined);

/** CreateService of a CODE_DEPLOY or EXTERNAL service with either setting (the emulator's wording). */
export const SETTINGS_NEED_ECS_CONTROLLER =
  'Service Connect and volume configurations are supported only for services that use the ECS deployment controller.';

/** The settings after `change`, and whether they differ from `current` (then ECS starts a new deployment). */
export function applySettings(current: DeploymentSettings, change: SettingsChange): { next: DeploymentSettings; changed: boolean } {
  const next: DeploymentSettings = {};
  const connect = 'serviceConnectConfiguration' in change ? change.serviceConnectConfiguration : current.serviceConnectConfiguration;
  if (connect !== undefined) next.serviceConnectConfiguration = connect;
  const volumes = 'volumeConfigurations' in change ? change.volumeConfigurations : current.volumeConfigurations;
  if (volumes !== undefined) next.volumeConfigurations = volumes;
  return { next, changed: stable(next) !== stable(settingsOf(current)) };
}

/** Only the two settings of a record that may carry more (a service, a deployment, a revision). */
export function settingsOf(rec: DeploymentSettings): DeploymentSettings {
  const out: DeploymentSettings = {};
  if (rec.serviceConnectConfiguration !== undefined) out.serviceConnectConfiguration = rec.serviceConnectConfiguration;
  if (rec.volumeConfigurations !== undefined) out.volumeConfigurations = rec.volumeConfigurations;
  return out;
}

/** Checks the settings against the task definition a deployment would run with them. */
export function validateSettings(taskDef: TaskDefRec, settings: DeploymentSettings): void {
  const containers = (taskDef.body['containerDefinitions'] as Json[] | undefined) ?? [];
  const connect = settings.serviceConnectConfiguration;
  if (connect !== undefined) {
    if (typeof connect['namespace'] !== 'string' || connect['namespace'] === '') {
      throw invalid('Service Connect needs a namespace: the cluster has no default Service Connect namespace.');
    }
    const portNames = containers.flatMap((c) => ((c['portMappings'] as Json[] | undefined) ?? []).map((pm) => pm['name']));
    for (const service of (connect['services'] as Json[] | undefined) ?? []) {
      const portName = service['portName'];
      if (typeof portName !== 'string' || !portNames.includes(portName)) {
        throw invalid(`The Service Connect portName ${String(portName)} does not name a port mapping of the task definition ${taskDef.arn}.`);
      }
    }
  }
  const declared = ((taskDef.body['volumes'] as Json[] | undefined) ?? []).filter((v) => v['configuredAtLaunch'] === true).map((v) => v['name']);
  for (const volume of settings.volumeConfigurations ?? []) {
    if (typeof volume['name'] !== 'string' || !declared.includes(volume['name'])) {
      throw invalid(`The volume ${String(volume['name'])} is not a volume of the task definition ${taskDef.arn} with configuredAtLaunch set to true.`);
    }
    const ebs = volume['managedEBSVolume'] as Json | undefined;
    if (typeof ebs?.['roleArn'] !== 'string') throw invalid(`The volume configuration ${volume['name']} needs managedEBSVolume.roleArn.`);
  }
}
