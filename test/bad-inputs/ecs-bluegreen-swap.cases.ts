/** Bad inputs for ecs-bluegreen-swap: each must fail before any AWS call with an error that says where the problem is. */
import type { BadInputCase } from './corpus.js';

const TASK = JSON.stringify({
  family: 'shop',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'web', image: '<+artifact.image>', essential: true, portMappings: [{ containerPort: 8080 }] }],
});

function service(fields: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      serviceName: 'shop',
      launchType: 'FARGATE',
      desiredCount: 2,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      loadBalancers: [{ targetGroupArn: '<+targetGroupArn>', containerName: 'web', containerPort: 8080 }],
      ...fields,
    },
    null,
    2,
  );
}

const ROUTES = { 'load-balancer': 'shop', 'prod-listener': '443', 'stage-listener': '8443' };
const DEPLOY = { ...ROUTES, 'task-definition': 'task.json', 'service-definition': 'service.json', image: 'shop:1' };

type Spec = Omit<BadInputCase, 'action' | 'inputs' | 'files'> & { inputs?: Record<string, string>; files?: Record<string, string> };

/** A valid deploy with `inputs` and `files` laid over it ('' removes an input). */
function deploy(spec: Spec): BadInputCase {
  const inputs: Record<string, string> = { ...DEPLOY, ...spec.inputs };
  for (const [k, v] of Object.entries(inputs)) if (v === '') delete inputs[k];
  return { ...spec, action: 'ecs-bluegreen-swap', inputs, files: { 'task.json': TASK, 'service.json': service(), ...spec.files } };
}

/** A valid swap (from the tags) with `inputs` laid over it. */
function swap(spec: Spec): BadInputCase {
  const inputs: Record<string, string> = { ...ROUTES, mode: 'swap', service: 'shop', ...spec.inputs };
  for (const [k, v] of Object.entries(inputs)) if (v === '') delete inputs[k];
  return { ...spec, action: 'ecs-bluegreen-swap', inputs, files: spec.files ?? {} };
}

export const BLUEGREEN_CASES: BadInputCase[] = [
  deploy({ name: 'unknown mode', inputs: { mode: 'promote' }, message: /promote/, where: { input: 'mode' } }),
  deploy({ name: 'no load balancer', inputs: { 'load-balancer': '' }, message: /required/, where: { input: 'load-balancer' } }),
  deploy({ name: 'no prod listener', inputs: { 'prod-listener': '' }, message: /required/, where: { input: 'prod-listener' } }),
  deploy({ name: 'no stage listener', inputs: { 'stage-listener': '' }, message: /required/, where: { input: 'stage-listener' } }),
  deploy({ name: 'the same listener for prod and stage', inputs: { 'stage-listener': '443' }, message: /same listener/, where: { input: 'stage-listener' } }),
  deploy({
    name: 'the same rule for prod and stage',
    inputs: {
      'prod-listener-rule': 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/shop/1/2/3',
      'stage-listener-rule': 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/shop/1/2/3',
    },
    message: /same rule/,
    where: { input: 'stage-listener-rule' },
  }),
  deploy({ name: 'deploy without a service definition', inputs: { 'service-definition': '' }, message: /required/, where: { input: 'service-definition' } }),
  deploy({ name: 'no task definition', inputs: { 'task-definition': '' }, message: /task-definition/, where: { input: 'task-definition' } }),
  deploy({
    name: 'service definition without <+targetGroupArn>',
    files: { 'service.json': service({ loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/x/1', containerName: 'web', containerPort: 8080 }] }) },
    message: /<\+targetGroupArn>/,
    where: { input: 'service-definition', file: 'service.json', field: 'loadBalancers' },
  }),
  deploy({
    name: 'service definition without loadBalancers',
    files: { 'service.json': service({ loadBalancers: undefined }) },
    message: /<\+targetGroupArn>/,
    where: { input: 'service-definition', file: 'service.json' },
  }),
  deploy({
    name: 'service definition without a desired count',
    files: { 'service.json': service({ desiredCount: undefined }) },
    message: /desired count/,
    where: { input: 'service-definition', file: 'service.json', field: 'desiredCount' },
  }),
  deploy({ name: 'same-as-running is not a boolean', inputs: { 'same-as-running': 'yes' }, message: /yes/, where: { input: 'same-as-running' } }),
  deploy({ name: 'deploy given swap inputs', inputs: { 'downsize-old-service': 'false' }, message: /does not use it/, where: { input: 'downsize-old-service' } }),
  deploy({ name: 'deploy given a stage service', inputs: { 'stage-service': 'shop__2' }, message: /does not use it/, where: { input: 'stage-service' } }),
  deploy({ name: 'image used by no manifest', inputs: { image: 'shop:1' }, files: { 'task.json': TASK.replace('<+artifact.image>', 'shop:0') }, message: /would not be used/, where: { input: 'image' } }),
  swap({ name: 'swap given a task definition', inputs: { 'task-definition': 'task.json' }, message: /does not use it/, where: { input: 'task-definition' } }),
  swap({ name: 'swap without a service', inputs: { service: '' }, message: /service/, where: { input: 'service' } }),
  swap({ name: 'stage-service that is not a blue/green name', inputs: { 'stage-service': 'shop' }, message: /__1/, where: { input: 'stage-service' } }),
  swap({ name: 'stage and blue service the same', inputs: { 'stage-service': 'shop__1', 'blue-service': 'shop__1' }, message: /same service/, where: { input: 'blue-service' } }),
  swap({ name: 'stage-service of another base service', inputs: { 'stage-service': 'cart__1' }, message: /cart__1/, where: { input: 'stage-service' } }),
  swap({ name: 'downsize delay over an hour', inputs: { 'downsize-delay-seconds': '7200' }, message: /7200/, where: { input: 'downsize-delay-seconds' } }),
  swap({ name: 'traffic steps not ending at 100', inputs: { 'traffic-steps': '10,50' }, message: /100/, where: { input: 'traffic-steps' } }),
  swap({ name: 'traffic steps that fall', inputs: { 'traffic-steps': '50,10,100' }, message: /rise/, where: { input: 'traffic-steps' } }),
  swap({ name: 'traffic step not a percentage', inputs: { 'traffic-steps': '10,abc,100' }, message: /abc/, where: { input: 'traffic-steps' } }),
  swap({ name: 'alarms without traffic steps', inputs: { alarms: 'shop-5xx' }, message: /traffic-steps/, where: { input: 'alarms' } }),
  swap({ name: 'rollback given downsize input', inputs: { mode: 'rollback', 'downsize-delay-seconds': '5' }, message: /does not use it/, where: { input: 'downsize-delay-seconds' } }),
];
