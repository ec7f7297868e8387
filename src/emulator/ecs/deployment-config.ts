/**
 * deploymentConfiguration as ECS stores and describes it: the rolling percentages and circuit breaker with their
 * defaults, the deployment alarms (alarm-config.ts), and the deployment strategy (DeploymentConfiguration.strategy:
 * ROLLING, BLUE_GREEN, LINEAR, CANARY) with bakeTimeInMinutes, lifecycleHooks and linear / canary configuration.
 * The strategy is stored and described; the emulator runs every ECS-controller deployment as a rolling one
 * (README.md). CODE_DEPLOY and EXTERNAL services take no strategy, bake time, hooks, circuit breaker or deployment
 * alarms (the reference: those apply to the ECS deployment controller only).
 */
import { checkAlarmsMember } from './alarm-config.js';
import { clean, invalid } from './params.js';
import type { Json } from './state.js';

const STRATEGIES = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'];
const HOOK_STAGES = [
  'RECONCILE_SERVICE',
  'PRE_SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRE_PRODUCTION_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
];
/** Stages a PAUSE hook cannot use (only AWS_LAMBDA hooks run there). */
const LAMBDA_ONLY_STAGES = ['TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT'];
/** Members that only the ECS deployment controller's strategies use. */
const ECS_ONLY = ['bakeTimeInMinutes', 'lifecycleHooks', 'linearConfiguration', 'canaryConfiguration'] as const;
/** The bake time ECS applies to blue/green, linear and canary deployments when none is given. */
const DEFAULT_BAKE_MINUTES = 15;

const isMultipleOfTenth = (v: number): boolean => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9;

function checkNumber(value: unknown, name: string, min: number, max: number, tenths = false): void {
  if (typeof value !== 'number' || value < min || value > max || (tenths ? !isMultipleOfTenth(value) : !Number.isInteger(value))) {
    const what = tenths ? `a multiple of 0.1 from ${min} to ${max}` : `an integer from ${min} to ${max}`;
    throw invalid(`${name} must be ${what}.`);
  }
}

function checkHooks(hooks: unknown): void {
  if (!Array.isArray(hooks)) throw invalid('lifecycleHooks must be a list.');
  for (const hook of hooks as Json[]) {
    const type = hook['targetType'] ?? 'AWS_LAMBDA';
    if (type !== 'AWS_LAMBDA' && type !== 'PAUSE') throw invalid(`Invalid lifecycle hook targetType: ${String(type)}.`);
    const stages = hook['lifecycleStages'];
    if (!Array.isArray(stages) || stages.length === 0) throw invalid('lifecycleStages must be provided for a deployment lifecycle hook.');
    for (const stage of stages) {
      if (!HOOK_STAGES.includes(String(stage))) throw invalid(`Invalid lifecycle stage: ${String(stage)}.`);
      if (type === 'PAUSE' && LAMBDA_ONLY_STAGES.includes(String(stage))) {
        throw invalid(`PAUSE hooks cannot be configured at the ${String(stage)} stage.`);
      }
    }
    if (type === 'AWS_LAMBDA' && typeof hook['hookTargetArn'] !== 'string') {
      throw invalid('hookTargetArn must be provided for an AWS_LAMBDA lifecycle hook.');
    }
  }
}

/** Strategy members: valid values, the configuration that belongs to the strategy, and the documented defaults. */
function applyStrategy(merged: Json): void {
  const strategy = merged['strategy'];
  if (strategy === undefined) return;
  if (typeof strategy !== 'string' || !STRATEGIES.includes(strategy)) {
    throw invalid(`Invalid deployment strategy: ${String(strategy)}. Valid values are ${STRATEGIES.join(', ')}.`);
  }
  if (merged['linearConfiguration'] !== undefined && strategy !== 'LINEAR') {
    throw invalid('linearConfiguration is only valid when the deployment strategy is LINEAR.');
  }
  if (merged['canaryConfiguration'] !== undefined && strategy !== 'CANARY') {
    throw invalid('canaryConfiguration is only valid when the deployment strategy is CANARY.');
  }
  if (strategy !== 'ROLLING' && merged['bakeTimeInMinutes'] === undefined) merged['bakeTimeInMinutes'] = DEFAULT_BAKE_MINUTES;
  if (strategy === 'LINEAR') {
    const linear: Json = { stepPercent: 10.0, stepBakeTimeInMinutes: 6, ...((merged['linearConfiguration'] as Json | undefined) ?? {}) };
    checkNumber(linear['stepPercent'], 'linearConfiguration.stepPercent', 3, 100, true);
    checkNumber(linear['stepBakeTimeInMinutes'], 'linearConfiguration.stepBakeTimeInMinutes', 0, 1440);
    merged['linearConfiguration'] = linear;
  }
  if (strategy === 'CANARY') {
    const canary: Json = { canaryPercent: 5.0, canaryBakeTimeInMinutes: 10, ...((merged['canaryConfiguration'] as Json | undefined) ?? {}) };
    checkNumber(canary['canaryPercent'], 'canaryConfiguration.canaryPercent', 0.1, 100, true);
    checkNumber(canary['canaryBakeTimeInMinutes'], 'canaryConfiguration.canaryBakeTimeInMinutes', 0, 1440);
    merged['canaryConfiguration'] = canary;
  }
}

/** What the CODE_DEPLOY and EXTERNAL controllers refuse in a deploymentConfiguration. */
function checkNonEcsController(merged: Json, controller: string): void {
  const strategy = merged['strategy'];
  if (strategy !== undefined && strategy !== 'ROLLING') {
    throw invalid(`The ${String(strategy)} deployment strategy is only supported for services using the ECS deployment controller, not ${controller}.`);
  }
  for (const member of ECS_ONLY) {
    if (merged[member] !== undefined) {
      throw invalid(`${member} is only supported for services using the ECS deployment controller, not ${controller}.`);
    }
  }
  if ((merged['deploymentCircuitBreaker'] as Json | undefined)?.['enable'] === true) {
    throw invalid(`The deployment circuit breaker can only be used for services using the ECS deployment controller, not ${controller}.`);
  }
  if ((merged['alarms'] as Json | undefined)?.['enable'] === true) {
    throw invalid(`Deployment alarms can only be used for services using the ECS deployment controller, not ${controller}.`);
  }
}

/**
 * The deploymentConfiguration ECS stores: `given` over `previous` (or the defaults). A new strategy drops the
 * previous strategy's linear / canary configuration.
 */
export function deploymentConfiguration(given: Json | undefined, previous?: Json, controller = 'ECS'): Json {
  const base: Json = {
    ...(previous ?? { deploymentCircuitBreaker: { enable: false, rollback: false }, maximumPercent: 200, minimumHealthyPercent: 100 }),
  };
  const request = clean(given ?? {});
  if (request['strategy'] !== undefined && request['strategy'] !== (base['strategy'] ?? 'ROLLING')) {
    delete base['linearConfiguration'];
    delete base['canaryConfiguration'];
  }
  const merged: Json = { ...base, ...request };
  const max = merged['maximumPercent'];
  const min = merged['minimumHealthyPercent'];
  if (typeof max !== 'number' || max < 100 || max > 200 * 100) {
    throw invalid('maximumPercent must be at least 100.');
  }
  if (typeof min !== 'number' || min < 0 || min > 100) throw invalid('minimumHealthyPercent must be between 0 and 100.');
  const breaker = merged['deploymentCircuitBreaker'] as Json | undefined;
  if (breaker && (typeof breaker['enable'] !== 'boolean' || typeof breaker['rollback'] !== 'boolean')) {
    throw invalid('deploymentCircuitBreaker requires both enable and rollback.');
  }
  checkAlarmsMember(merged);
  if (controller !== 'ECS') {
    checkNonEcsController(merged, controller);
    return merged;
  }
  applyStrategy(merged);
  if (merged['bakeTimeInMinutes'] !== undefined) checkNumber(merged['bakeTimeInMinutes'], 'bakeTimeInMinutes', 0, 1440);
  if (merged['lifecycleHooks'] !== undefined) checkHooks(merged['lifecycleHooks']);
  return merged;
}
