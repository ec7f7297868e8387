import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../../src/core/errors.js';
import {
  loadRunTaskRequest,
  loadScalableTargets,
  loadScalingPolicies,
  loadServiceDefinition,
  loadTaskDefinition,
} from '../../../../src/core/manifests/kinds.js';
import { fixture, tempWorkspace, thrown } from './workspace.js';
import type { TempWorkspace } from './workspace.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:2.0.0';
const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-stage/0123456789abcdef';

describe('manifest loaders', () => {
  let ws: TempWorkspace;
  beforeAll(() => {
    ws = tempWorkspace();
    for (const name of [
      'fargate-taskdef.yaml',
      'service-definition.yaml',
      'run-task-request.json',
      'harness-scalable-target.yaml',
      'harness-scaling-policy.yaml',
      'describe-scalable-targets.json',
    ]) {
      ws.write(`ecs/${name}`, fixture(name));
    }
  });
  afterAll(() => ws.remove());

  describe('loadTaskDefinition', () => {
    it('loads, substitutes <+artifact.image>, validates and returns RegisterTaskDefinition input', async () => {
      const td = await loadTaskDefinition(ws.roots, 'ecs/fargate-taskdef.yaml', 'task-definition', { image: IMAGE });
      expect(td.family).toBe('web');
      expect(td.cpu).toBe('256');
      expect(td.memory).toBe('512');
      expect(td.containerDefinitions?.map((c) => [c.name, c.image])).toEqual([
        ['web', IMAGE],
        ['sidecar', 'public.ecr.aws/aws-observability/aws-otel-collector:latest'],
      ]);
      expect(td.containerDefinitions?.[0]?.environment).toEqual([
        { name: 'PORT', value: '8080' },
        { name: 'FEATURE_X', value: 'true' },
      ]);
    });

    it('fails with file and line when <+artifact.image> has no image input', async () => {
      const e = await thrown(() => loadTaskDefinition(ws.roots, 'ecs/fargate-taskdef.yaml', 'task-definition', {}));
      expect(e).toBeInstanceOf(ConfigurationError);
      expect((e as ConfigurationError).location).toEqual({ input: 'task-definition', file: 'ecs/fargate-taskdef.yaml', line: 11 });
      expect((e as Error).message).toMatch(/needs input 'image'/);
    });

    it('sets one container image from container-name + image', async () => {
      const td = await loadTaskDefinition(ws.roots, 'ecs/fargate-taskdef.yaml', 'task-definition', { image: IMAGE }, {
        containerImage: { containerName: 'sidecar', image: 'otel:9' },
      });
      expect(td.containerDefinitions?.map((c) => c.image)).toEqual([IMAGE, 'otel:9']);
    });

    it('refuses a Fargate task definition with an invalid cpu/memory pair, naming the line', async () => {
      ws.write('ecs/too-small.yaml', fixture('fargate-taskdef.yaml').replace('memory: 512', 'memory: 4096'));
      const e = await thrown(() => loadTaskDefinition(ws.roots, 'ecs/too-small.yaml', 'task-definition', { image: IMAGE }));
      expect((e as ConfigurationError).location).toEqual({
        input: 'task-definition',
        file: 'ecs/too-small.yaml',
        line: 7,
        field: 'memory',
      });
    });

    it('refuses a path outside the workspace before reading anything', async () => {
      const e = await thrown(() => loadTaskDefinition(ws.roots, '../../etc/passwd', 'task-definition', {}));
      expect((e as Error).message).toMatch(/leaves the workspace/);
    });
  });

  it('loadServiceDefinition resolves <+targetGroupArn> to the stage target group', async () => {
    const svc = await loadServiceDefinition(ws.roots, 'ecs/service-definition.yaml', 'service-definition', {
      targetGroupArn: TG,
    });
    expect(svc.serviceName).toBe('web');
    expect(svc.loadBalancers).toEqual([{ targetGroupArn: TG, containerName: 'web', containerPort: 8080 }]);
    expect(svc.deploymentConfiguration?.deploymentCircuitBreaker).toEqual({ enable: true, rollback: true });
    const e = await thrown(() => loadServiceDefinition(ws.roots, 'ecs/service-definition.yaml', 'service-definition', {}));
    expect((e as ConfigurationError).location.line).toBe(12);
  });

  it('loadRunTaskRequest does not require taskDefinition (the action sets it, T1)', async () => {
    const req = await loadRunTaskRequest(ws.roots, 'ecs/run-task-request.json', 'run-task-request', {});
    expect(req.taskDefinition).toBeUndefined();
    expect(req.overrides?.containerOverrides?.[0]?.command).toEqual(['npm', 'run', 'migrate']);
  });

  describe('auto scaling manifests', () => {
    it("accepts Harness's camelCase scalable target as one object and returns a list of API-cased requests", async () => {
      const targets = await loadScalableTargets(ws.roots, 'ecs/harness-scalable-target.yaml', 'scalable-targets', {});
      expect(targets).toEqual([
        { ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 1, MaxCapacity: 3 },
      ]);
    });

    it('lets the action fill in ServiceNamespace, ResourceId and ScalableDimension', async () => {
      ws.write('ecs/minimal-target.json', '{"MinCapacity": 1, "MaxCapacity": 4}');
      const targets = await loadScalableTargets(ws.roots, 'ecs/minimal-target.json', 'scalable-targets', {});
      expect(targets).toEqual([{ MinCapacity: 1, MaxCapacity: 4 }]);
      ws.write('ecs/no-name-policy.yaml', 'policyType: TargetTrackingScaling\ntargetTrackingScalingPolicyConfiguration:\n  targetValue: 50\n');
      const e = await thrown(() => loadScalingPolicies(ws.roots, 'ecs/no-name-policy.yaml', 'scaling-policies', {}));
      expect((e as ConfigurationError).location).toMatchObject({ line: 1, field: 'PolicyName' });
      expect((e as Error).message).toMatch(/missing required field `PolicyName`/);
    });

    it('accepts describe-scalable-targets output, dropping its read-only fields', async () => {
      const targets = await loadScalableTargets(ws.roots, 'ecs/describe-scalable-targets.json', 'scalable-targets', {});
      expect(targets).toHaveLength(1);
      expect(targets[0]).not.toHaveProperty('ScalableTargetARN');
      expect(targets[0]).not.toHaveProperty('CreationTime');
      expect(targets[0]).toMatchObject({ ResourceId: 'service/prod/web', MinCapacity: 2, MaxCapacity: 10 });
    });

    it('reports problems in a list with the index and line of the item', async () => {
      ws.write(
        'ecs/targets.yaml',
        [
          '- serviceNamespace: ecs',
          '  scalableDimension: ecs:service:DesiredCount',
          '  minCapacity: 1',
          '  maxCapacity: 2',
          '- serviceNamespace: ecs',
          '  scalableDimension: ecs:service:DesiredCount',
          '  minCapacity: one',
          '  maxCapacity: 2',
        ].join('\n'),
      );
      const e = await thrown(() => loadScalableTargets(ws.roots, 'ecs/targets.yaml', 'scalable-targets', {}));
      expect((e as ConfigurationError).location).toMatchObject({ line: 7, field: '[1].minCapacity' });
    });

    it('refuses MinCapacity above MaxCapacity and a non-ECS namespace', async () => {
      ws.write('ecs/minmax.yaml', 'serviceNamespace: dynamodb\nscalableDimension: ecs:service:DesiredCount\nminCapacity: 5\nmaxCapacity: 2\n');
      const e = await thrown(() => loadScalableTargets(ws.roots, 'ecs/minmax.yaml', 'scalable-targets', {}));
      expect((e as Error).message).toMatch(/ServiceNamespace must be `ecs`/);
      expect((e as Error).message).toMatch(/MinCapacity \(5\) is greater than MaxCapacity \(2\)/);
    });

    it("loads Harness's scaling policy example", async () => {
      const policies = await loadScalingPolicies(ws.roots, 'ecs/harness-scaling-policy.yaml', 'scaling-policies', {});
      expect(policies).toEqual([
        {
          ScalableDimension: 'ecs:service:DesiredCount',
          ServiceNamespace: 'ecs',
          PolicyName: 'P1',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: {
            TargetValue: 60,
            PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
            ScaleInCooldown: 300,
            ScaleOutCooldown: 300,
          },
        },
      ]);
    });

    it('refuses a policy without the configuration its type needs, and unknown policy fields', async () => {
      ws.write('ecs/policy.yaml', 'policyName: p\nserviceNamespace: ecs\nscalableDimension: ecs:service:DesiredCount\npolicyType: StepScaling\n');
      const e = await thrown(() => loadScalingPolicies(ws.roots, 'ecs/policy.yaml', 'scaling-policies', {}));
      expect((e as Error).message).toMatch(/a StepScaling policy needs `StepScalingPolicyConfiguration`/);
      ws.write('ecs/policy2.yaml', 'policyName: p\nserviceNamespace: ecs\nscalableDimension: ecs:service:DesiredCount\ntargetValue: 50\n');
      const e2 = await thrown(() => loadScalingPolicies(ws.roots, 'ecs/policy2.yaml', 'scaling-policies', {}));
      expect((e2 as ConfigurationError).location).toMatchObject({ line: 4, field: 'targetValue' });
    });
  });
});
