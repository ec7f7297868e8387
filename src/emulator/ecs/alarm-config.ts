/**
 * Deployment alarms (the API reference's DeploymentAlarms, `deploymentConfiguration.alarms`): the CloudWatch alarms
 * ECS watches during a rolling deployment, whether it does (`enable`) and whether a deployment they fail is rolled
 * back (`rollback`). All three members are required. The alarm names are not checked against CloudWatch: a service
 * may name an alarm that is created after it (ECS reads the alarms only while a deployment runs).
 */
import { invalid, optBool, optObj, strList } from './params.js';
import type { Json, ServiceDeploymentRec } from './state.js';

export interface AlarmConfig {
  enable: boolean;
  rollback: boolean;
  alarmNames: string[];
}

/** The alarms of a stored deploymentConfiguration (none: disabled). */
export function alarmConfig(deploymentConfiguration: Json): AlarmConfig {
  const alarms = (deploymentConfiguration['alarms'] as Json | undefined) ?? {};
  const names = alarms['alarmNames'];
  return {
    enable: alarms['enable'] === true,
    rollback: alarms['rollback'] === true,
    alarmNames: Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [],
  };
}

/** CreateService / UpdateService: `alarms`, when given, has its three members of the right types. */
export function checkAlarmsMember(deploymentConfiguration: Json): void {
  const alarms = optObj(deploymentConfiguration, 'alarms');
  if (alarms === undefined) return;
  const names = strList(alarms, 'alarmNames');
  const enable = optBool(alarms, 'enable');
  const rollback = optBool(alarms, 'rollback');
  if (names === undefined || enable === undefined || rollback === undefined) {
    throw invalid('Deployment alarms require alarmNames, enable and rollback.');
  }
}

/** What a new service deployment records of its alarms: DISABLED unless `enable` (then MONITORING). */
export function alarmsMonitor(deploymentConfiguration: Json): ServiceDeploymentRec['alarms'] {
  const config = alarmConfig(deploymentConfiguration);
  return { status: config.enable ? 'MONITORING' : 'DISABLED', alarmNames: [...config.alarmNames], triggeredAlarmNames: [] };
}
