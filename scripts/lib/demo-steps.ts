/**
 * What the demo runs, step by step, as a platform team's workflows would: each step one `uses:` of an action with
 * its `with:` inputs, and what its outcome must be (the demo fails when a step ends otherwise). `ctx` carries
 * outputs from step to step, as `steps.<id>.outputs` / `needs.<job>.outputs` do in a workflow.
 */
import type { ActionRun } from '../../test/helpers/run-action.js';
import type { DemoWorld } from './demo-world.js';

export type DemoAction = 'register-delegate' | 'ecs-rolling' | 'ecs-canary' | 'ecs-bluegreen-swap' | 'ecs-run-task';

export interface DemoStep {
  title: string;
  action: DemoAction;
  inputs: (ctx: Record<string, string>) => Record<string, string>;
  expect: (run: ActionRun, ctx: Record<string, string>) => string | undefined;
}

const ok = (cond: boolean, what: string): string | undefined => (cond ? undefined : what);

function rolling(image: string): Record<string, string> {
  return {
    cluster: 'demo',
    'task-definition': 'web-task.yaml',
    'service-definition': 'web-service.yaml',
    'scalable-targets': 'web-scalable-target.yaml',
    'scaling-policies': 'web-scaling-policy.yaml',
    image,
    'timeout-minutes': '5',
  };
}

const migrate = (image: string): Record<string, string> => ({
  cluster: 'demo',
  'task-definition': 'migrate-task.yaml',
  'run-task-request': 'migrate-request.yaml',
  image,
});

function delegateSteps(): DemoStep[] {
  return [
    {
      title: 'Install the delegate (Fargate preset, token from Secrets Manager)',
      action: 'register-delegate',
      inputs: () => ({
        cluster: 'demo',
        preset: 'fargate',
        image: 'harness/delegate:24.02.82203',
        'account-id': 'px7xd_BFRCi-pfWPYXVjvw',
        'delegate-token-secret-arn': 'arn:aws:secretsmanager:us-east-1:123456789012:secret:harness/delegate-token-AbCdEf',
        'manager-host-and-port': 'https://app.harness.io',
        'delegate-name': 'demo-delegate',
        'execution-role-arn': 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        subnets: 'subnet-0a1b2c3d',
        'security-groups': 'sg-0a1b2c3d',
        'timeout-minutes': '5',
      }),
      expect: (r) => ok(r.exitCode === 0 && r.outputs['changed'] === 'true' && r.outputs['runningCount'] === '1', 'expected the delegate service created with 1 running task'),
    },
  ];
}

function rollingSteps(): DemoStep[] {
  return [
    {
      title: 'First deployment: creates service web behind its load balancer',
      action: 'ecs-rolling',
      inputs: () => rolling('registry.example/web:1.0'),
      expect: (r, c) => {
        c['v1'] = r.outputs['taskDefinitionArn'] ?? '';
        return ok(r.exitCode === 0 && r.outputs['firstDeployment'] === 'true', 'expected success with firstDeployment=true');
      },
    },
    {
      title: 'Second deployment: rolling update to web:1.1',
      action: 'ecs-rolling',
      inputs: () => rolling('registry.example/web:1.1'),
      expect: (r, c) => {
        c['v2'] = r.outputs['taskDefinitionArn'] ?? '';
        return ok(r.exitCode === 0 && r.outputs['previousTaskDefinitionArn'] === c['v1'], 'expected success, previousTaskDefinitionArn = the first revision');
      },
    },
  ];
}

function canarySteps(): DemoStep[] {
  return [
    {
      title: 'Canary of web:1.2: one task in the target group of web, baked 5 s',
      action: 'ecs-canary',
      inputs: () => ({ cluster: 'demo', service: 'web', 'task-definition': 'web-task.yaml', image: 'registry.example/web:1.2', 'bake-seconds': '5', 'timeout-minutes': '5' }),
      expect: (r, c) => {
        c['v3'] = r.outputs['taskDefinitionArn'] ?? '';
        return ok(r.exitCode === 0 && r.outputs['canaryServiceName'] === 'webCanary' && r.outputs['canaryTaskCount'] === '1', 'expected webCanary with 1 task');
      },
    },
    {
      title: 'Delete the canary before the full rollout',
      action: 'ecs-canary',
      inputs: () => ({ cluster: 'demo', service: 'web', mode: 'delete' }),
      expect: (r) => ok(r.exitCode === 0 && r.outputs['canaryDeleted'] === 'true', 'expected canaryDeleted=true'),
    },
    {
      title: "Full rollout of the canary's revision (task-definition-arn from the canary step)",
      action: 'ecs-rolling',
      inputs: (c) => ({ cluster: 'demo', service: 'web', 'task-definition-arn': c['v3'] ?? '', 'timeout-minutes': '5' }),
      expect: (r, c) => ok(r.exitCode === 0 && r.outputs['taskDefinitionArn'] === c['v3'], "expected web on the canary's revision"),
    },
  ];
}

function failureSteps(): DemoStep[] {
  return [
    {
      title: 'A deployment that crashes: web:1.3-crash is rolled back',
      action: 'ecs-rolling',
      inputs: () => rolling('registry.example/web:1.3-crash'),
      expect: (r) => ok(r.exitCode !== 0 && r.outputs['rolledBack'] === 'true', 'expected a failed step with rolledBack=true'),
    },
    {
      title: 'Manual rollback (what a workflow_dispatch runs): back to the deployment before the last successful one',
      action: 'ecs-rolling',
      inputs: () => ({ cluster: 'demo', service: 'web', mode: 'rollback', 'timeout-minutes': '5' }),
      expect: (r, c) => ok(r.exitCode === 0 && r.outputs['taskDefinitionArn'] === c['v2'], 'expected success back on web:1.1'),
    },
  ];
}

function blueGreenSteps(world: DemoWorld): DemoStep[] {
  const routes = { 'load-balancer': world.shop.loadBalancer, 'prod-listener': '80', 'stage-listener': '8080' };
  return [
    {
      title: 'Blue/green: stage service shop__1 behind the stage listener (8080)',
      action: 'ecs-bluegreen-swap',
      inputs: () => ({ ...routes, cluster: 'demo', mode: 'deploy', 'task-definition': 'shop-task.yaml', 'service-definition': 'shop-service.yaml', image: 'registry.example/shop:2.0', 'timeout-minutes': '5' }),
      expect: (r, c) => {
        Object.assign(c, { stage: r.outputs['stageServiceName'] ?? '', tg: r.outputs['targetGroupArn'] ?? '', prodTg: r.outputs['prodTargetGroupArn'] ?? '' });
        return ok(r.exitCode === 0 && r.outputs['stageServiceName'] === 'shop__1', 'expected stage service shop__1');
      },
    },
    {
      title: 'Blue/green: swap the prod and stage listeners (a later job, from the deploy outputs)',
      action: 'ecs-bluegreen-swap',
      inputs: (c) => ({ ...routes, cluster: 'demo', mode: 'swap', 'stage-service': c['stage'] ?? '', 'target-group-arn': c['tg'] ?? '', 'prod-target-group-arn': c['prodTg'] ?? '' }),
      expect: (r) => ok(r.exitCode === 0 && r.stdout.includes('Swapping Successful.'), 'expected Swapping Successful.'),
    },
  ];
}

function runTaskSteps(): DemoStep[] {
  return [
    {
      title: 'One-off task: database migration (exit code 0, logs streamed)',
      action: 'ecs-run-task',
      inputs: () => migrate('registry.example/migrate:exit-0'),
      expect: (r) => ok(r.exitCode === 0, 'expected the task to succeed'),
    },
    {
      title: 'One-off task that fails: exit code 3 fails the step',
      action: 'ecs-run-task',
      inputs: () => migrate('registry.example/migrate:exit-3'),
      expect: (r) => ok(r.exitCode !== 0 && /\b3\b/.test(r.stdout), 'expected a failed step naming exit code 3'),
    },
  ];
}

export function demoSteps(world: DemoWorld): DemoStep[] {
  return [...delegateSteps(), ...rollingSteps(), ...canarySteps(), ...failureSteps(), ...blueGreenSteps(world), ...runTaskSteps()];
}
