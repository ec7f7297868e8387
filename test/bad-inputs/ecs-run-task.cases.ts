/** Bad inputs for ecs-run-task: each must fail before any AWS call with an error that says where the problem is. */
import type { BadInputCase } from './corpus.js';
import {
  FARGATE_MIGRATE_TASK,
  MIGRATE_TASK,
  OUTSIDE_WORKSPACE_AND_RUNNER_TEMP,
  RUN_REQUEST,
  doc,
  migrateTaskWith,
  runRequestWith,
} from './manifests.js';

const IMAGE = 'registry.example.com/jobs/migrate:7';
const BASE_INPUTS = { cluster: 'jobs', 'task-definition': 'migrate-task.yaml', image: IMAGE };
const BASE_FILES = { 'migrate-task.yaml': MIGRATE_TASK };

type Spec = Omit<BadInputCase, 'action' | 'inputs' | 'files'> & {
  inputs?: Record<string, string>;
  files?: Record<string, string>;
};

/** The valid base run (an EC2 task, no request file) with `inputs` and `files` laid over it ('' removes an input). */
function runTask(spec: Spec): BadInputCase {
  const inputs: Record<string, string> = { ...BASE_INPUTS, ...spec.inputs };
  for (const [k, v] of Object.entries(inputs)) if (v === '') delete inputs[k];
  return { ...spec, action: 'ecs-run-task', inputs, files: { ...BASE_FILES, ...spec.files } };
}

/** Fargate: the Fargate task definition plus the valid request file. */
const FARGATE = {
  inputs: { 'run-task-request': 'request.yaml' },
  files: { 'migrate-task.yaml': FARGATE_MIGRATE_TASK, 'request.yaml': RUN_REQUEST },
};

export const RUN_TASK_CASES: BadInputCase[] = [
  // Counts
  runTask({ name: 'count is 0', inputs: { count: '0' }, message: /at least 1/, where: { input: 'count' } }),
  runTask({ name: 'count is negative', inputs: { count: '-3' }, message: /-3/, where: { input: 'count' } }),
  runTask({ name: 'count is not a whole number', inputs: { count: '2.5' }, message: /2\.5/, where: { input: 'count' } }),
  runTask({ name: 'count over the maximum (1001)', inputs: { count: '1001' }, message: /1001.*1000/, where: { input: 'count' } }),
  runTask({
    name: 'run-task request: count over the maximum (5000)',
    inputs: { 'run-task-request': 'request.yaml' },
    files: { 'request.yaml': doc('count: 5000', 'startedBy: nightly') },
    message: /5000/,
    where: { input: 'run-task-request', field: 'count' },
  }),
  runTask({
    name: 'run-task request: count is not a whole number',
    inputs: { 'run-task-request': 'request.yaml' },
    files: { 'request.yaml': doc('startedBy: nightly', 'count: 1.5') },
    message: /1\.5/,
    where: { input: 'run-task-request', field: 'count' },
  }),
  // Enumerations and booleans
  runTask({ name: 'unknown wait mode', inputs: { wait: 'forever' }, message: /'forever'/, where: { input: 'wait' } }),
  runTask({
    name: 'stream-logs is "yes"',
    inputs: { 'stream-logs': 'yes' },
    message: /boolean|true or false/,
    where: { input: 'stream-logs' },
  }),
  runTask({ name: 'unknown launch type', inputs: { 'launch-type': 'LAMBDA' }, message: /'LAMBDA'/, where: { input: 'launch-type' } }),
  runTask({
    name: 'assign-public-ip is "maybe"',
    inputs: { 'assign-public-ip': 'maybe' },
    message: /'maybe'/,
    where: { input: 'assign-public-ip' },
  }),
  // Network
  runTask({
    name: 'subnets given as a VPC id',
    ...FARGATE,
    inputs: { ...FARGATE.inputs, subnets: 'vpc-0a1b2c3d' },
    message: /vpc-0a1b2c3d/,
    where: { input: 'subnets' },
  }),
  runTask({
    name: 'Fargate without a network configuration',
    files: { 'migrate-task.yaml': FARGATE_MIGRATE_TASK },
    message: /network configuration/,
    where: { input: ['subnets', 'run-task-request'] },
  }),
  runTask({
    name: 'launch type FARGATE with a bridge-mode task definition',
    inputs: { 'launch-type': 'FARGATE', subnets: 'subnet-0a1b2c3d' },
    files: { 'migrate-task.yaml': migrateTaskWith(1, 'family: migrate', 'networkMode: bridge') },
    message: /awsvpc/,
    where: { input: ['launch-type', 'task-definition'] },
  }),
  // Container overrides
  runTask({
    name: 'container-overrides: malformed JSON',
    inputs: { 'container-overrides': '[{"name": "migrate",]' },
    message: /JSON/,
    where: { input: 'container-overrides' },
  }),
  runTask({
    name: 'container-overrides: container not in the task definition',
    inputs: { 'container-overrides': '[{"name": "worker", "command": ["run"]}]' },
    message: /'worker'.*'migrate'/,
    where: { input: 'container-overrides' },
  }),
  runTask({
    name: 'container-overrides: misspelled comand',
    inputs: { 'container-overrides': '[{"name": "migrate", "comand": ["run"]}]' },
    message: /did you mean `command`/,
    where: { input: 'container-overrides' },
  }),
  runTask({
    name: 'container-overrides: an object instead of a list',
    inputs: { 'container-overrides': '{"name": "migrate"}' },
    message: /list/,
    where: { input: 'container-overrides' },
  }),
  // Task definition source
  runTask({
    name: 'task-definition and task-definition-arn both given',
    inputs: { 'task-definition-arn': 'migrate:3' },
    message: /task-definition-arn/,
    where: { input: ['task-definition', 'task-definition-arn'] },
  }),
  runTask({
    name: 'malformed task-definition-arn (account id of 4 digits)',
    inputs: { 'task-definition': '', image: '', 'task-definition-arn': 'arn:aws:ecs:us-east-1:1234:task-definition/migrate:3' },
    message: /not a task definition reference/,
    where: { input: 'task-definition-arn' },
  }),
  runTask({
    name: 'task-definition-arn: family without a revision',
    inputs: { 'task-definition': '', image: '', 'task-definition-arn': 'migrate' },
    message: /revision/,
    where: { input: 'task-definition-arn' },
  }),
  runTask({
    name: 'container-name with a task-definition-arn (nothing to set the image in)',
    inputs: { 'task-definition': '', 'task-definition-arn': 'migrate:3', 'container-name': 'migrate' },
    message: /container-name/,
    where: { input: 'container-name' },
  }),
  // Manifests: syntax, types, fields
  runTask({
    name: 'run-task request: YAML flow list never closed',
    inputs: { 'run-task-request': 'request.yaml' },
    files: { 'migrate-task.yaml': FARGATE_MIGRATE_TASK, 'request.yaml': runRequestWith(4, '    subnets: [subnet-0a1b2c3d') },
    message: /YAML syntax error/,
    where: { input: 'run-task-request', file: 'request.yaml', line: 5 },
  }),
  runTask({
    name: 'run-task request: JSON with a trailing comma',
    inputs: { 'run-task-request': 'request.json' },
    files: { 'request.json': '{\n  "startedBy": "nightly",\n  "count": 2,\n}\n' },
    message: /JSON syntax error/,
    where: { input: 'run-task-request', file: 'request.json', line: 4 },
  }),
  runTask({
    name: 'run-task request: misspelled overides',
    inputs: { 'run-task-request': 'request.yaml' },
    files: { 'request.yaml': doc('startedBy: nightly', 'overides:', '  containerOverrides: []') },
    message: /did you mean `overrides`/,
    where: { input: 'run-task-request', file: 'request.yaml', line: 2, field: 'overides' },
  }),
  runTask({
    name: 'run-task request: enableExecuteCommand is "sure"',
    inputs: { 'run-task-request': 'request.yaml' },
    files: { 'request.yaml': doc('startedBy: nightly', 'enableExecuteCommand: sure') },
    message: /expected true or false/,
    where: { input: 'run-task-request', file: 'request.yaml', line: 2, field: 'enableExecuteCommand' },
  }),
  runTask({
    name: 'run-task request: launchType and capacityProviderStrategy both set',
    ...FARGATE,
    files: {
      ...FARGATE.files,
      'request.yaml': runRequestWith(1, 'launchType: FARGATE', 'capacityProviderStrategy:', '  - capacityProvider: FARGATE_SPOT'),
    },
    message: /not both/,
    where: { input: 'run-task-request', file: 'request.yaml', line: 2, field: 'capacityProviderStrategy' },
  }),
  runTask({
    name: 'task definition: containerDefinitions missing',
    files: { 'migrate-task.yaml': doc('family: migrate', 'memory: "512"') },
    message: /missing required field `containerDefinitions`/,
    where: { input: 'task-definition', file: 'migrate-task.yaml', line: 1, field: 'containerDefinitions' },
  }),
  runTask({
    name: 'task definition: container memory is text',
    files: { 'migrate-task.yaml': migrateTaskWith(5, '    memory: "a lot"') },
    message: /expected a number/,
    where: { input: 'task-definition', file: 'migrate-task.yaml', line: 5, field: 'containerDefinitions[0].memory' },
  }),
  runTask({
    name: 'task definition: EC2 container without memory',
    files: { 'migrate-task.yaml': migrateTaskWith(5) },
    message: /memory/,
    where: { input: 'task-definition', file: 'migrate-task.yaml', line: 3, field: 'containerDefinitions[0].memory' },
  }),
  runTask({
    name: 'Fargate: invalid cpu/memory pair (512 CPU units with 256 MiB)',
    ...FARGATE,
    files: { ...FARGATE.files, 'migrate-task.yaml': FARGATE_MIGRATE_TASK.replace('cpu: "256"\nmemory: "512"', 'cpu: "512"\nmemory: "256"') },
    message: /512|256/,
    where: { input: 'task-definition', file: 'migrate-task.yaml', line: 5, field: 'memory' },
  }),
  runTask({
    name: 'Fargate: awslogs without an executionRoleArn',
    ...FARGATE,
    files: {
      ...FARGATE.files,
      'migrate-task.yaml': `${FARGATE_MIGRATE_TASK}    logConfiguration:\n      logDriver: awslogs\n      options: { awslogs-group: /ecs/migrate, awslogs-region: us-east-1, awslogs-stream-prefix: run }\n`,
    },
    message: /executionRoleArn/,
    where: { input: 'task-definition', file: 'migrate-task.yaml', line: 'any', field: 'executionRoleArn' },
  }),
  // Placeholders and container names
  runTask({
    name: 'unresolved <+artifact.image> (no image input)',
    inputs: { image: '' },
    message: /<\+artifact\.image> has no value/,
    where: { input: 'task-definition', file: 'migrate-task.yaml', line: 4 },
  }),
  runTask({
    name: 'unknown placeholder in the run-task request',
    inputs: { 'run-task-request': 'request.yaml' },
    files: { 'request.yaml': doc('startedBy: nightly', 'group: <+pipeline.name>') },
    message: /unknown placeholder <\+pipeline\.name>/,
    where: { input: 'run-task-request', file: 'request.yaml', line: 2 },
  }),
  runTask({
    name: 'container-name matches no container',
    inputs: { 'container-name': 'app' },
    files: { 'migrate-task.yaml': migrateTaskWith(4, '    image: busybox:1') },
    message: /no container named 'app'.*'migrate'/,
    where: { input: 'container-name' },
  }),
  runTask({
    name: 'container-name without image',
    inputs: { 'container-name': 'migrate', image: '' },
    files: { 'migrate-task.yaml': migrateTaskWith(4, '    image: busybox:1') },
    message: /image/,
    where: { input: ['image', 'container-name'] },
  }),
  runTask({
    name: 'image given but used nowhere (no placeholder, no container-name)',
    files: { 'migrate-task.yaml': migrateTaskWith(4, '    image: busybox:1') },
    message: /would not be used/,
    where: { input: 'image' },
  }),
  runTask({
    name: 'image placeholder only in a YAML comment, the file keeps its own image',
    files: { 'migrate-task.yaml': migrateTaskWith(4, '    # CI sets the image: <+artifact.image>', '    image: busybox:1') },
    message: /image would not be used: no manifest has an <\+artifact\.image> placeholder outside comments/,
    where: { input: 'image' },
  }),
  runTask({
    name: 'watch-container is not in the task definition',
    inputs: { 'watch-container': 'sidecar' },
    message: /'sidecar'/,
    where: { input: 'watch-container' },
  }),
  // Paths
  runTask({
    name: 'run-task request path escapes the workspace',
    inputs: { 'run-task-request': '../../etc/passwd' },
    message: /leaves the workspace/,
    where: { input: 'run-task-request', file: '../../etc/passwd' },
  }),
  runTask(OUTSIDE_WORKSPACE_AND_RUNNER_TEMP),
  runTask({
    name: 'task definition file missing',
    inputs: { 'task-definition': 'jobs/migrate.yaml' },
    message: /file not found/,
    where: { input: 'task-definition', file: 'jobs/migrate.yaml' },
  }),
  runTask({
    name: 'task definition path is a directory',
    inputs: { 'task-definition': 'jobs' },
    files: { 'jobs/readme.txt': 'not a manifest\n' },
    message: /not a file/,
    where: { input: 'task-definition', file: 'jobs' },
  }),
  // Other inputs
  runTask({ name: 'timeout-minutes is not a number', inputs: { 'timeout-minutes': 'ten' }, message: /'ten'/, where: { input: 'timeout-minutes' } }),
  runTask({ name: 'max-attempts is 0', inputs: { 'max-attempts': '0' }, message: /'0'/, where: { input: 'max-attempts' } }),
  runTask({ name: 'tags item without =', inputs: { tags: 'team=data,nightly' }, message: /'nightly'/, where: { input: 'tags' } }),
  runTask({ name: 'tags with the reserved aws: prefix', inputs: { tags: 'aws:owner=me' }, message: /aws:/, where: { input: 'tags' } }),
  runTask({ name: 'started-by with spaces', inputs: { 'started-by': 'nightly job' }, message: /startedBy/, where: { input: 'started-by' } }),
  runTask({ name: 'cluster name with a slash', inputs: { cluster: 'jobs/prod' }, message: /jobs\/prod/, where: { input: 'cluster' } }),
  runTask({ name: 'region in upper case', inputs: { region: 'US-EAST-1' }, message: /US-EAST-1/, where: { input: 'region' } }),
];
