/** Bad inputs for ecs-rolling: each must fail before any AWS call with an error that says where the problem is. */
import type { BadInputCase } from './corpus.js';
import {
  OUTSIDE_WORKSPACE_AND_RUNNER_TEMP,
  SCALABLE_TARGET,
  SCALING_POLICY,
  WEB_SERVICE,
  WEB_TASK,
  WEB_SERVICE_LINES,
  WEB_TASK_LINES,
  doc,
  webServiceWith,
  webTaskWith,
} from './manifests.js';

const IMAGE = 'registry.example.com/web:2';
const BASE_INPUTS = {
  cluster: 'demo',
  service: 'web',
  'task-definition': 'web-task.yaml',
  'service-definition': 'web-service.yaml',
  image: IMAGE,
};
const BASE_FILES = { 'web-task.yaml': WEB_TASK, 'web-service.yaml': WEB_SERVICE };

type Spec = Omit<BadInputCase, 'action' | 'inputs' | 'files'> & {
  inputs?: Record<string, string>;
  files?: Record<string, string>;
};

/** The valid base run with `inputs` and `files` laid over it (an input set to '' is removed). */
function rolling(spec: Spec): BadInputCase {
  const inputs: Record<string, string> = { ...BASE_INPUTS, ...spec.inputs };
  for (const [k, v] of Object.entries(inputs)) if (v === '') delete inputs[k];
  return { ...spec, action: 'ecs-rolling', inputs, files: { ...BASE_FILES, ...spec.files } };
}

/** WEB_SERVICE with its deployment configuration (from line 10) and load balancers replaced by `lines`. */
const nativeService = (...lines: string[]): string => doc(...WEB_SERVICE_LINES.slice(0, 9), ...lines);
const NATIVE_LB = [
  'loadBalancers:', // 12
  '  - targetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1', // 13
  '    containerName: web', // 14
  '    containerPort: 8080', // 15
  '    advancedConfiguration:', // 16
  '      alternateTargetGroupArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/2',
  '      productionListenerRule: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/1/2/3',
  '      roleArn: arn:aws:iam::123456789012:role/ecs-lb',
];

export const ROLLING_CASES: BadInputCase[] = [
  // Malformed JSON and YAML
  rolling({
    name: 'task definition: JSON with a missing closing brace',
    inputs: { 'task-definition': 'td.json' },
    files: { 'td.json': '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx" \n  ]\n}\n' },
    message: /JSON syntax error/,
    where: { input: 'task-definition', file: 'td.json', line: 5 },
  }),
  rolling({
    name: 'task definition: YAML flow list never closed',
    files: { 'web-task.yaml': webTaskWith(2, 'requiresCompatibilities: [FARGATE') },
    message: /YAML syntax error/,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 3 },
  }),
  rolling({
    name: 'service definition: YAML mapping mis-indented',
    files: { 'web-service.yaml': webServiceWith(3, '  launchType: FARGATE') },
    message: /YAML syntax error/,
    where: { input: 'service-definition', file: 'web-service.yaml', line: 2 },
  }),
  rolling({
    name: 'task definition: YAML duplicate key',
    files: { 'web-task.yaml': webTaskWith(1, 'family: web', 'family: api') },
    message: /unique|duplicate/i,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 2 },
  }),
  rolling({
    name: 'task definition: a list instead of an object',
    inputs: { 'task-definition': 'td.json' },
    files: { 'td.json': '[\n  { "family": "web" }\n]\n' },
    message: /expected an object/,
    where: { input: 'task-definition', file: 'td.json', line: 1 },
  }),
  rolling({
    name: 'task definition: empty file',
    files: { 'web-task.yaml': '\n' },
    message: /empty/,
    where: { input: 'task-definition', file: 'web-task.yaml' },
  }),
  rolling({
    name: 'scaling policies: YAML mis-indented',
    inputs: { 'scaling-policies': 'policy.yaml' },
    files: { 'policy.yaml': doc('PolicyName: cpu', '  PolicyType: TargetTrackingScaling') },
    message: /YAML syntax error/,
    where: { input: 'scaling-policies', file: 'policy.yaml', line: 1 },
  }),
  // Wrong types
  rolling({
    name: 'task definition: container memory is text',
    files: { 'web-task.yaml': webTaskWith(10, '    essential: true', '    memory: lots') },
    message: /expected a number/,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 11, field: 'containerDefinitions[0].memory' },
  }),
  rolling({
    name: 'task definition: essential is "yes"',
    files: { 'web-task.yaml': webTaskWith(10, '    essential: "yes"') },
    message: /expected true or false/,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 10, field: 'containerDefinitions[0].essential' },
  }),
  rolling({
    name: 'service definition: desiredCount is a word',
    files: { 'web-service.yaml': webServiceWith(2, 'desiredCount: two') },
    message: /expected a number/,
    where: { input: 'service-definition', file: 'web-service.yaml', line: 2, field: 'desiredCount' },
  }),
  rolling({
    name: 'service definition: subnets is a string, not a list',
    files: { 'web-service.yaml': webServiceWith(6, '    subnets: subnet-0a1b2c3d') },
    message: /expected a list/,
    where: {
      input: 'service-definition',
      file: 'web-service.yaml',
      line: 6,
      field: 'networkConfiguration.awsvpcConfiguration.subnets',
    },
  }),
  // Unknown and misspelled fields
  rolling({
    name: 'task definition: unknown top-level field',
    files: { 'web-task.yaml': webTaskWith(6, WEB_TASK_LINES[5], 'autoDeploy: true') },
    message: /unknown field `autoDeploy`/,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 7, field: 'autoDeploy' },
  }),
  rolling({
    name: 'task definition: misspelled portMapping',
    files: { 'web-task.yaml': webTaskWith(11, '    portMapping:') },
    message: /unknown field `portMapping`.*did you mean `portMappings`/,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 11, field: 'containerDefinitions[0].portMapping' },
  }),
  rolling({
    name: 'service definition: misspelled desiredCont',
    files: { 'web-service.yaml': webServiceWith(2, 'desiredCont: 2') },
    message: /did you mean `desiredCount`/,
    where: { input: 'service-definition', file: 'web-service.yaml', line: 2, field: 'desiredCont' },
  }),
  // Containers
  rolling({
    name: 'task definition: no containers (empty list)',
    files: { 'web-task.yaml': doc('family: web', 'containerDefinitions: []') },
    message: /at least one container/,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 2, field: 'containerDefinitions' },
  }),
  rolling({
    name: 'task definition: containerDefinitions missing',
    files: { 'web-task.yaml': doc('family: web', 'cpu: "256"') },
    message: /missing required field `containerDefinitions`/,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 1, field: 'containerDefinitions' },
  }),
  rolling({
    name: 'task definition: a container without an image',
    inputs: { image: '' },
    files: { 'web-task.yaml': webTaskWith(9) },
    message: /needs an `image`/,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 8, field: 'containerDefinitions[0].image' },
  }),
  rolling({
    name: 'container-name matches no container',
    inputs: { 'container-name': 'api' },
    files: { 'web-task.yaml': webTaskWith(9, '    image: nginx:1.27') },
    message: /no container named 'api'.*'web'/,
    where: { input: 'container-name' },
  }),
  rolling({
    name: 'container-name without image',
    inputs: { 'container-name': 'web', image: '' },
    files: { 'web-task.yaml': webTaskWith(9, '    image: nginx:1.27') },
    message: /image/,
    where: { input: ['image', 'container-name'] },
  }),
  rolling({
    name: 'image given but used nowhere (no placeholder, no container-name)',
    files: { 'web-task.yaml': webTaskWith(9, '    image: nginx:1.27') },
    message: /image would not be used|placeholder|container-name/,
    where: { input: 'image' },
  }),
  rolling({
    name: 'image placeholder only in a YAML comment, the file keeps its own image',
    files: { 'web-task.yaml': webTaskWith(9, '    # CI sets the image: <+artifact.image>', '    image: nginx:1.24') },
    message: /image would not be used: no manifest has an <\+artifact\.image> placeholder outside comments/,
    where: { input: 'image' },
  }),
  // Placeholders
  rolling({
    name: 'unresolved <+artifact.image> (no image input)',
    inputs: { image: '' },
    message: /<\+artifact\.image> has no value/,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 9 },
  }),
  rolling({
    name: 'unknown placeholder <+artifact.tag>',
    files: { 'web-task.yaml': webTaskWith(9, '    image: registry.example.com/web:<+artifact.tag>') },
    message: /unknown placeholder <\+artifact\.tag>/,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 9 },
  }),
  // Paths
  rolling({
    name: 'task definition path escapes the workspace (..)',
    inputs: { 'task-definition': '../web-task.yaml' },
    message: /leaves the workspace/,
    where: { input: 'task-definition', file: '../web-task.yaml' },
  }),
  rolling({
    name: 'service definition path is absolute, outside the workspace',
    inputs: { 'service-definition': '/etc/passwd' },
    message: /leaves the workspace/,
    where: { input: 'service-definition', file: '/etc/passwd' },
  }),
  rolling(OUTSIDE_WORKSPACE_AND_RUNNER_TEMP),
  rolling({
    name: 'task definition path climbs out through a folder named ..cfg',
    inputs: { 'task-definition': '..cfg/../../web-task.yaml' },
    files: { '..cfg/td.yaml': WEB_TASK },
    message: /leaves the workspace/,
    where: { input: 'task-definition', file: '..cfg/../../web-task.yaml' },
  }),
  rolling({
    name: 'task definition through a symbolic link that points outside',
    inputs: { 'task-definition': 'deploy/td.yaml' },
    symlinks: { 'deploy/td.yaml': '/etc/passwd' },
    message: /outside the workspace/,
    where: { input: 'task-definition', file: 'deploy/td.yaml' },
  }),
  rolling({
    name: 'task definition file missing',
    inputs: { 'task-definition': 'deploy/missing.yaml' },
    message: /file not found/,
    where: { input: 'task-definition', file: 'deploy/missing.yaml' },
  }),
  rolling({
    name: 'scalable targets file missing',
    inputs: { 'scalable-targets': 'autoscaling/target.yaml' },
    message: /file not found/,
    where: { input: 'scalable-targets', file: 'autoscaling/target.yaml' },
  }),
  // mode: rollback refuses what it cannot honour (issue 11)
  rolling({
    name: 'mode rollback with same-as-running true',
    inputs: { mode: 'rollback', 'task-definition': '', 'service-definition': '', image: '', 'same-as-running': 'true' },
    message: /mode 'rollback' cannot honour it: a rollback always keeps the live desired count/,
    where: { input: 'same-as-running' },
  }),
  rolling({
    name: 'mode rollback with force-new-deployment true',
    inputs: { mode: 'rollback', 'task-definition': '', 'service-definition': '', image: '', 'force-new-deployment': 'true' },
    message: /forces a new deployment; remove this input/,
    where: { input: 'force-new-deployment' },
  }),
  rolling({
    name: 'mode rollback with desired-count',
    inputs: { mode: 'rollback', 'task-definition': '', 'service-definition': '', image: '', 'desired-count': '3' },
    message: /mode 'rollback' does not use it/,
    where: { input: 'desired-count' },
  }),
  // Enumerations and booleans
  rolling({
    name: 'unknown mode',
    inputs: { mode: 'redeploy' },
    message: /'redeploy'/,
    where: { input: 'mode' },
  }),
  rolling({
    name: 'same-as-running is "yes"',
    inputs: { 'same-as-running': 'yes' },
    message: /boolean|true or false/,
    where: { input: 'same-as-running' },
  }),
  rolling({
    name: 'rollback-on-failure is "maybe"',
    inputs: { 'rollback-on-failure': 'maybe' },
    message: /boolean|true or false/,
    where: { input: 'rollback-on-failure' },
  }),
  rolling({
    name: 'wait-for-steady-state is "1"',
    inputs: { 'wait-for-steady-state': '1' },
    message: /boolean|true or false/,
    where: { input: 'wait-for-steady-state' },
  }),
  rolling({
    name: 'dry-run is "on"',
    inputs: { 'dry-run': 'on' },
    message: /boolean|true or false/,
    where: { input: 'dry-run' },
  }),
  // Counts and numbers
  rolling({
    name: 'desired-count is negative',
    inputs: { 'desired-count': '-1' },
    message: /'-1'|-1/,
    where: { input: 'desired-count' },
  }),
  rolling({
    name: 'desired-count is not a whole number',
    inputs: { 'desired-count': '1.5' },
    message: /1\.5/,
    where: { input: 'desired-count' },
  }),
  rolling({
    name: 'service definition: desiredCount is not a whole number',
    files: { 'web-service.yaml': webServiceWith(2, 'desiredCount: 2.5') },
    message: /whole number|integer/i,
    where: { input: 'service-definition', file: 'web-service.yaml', line: 2, field: 'desiredCount' },
  }),
  rolling({
    name: 'timeout-minutes is 0',
    inputs: { 'timeout-minutes': '0' },
    message: /1 to 360|'0'/,
    where: { input: 'timeout-minutes' },
  }),
  rolling({
    name: 'max-attempts over 20',
    inputs: { 'max-attempts': '21' },
    message: /20|'21'/,
    where: { input: 'max-attempts' },
  }),
  // Task definition source
  rolling({
    name: 'task-definition and task-definition-arn both given',
    inputs: { 'task-definition-arn': 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:3' },
    message: /task-definition-arn/,
    where: { input: ['task-definition', 'task-definition-arn'] },
  }),
  rolling({
    name: 'neither task-definition nor task-definition-arn (mode deploy)',
    inputs: { 'task-definition': '' },
    message: /task-definition-arn/,
    where: { input: 'task-definition' },
  }),
  rolling({
    name: 'malformed task-definition-arn (12-digit account missing, no revision)',
    inputs: { 'task-definition': '', 'task-definition-arn': 'arn:aws:ecs:us-east-1:1234:task-definition/web' },
    message: /arn:aws:ecs:us-east-1:1234:task-definition\/web/,
    where: { input: 'task-definition-arn' },
  }),
  // ECS rules
  rolling({
    name: 'Fargate: invalid cpu/memory pair (256 CPU units with 4096 MiB)',
    files: { 'web-task.yaml': webTaskWith(5, 'memory: "4096"') },
    message: /256.*4096|4096.*256/,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 5, field: 'memory' },
  }),
  rolling({
    name: 'Fargate: networkMode bridge',
    files: { 'web-task.yaml': webTaskWith(3, 'networkMode: bridge') },
    message: /awsvpc/,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 3, field: 'networkMode' },
  }),
  rolling({
    name: 'Fargate: awslogs without an executionRoleArn',
    files: {
      'web-task.yaml': doc(
        ...WEB_TASK_LINES.slice(0, 5),
        ...WEB_TASK_LINES.slice(6, 10),
        '    logConfiguration:',
        '      logDriver: awslogs',
        '      options: { awslogs-group: /ecs/web, awslogs-region: us-east-1, awslogs-stream-prefix: web }',
      ),
    },
    message: /executionRoleArn/,
    where: { input: 'task-definition', file: 'web-task.yaml', line: 'any', field: 'executionRoleArn' },
  }),
  rolling({
    name: 'service definition: launchType and capacityProviderStrategy both set',
    files: {
      'web-service.yaml': webServiceWith(3, 'launchType: FARGATE', 'capacityProviderStrategy:', '  - capacityProvider: FARGATE_SPOT', '    weight: 1'),
    },
    message: /not both/,
    where: { input: 'service-definition', file: 'web-service.yaml', line: 4, field: 'capacityProviderStrategy' },
  }),
  rolling({
    name: 'scalable target: MinCapacity above MaxCapacity',
    inputs: { 'scalable-targets': 'target.yaml' },
    files: { 'target.yaml': doc('MinCapacity: 8', 'MaxCapacity: 4') },
    message: /MinCapacity \(8\) is greater than MaxCapacity \(4\)/,
    where: { input: 'scalable-targets', file: 'target.yaml', line: 1, field: 'MinCapacity' },
  }),
  rolling({
    name: 'scaling policy: unknown PolicyType',
    inputs: { 'scalable-targets': 'target.yaml', 'scaling-policies': 'policy.yaml' },
    files: { 'target.yaml': SCALABLE_TARGET, 'policy.yaml': SCALING_POLICY.replace('TargetTrackingScaling\n', 'TargetTracking\n') },
    message: /unknown PolicyType `TargetTracking`/,
    where: { input: 'scaling-policies', file: 'policy.yaml', line: 2, field: 'PolicyType' },
  }),
  // Other inputs
  rolling({
    name: 'cluster name with a space',
    inputs: { cluster: 'my cluster' },
    message: /my cluster/,
    where: { input: 'cluster' },
  }),
  rolling({
    name: 'region is not a region name',
    inputs: { region: 'mars-north' },
    message: /mars-north/,
    where: { input: 'region' },
  }),
  rolling({
    name: 'no service name (no service input, no service definition)',
    inputs: { service: '', 'service-definition': '' },
    message: /service/,
    where: { input: 'service' },
  }),
  // ECS's own BLUE_GREEN, LINEAR and CANARY deployments (N2, N3): the manifest and the inputs that drive them
  rolling({
    name: 'service definition: BLUE_GREEN load balancer without advancedConfiguration',
    files: { 'web-service.yaml': nativeService('  strategy: BLUE_GREEN', '  bakeTimeInMinutes: 5', ...NATIVE_LB.slice(0, 4)) },
    message: /needs advancedConfiguration on every load balancer/,
    where: { input: 'service-definition', file: 'web-service.yaml', line: 13, field: 'loadBalancers[0].advancedConfiguration' },
  }),
  rolling({
    name: 'service definition: LINEAR stepPercent below 3',
    files: { 'web-service.yaml': nativeService('  strategy: LINEAR', '  linearConfiguration:', '    stepPercent: 2', ...NATIVE_LB) },
    message: /2 is out of range: ECS takes 3 to 100/,
    where: { input: 'service-definition', file: 'web-service.yaml', line: 12, field: 'deploymentConfiguration.linearConfiguration.stepPercent' },
  }),
  rolling({
    name: 'service definition: CANARY bake time above a day',
    files: { 'web-service.yaml': nativeService('  strategy: CANARY', '  bakeTimeInMinutes: 1441', ...NATIVE_LB) },
    message: /1441 is out of range: ECS takes 0 to 1440/,
    where: { input: 'service-definition', file: 'web-service.yaml', line: 11, field: 'deploymentConfiguration.bakeTimeInMinutes' },
  }),
  rolling({
    name: 'service definition: a PAUSE hook at PRODUCTION_TRAFFIC_SHIFT',
    files: {
      'web-service.yaml': nativeService('  strategy: BLUE_GREEN', '  lifecycleHooks:', '    - targetType: PAUSE', '      lifecycleStages: [PRODUCTION_TRAFFIC_SHIFT]', ...NATIVE_LB),
    },
    message: /a PAUSE hook cannot pause PRODUCTION_TRAFFIC_SHIFT/,
    where: { input: 'service-definition', file: 'web-service.yaml', line: 13, field: 'deploymentConfiguration.lifecycleHooks[0].lifecycleStages[0]' },
  }),
  rolling({
    name: 'wait-until is neither deployed nor ecs:<STAGE>',
    inputs: { 'wait-until': 'ecs:POST_TEST' },
    message: /neither 'deployed' nor 'ecs:<STAGE>'/,
    where: { input: 'wait-until' },
  }),
  rolling({
    name: 'hook-id given to a deploy',
    inputs: { 'hook-id': 'abc' },
    message: /only mode 'continue' uses it/,
    where: { input: 'hook-id' },
  }),
  rolling({
    name: 'continue-action is not CONTINUE or ROLLBACK',
    inputs: { mode: 'continue', 'task-definition': '', 'service-definition': '', image: '', 'continue-action': 'PROCEED' },
    message: /PROCEED/,
    where: { input: 'continue-action' },
  }),
  rolling({
    name: 'mode continue with a task definition',
    inputs: { mode: 'continue', 'service-definition': '', image: '' },
    message: /mode 'continue' does not use it/,
    where: { input: 'task-definition' },
  }),
];
