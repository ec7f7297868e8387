/**
 * Application Auto Scaling rules beyond the schema, for the ECS services this suite deploys: the namespace and
 * dimension must be ECS's, MinCapacity may not exceed MaxCapacity, and a policy carries the configuration of
 * its own type (PutScalingPolicy: "If the policy type is TargetTrackingScaling, TargetTrackingScalingPolicy-
 * Configuration is required", likewise for StepScaling and PredictiveScaling).
 */
import type { Problem } from './problems.js';

type Obj = Record<string, unknown>;

function checkEcsTarget(request: Obj): Problem[] {
  const problems: Problem[] = [];
  const ns = request['ServiceNamespace'];
  if (typeof ns === 'string' && ns !== 'ecs') {
    const detail = `ServiceNamespace must be \`ecs\` for an ECS service, not \`${ns}\``;
    problems.push({ path: ['ServiceNamespace'], detail });
  }
  const dim = request['ScalableDimension'];
  if (typeof dim === 'string' && dim !== 'ecs:service:DesiredCount') {
    problems.push({
      path: ['ScalableDimension'],
      detail: `ScalableDimension must be \`ecs:service:DesiredCount\` for an ECS service, not \`${dim}\``,
    });
  }
  return problems;
}

export function checkScalableTarget(request: Obj): Problem[] {
  const problems = checkEcsTarget(request);
  const min = request['MinCapacity'];
  const max = request['MaxCapacity'];
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    problems.push({ path: ['MinCapacity'], detail: `MinCapacity (${min}) is greater than MaxCapacity (${max})` });
  }
  return problems;
}

const POLICY_CONFIGURATION: Readonly<Record<string, string>> = {
  TargetTrackingScaling: 'TargetTrackingScalingPolicyConfiguration',
  StepScaling: 'StepScalingPolicyConfiguration',
  PredictiveScaling: 'PredictiveScalingPolicyConfiguration',
};

export function checkScalingPolicy(request: Obj): Problem[] {
  const problems = checkEcsTarget(request);
  // PolicyType defaults to StepScaling when left out.
  const type = typeof request['PolicyType'] === 'string' ? request['PolicyType'] : 'StepScaling';
  const needed = POLICY_CONFIGURATION[type];
  if (needed === undefined) {
    problems.push({
      path: ['PolicyType'],
      detail: `unknown PolicyType \`${type}\`; use one of ${Object.keys(POLICY_CONFIGURATION).join(', ')}`,
    });
  } else if (request[needed] === undefined) {
    problems.push({ path: [needed], at: [], detail: `a ${type} policy needs \`${needed}\`` });
  }
  return problems;
}
