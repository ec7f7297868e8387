/**
 * S3 for ECS's own BLUE_GREEN, LINEAR and CANARY deployments (N2): what CreateService / UpdateService refuse in a
 * service definition's deploymentConfiguration and load balancers, as the API reference states it, found before the
 * first change. Ranges: bakeTimeInMinutes 0–1440; linearConfiguration.stepPercent a multiple of 0.1 from 3.0 to
 * 100.0 and stepBakeTimeInMinutes 0–1440; canaryConfiguration.canaryPercent 0.1–100.0 and canaryBakeTimeInMinutes
 * 0–1440. Each configuration only with its strategy; lifecycle hooks and advancedConfiguration only with a native
 * strategy, and then on every load balancer (alternate target group, production listener rule, role); an AWS_LAMBDA
 * hook needs its function and role; a PAUSE hook cannot pause a traffic shift; the circuit breaker is for ROLLING only.
 */
import type { Problem } from './problems.js';
import { isPlainObject } from './schema-check.js';

type Obj = Record<string, unknown>;
const DC = 'deploymentConfiguration';
const NATIVE = ['BLUE_GREEN', 'LINEAR', 'CANARY'];
const PAUSE_NOT_AT = ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'];

export function checkNativeDeployment(request: Obj): Problem[] {
  const config = isPlainObject(request[DC]) ? request[DC] : {};
  const strategy = typeof config['strategy'] === 'string' ? config['strategy'] : undefined;
  const native = strategy !== undefined && NATIVE.includes(strategy);
  const problems: Problem[] = [];
  const add = (path: Problem['path'], detail: string): void => {
    problems.push({ path, detail });
  };
  inRange(config['bakeTimeInMinutes'], [DC, 'bakeTimeInMinutes'], 0, 1440, add);
  configurationFor('LINEAR', 'linearConfiguration', strategy, config, add);
  configurationFor('CANARY', 'canaryConfiguration', strategy, config, add);
  const linear = isPlainObject(config['linearConfiguration']) ? config['linearConfiguration'] : {};
  inRange(linear['stepPercent'], [DC, 'linearConfiguration', 'stepPercent'], 3, 100, add, 0.1);
  inRange(linear['stepBakeTimeInMinutes'], [DC, 'linearConfiguration', 'stepBakeTimeInMinutes'], 0, 1440, add);
  const canary = isPlainObject(config['canaryConfiguration']) ? config['canaryConfiguration'] : {};
  inRange(canary['canaryPercent'], [DC, 'canaryConfiguration', 'canaryPercent'], 0.1, 100, add);
  inRange(canary['canaryBakeTimeInMinutes'], [DC, 'canaryConfiguration', 'canaryBakeTimeInMinutes'], 0, 1440, add);
  checkHooks(config['lifecycleHooks'], native, add);
  checkLoadBalancers(request['loadBalancers'], native, strategy, add);
  const breaker = isPlainObject(config['deploymentCircuitBreaker']) ? config['deploymentCircuitBreaker'] : {};
  if (native && breaker['enable'] === true) {
    add([DC, 'deploymentCircuitBreaker', 'enable'], `the deployment circuit breaker works only with the ROLLING strategy, not ${strategy}; use alarms or lifecycle hooks to roll back`);
  }
  if (native && request['schedulingStrategy'] === 'DAEMON') add([DC, 'strategy'], `ECS runs ${strategy} deployments only for REPLICA services, not DAEMON ones`);
  return problems;
}

type Add = (path: Problem['path'], detail: string) => void;

function configurationFor(wanted: string, field: string, strategy: string | undefined, config: Obj, add: Add): void {
  if (config[field] !== undefined && strategy !== wanted) {
    add([DC, field], `${field} is only valid with the ${wanted} strategy (this definition's is ${strategy ?? 'ROLLING, the default'})`);
  }
}

function inRange(value: unknown, path: Problem['path'], min: number, max: number, add: Add, multipleOf?: number): void {
  if (typeof value !== 'number') return;
  if (value < min || value > max) add(path, `${value} is out of range: ECS takes ${min} to ${max}`);
  else if (multipleOf !== undefined && Math.abs(Math.round(value / multipleOf) * multipleOf - value) > 1e-9) {
    add(path, `${value} is not a multiple of ${multipleOf}`);
  }
}

function checkHooks(hooks: unknown, native: boolean, add: Add): void {
  if (!Array.isArray(hooks)) return;
  if (!native && hooks.length > 0) {
    add([DC, 'lifecycleHooks'], 'lifecycle hooks run only in BLUE_GREEN, LINEAR and CANARY deployments: set deploymentConfiguration.strategy');
    return;
  }
  hooks.forEach((hook: unknown, i) => {
    if (!isPlainObject(hook)) return;
    const at = [DC, 'lifecycleHooks', i] as const;
    const stages = Array.isArray(hook['lifecycleStages']) ? (hook['lifecycleStages'] as unknown[]) : [];
    if (stages.length === 0) add([...at, 'lifecycleStages'], 'a lifecycle hook needs at least one lifecycle stage');
    if ((hook['targetType'] ?? 'AWS_LAMBDA') === 'PAUSE') {
      stages.forEach((s, j) => {
        if (typeof s === 'string' && PAUSE_NOT_AT.includes(s)) add([...at, 'lifecycleStages', j], `a PAUSE hook cannot pause ${s}; pause after it (POST_${s})`);
      });
      return;
    }
    if (hook['hookTargetArn'] === undefined) add([...at, 'hookTargetArn'], 'an AWS_LAMBDA hook needs hookTargetArn, the Lambda function ECS invokes');
    if (hook['roleArn'] === undefined) add([...at, 'roleArn'], 'an AWS_LAMBDA hook needs roleArn, the role ECS invokes the function with');
  });
}

function checkLoadBalancers(lbs: unknown, native: boolean, strategy: string | undefined, add: Add): void {
  if (!Array.isArray(lbs)) return;
  lbs.forEach((lb: unknown, i) => {
    if (!isPlainObject(lb)) return;
    const advanced = lb['advancedConfiguration'];
    const at = ['loadBalancers', i, 'advancedConfiguration'] as const;
    if (!native) {
      if (advanced !== undefined) add([...at], 'advancedConfiguration is for BLUE_GREEN, LINEAR and CANARY deployments: set deploymentConfiguration.strategy');
      return;
    }
    if (!isPlainObject(advanced)) {
      add([...at], `a ${strategy ?? ''} deployment needs advancedConfiguration on every load balancer: alternateTargetGroupArn, productionListenerRule (and testListenerRule), roleArn`);
      return;
    }
    for (const field of ['alternateTargetGroupArn', 'productionListenerRule', 'roleArn']) {
      if (advanced[field] === undefined) add([...at, field], `a ${strategy ?? ''} deployment needs advancedConfiguration.${field}`);
    }
  });
}
