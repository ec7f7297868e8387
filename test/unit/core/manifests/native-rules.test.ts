/** S3 for ECS's own BLUE_GREEN, LINEAR and CANARY deployments: the service definition's mistakes, located by line. */
import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { checkManifest, SERVICE_DEFINITION } from '../../../../src/core/manifests/kinds.js';
import { parseManifestText } from '../../../../src/core/manifests/parse.js';
import { ManifestError } from '../../../../src/core/manifests/problems.js';
import { thrown } from './workspace.js';

const service = (lines: string[]) => checkManifest(SERVICE_DEFINITION, parseManifestText(lines.join('\n'), 'service.yaml', {}, 'service-definition'));
const problems = async (lines: string[]): Promise<Array<[string | undefined, number | undefined, string]>> => {
  const e = await thrown(() => service(lines));
  expect(e).toBeInstanceOf(ConfigurationError);
  const list = e instanceof ManifestError ? e.problems : [e as ConfigurationError];
  return list.map((p) => [p.location.field, p.location.line, p.detail]);
};

const LB = [
  'loadBalancers:',
  '  - targetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1',
  '    containerName: web',
  '    containerPort: 8080',
  '    advancedConfiguration:',
  '      alternateTargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/2',
  '      productionListenerRule: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3',
  '      roleArn: arn:aws:iam::123456789012:role/ecs-lb',
];
const base = (deployment: string[], lbs: string[] = LB) => ['serviceName: web', 'desiredCount: 2', 'deploymentConfiguration:', ...deployment, ...lbs];

describe('native deployment configuration (N2, S3)', () => {
  it('accepts a complete BLUE_GREEN, LINEAR and CANARY definition', () => {
    expect(service(base(['  strategy: BLUE_GREEN', '  bakeTimeInMinutes: 5'])).serviceName).toBe('web');
    expect(service(base(['  strategy: LINEAR', '  linearConfiguration:', '    stepPercent: 12.5', '    stepBakeTimeInMinutes: 2'])).serviceName).toBe('web');
    expect(service(base(['  strategy: CANARY', '  canaryConfiguration:', '    canaryPercent: 0.5', '    canaryBakeTimeInMinutes: 10'])).serviceName).toBe('web');
  });

  it('percentages and bake times out of range, located', async () => {
    expect(await problems(base(['  strategy: LINEAR', '  bakeTimeInMinutes: 2000', '  linearConfiguration:', '    stepPercent: 2.5']))).toEqual([
      ['deploymentConfiguration.bakeTimeInMinutes', 5, '2000 is out of range: ECS takes 0 to 1440'],
      ['deploymentConfiguration.linearConfiguration.stepPercent', 7, '2.5 is out of range: ECS takes 3 to 100'],
    ]);
    expect((await problems(base(['  strategy: LINEAR', '  linearConfiguration:', '    stepPercent: 10.05'])))[0]?.[2]).toBe('10.05 is not a multiple of 0.1');
    expect((await problems(base(['  strategy: CANARY', '  canaryConfiguration:', '    canaryPercent: 0'])))[0]?.[2]).toBe('0 is out of range: ECS takes 0.1 to 100');
  });

  it('a configuration of another strategy', async () => {
    const found = await problems(base(['  strategy: BLUE_GREEN', '  canaryConfiguration:', '    canaryPercent: 10']));
    expect(found[0]?.[0]).toBe('deploymentConfiguration.canaryConfiguration');
    expect(found[0]?.[2]).toContain('only valid with the CANARY strategy');
  });

  it('BLUE_GREEN needs advancedConfiguration on each load balancer, with its alternate target group, rule and role', async () => {
    const found = await problems(base(['  strategy: BLUE_GREEN'], ['loadBalancers:', '  - targetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1', '    containerName: web', '    containerPort: 8080']));
    expect(found).toEqual([['loadBalancers[0].advancedConfiguration', 6, expect.stringContaining('needs advancedConfiguration on every load balancer')]]);
    const partial = await problems(base(['  strategy: BLUE_GREEN'], LB.filter((l) => !l.includes('roleArn'))));
    expect(partial.map((p) => p[0])).toEqual(['loadBalancers[0].advancedConfiguration.roleArn']);
  });

  it('lifecycle hooks: a Lambda hook needs its function and role, a PAUSE hook cannot pause a traffic shift, and only native strategies have them', async () => {
    const hooks = ['  lifecycleHooks:', '    - lifecycleStages: [POST_SCALE_UP]', '    - targetType: PAUSE', '      lifecycleStages: [TEST_TRAFFIC_SHIFT]'];
    const found = await problems(base(['  strategy: CANARY', ...hooks]));
    expect(found.map((p) => [p[0], p[2]])).toEqual([
      ['deploymentConfiguration.lifecycleHooks[0].hookTargetArn', expect.stringContaining('needs hookTargetArn')],
      ['deploymentConfiguration.lifecycleHooks[0].roleArn', expect.stringContaining('needs roleArn')],
      ['deploymentConfiguration.lifecycleHooks[1].lifecycleStages[0]', 'a PAUSE hook cannot pause TEST_TRAFFIC_SHIFT; pause after it (POST_TEST_TRAFFIC_SHIFT)'],
    ]);
    const rolling = await problems(base(['  strategy: ROLLING', '  lifecycleHooks:', '    - targetType: PAUSE', '      lifecycleStages: [POST_SCALE_UP]'], []));
    expect(rolling[0]?.[2]).toContain('lifecycle hooks run only in BLUE_GREEN, LINEAR and CANARY deployments');
  });

  it('the circuit breaker works only with ROLLING', async () => {
    const found = await problems(base(['  strategy: BLUE_GREEN', '  deploymentCircuitBreaker:', '    enable: true', '    rollback: true']));
    expect(found[0]?.[0]).toBe('deploymentConfiguration.deploymentCircuitBreaker.enable');
  });
});
