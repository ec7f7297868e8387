/**
 * Bad inputs for ecs-canary (C1, C2, S3): each must fail before any AWS call with an error that says where the
 * problem is. Checks that need AWS (the base service exists, the alarms exist) are in test/e2e/ecs-canary-inputs.test.ts.
 */
import type { BadInputCase } from './corpus.js';
import { WEB_SERVICE, WEB_TASK, webServiceWith, webTaskWith } from './manifests.js';

const IMAGE = 'registry.example.com/web:2';
const BASE_INPUTS = { service: 'web', 'task-definition': 'web-task.yaml', image: IMAGE };
const BASE_FILES = { 'web-task.yaml': WEB_TASK, 'web-service.yaml': WEB_SERVICE };
const LONG_NAME = 'w'.repeat(250);

type Spec = Omit<BadInputCase, 'action' | 'inputs' | 'files'> & {
  inputs?: Record<string, string>;
  files?: Record<string, string>;
};

/** The valid canary deploy with `inputs` and `files` laid over it ('' removes an input). */
function canary(spec: Spec): BadInputCase {
  const inputs: Record<string, string> = { ...BASE_INPUTS, ...spec.inputs };
  for (const [k, v] of Object.entries(inputs)) if (v === '') delete inputs[k];
  return { ...spec, action: 'ecs-canary', inputs, files: { ...BASE_FILES, ...spec.files } };
}

export const CANARY_CASES: BadInputCase[] = [
  // The task definition (S4)
  canary({ name: 'both task-definition and task-definition-arn', inputs: { 'task-definition-arn': 'web:3' }, message: /not both/, where: { input: ['task-definition', 'task-definition-arn'] } }),
  canary({ name: 'neither task-definition nor task-definition-arn', inputs: { 'task-definition': '', image: '' }, message: /is required/, where: { input: 'task-definition' } }),
  canary({ name: 'task-definition-arn is a bare family', inputs: { 'task-definition': '', image: '', 'task-definition-arn': 'web' }, message: /revision/, where: { input: 'task-definition-arn' } }),
  canary({ name: 'task definition file missing', inputs: { 'task-definition': 'nope.yaml' }, message: /nope\.yaml/, where: { input: 'task-definition' } }),
  canary({
    name: 'task definition: container without an image',
    files: { 'web-task.yaml': webTaskWith(9, '    cpu: 128') },
    message: /image/,
    where: { input: 'task-definition', file: 'web-task.yaml', field: 'containerDefinitions[0]' },
  }),
  canary({ name: 'image placeholder with no image input', inputs: { image: '' }, message: /<\+artifact\.image>/, where: { file: 'web-task.yaml', line: 9 } }),
  // Names (C1)
  canary({ name: 'canary name over 255 characters', inputs: { service: LONG_NAME }, message: /256 characters.*255/, where: { input: 'service' } }),
  canary({
    name: 'service definition serviceName differs from service',
    inputs: { 'service-definition': 'web-service.yaml', service: 'api' },
    message: /'api' is not the service the service definition names/,
    where: { input: 'service' },
  }),
  canary({
    name: 'service definition: canary name over 255 characters',
    inputs: { 'service-definition': 'web-service.yaml', service: '' },
    files: { 'web-service.yaml': webServiceWith(1, `serviceName: ${LONG_NAME}`) },
    message: /longer than ECS's 255-character limit/,
    where: { input: 'service-definition', file: 'web-service.yaml', line: 1, field: 'serviceName' },
  }),
  canary({ name: 'service is not a name', inputs: { service: 'web service' }, message: /not a service name/, where: { input: 'service' } }),
  canary({ name: 'no service at all', inputs: { service: '' }, message: /a service is needed/, where: { input: 'service' } }),
  // Size (C1)
  canary({ name: 'both canary-count and canary-percent', inputs: { 'canary-count': '1', 'canary-percent': '10' }, message: /not both/, where: { input: 'canary-count' } }),
  canary({ name: 'canary-count 0', inputs: { 'canary-count': '0' }, message: /from 1 to 5000, got '0'/, where: { input: 'canary-count' } }),
  canary({ name: 'canary-count not a whole number', inputs: { 'canary-count': '1.5' }, message: /1\.5/, where: { input: 'canary-count' } }),
  canary({ name: 'canary-percent over 100', inputs: { 'canary-percent': '150' }, message: /150/, where: { input: 'canary-percent' } }),
  canary({ name: 'canary-percent 0', inputs: { 'canary-percent': '0' }, message: /above 0/, where: { input: 'canary-percent' } }),
  canary({ name: 'canary-percent not a number', inputs: { 'canary-percent': 'half' }, message: /half/, where: { input: 'canary-percent' } }),
  // Bake and alarms (C1)
  canary({ name: 'bake-seconds negative', inputs: { 'bake-seconds': '-5' }, message: /-5/, where: { input: 'bake-seconds' } }),
  canary({ name: 'bake longer than the timeout', inputs: { 'bake-seconds': '600', 'timeout-minutes': '10' }, message: /does not fit in the 400 s that timeout-minutes leaves/, where: { input: 'bake-seconds' } }),
  canary({ name: 'bake without waiting for steady state', inputs: { 'bake-seconds': '60', 'wait-for-steady-state': 'false' }, message: /wait-for-steady-state: true/, where: { input: 'bake-seconds' } }),
  canary({ name: 'alarm name over 255 characters', inputs: { alarms: 'a'.repeat(256) }, message: /not a CloudWatch alarm name/, where: { input: 'alarms' } }),
  // Switches and shared inputs
  canary({ name: 'delete-on-failure is "yes"', inputs: { 'delete-on-failure': 'yes' }, message: /yes/, where: { input: 'delete-on-failure' } }),
  canary({ name: 'unknown mode', inputs: { mode: 'promote' }, message: /'promote'/, where: { input: 'mode' } }),
  canary({ name: 'mode delete with a task definition', inputs: { mode: 'delete' }, message: /mode 'delete' does not use it/, where: { input: 'task-definition' } }),
  canary({ name: 'mode delete with a bake', inputs: { mode: 'delete', 'task-definition': '', image: '', 'bake-seconds': '60' }, message: /mode 'delete' does not use it/, where: { input: 'bake-seconds' } }),
  canary({ name: 'mode delete without a service', inputs: { mode: 'delete', service: '', 'task-definition': '', image: '' }, message: /needs the base service/, where: { input: 'service' } }),
  canary({ name: 'timeout-minutes 0', inputs: { 'timeout-minutes': '0' }, message: /at least 1|from 1/, where: { input: 'timeout-minutes' } }),
  canary({ name: 'region is not a region', inputs: { region: 'moon-1' }, message: /not an AWS region/, where: { input: 'region' } }),
  canary({ name: 'container-name with task-definition-arn', inputs: { 'task-definition': '', 'task-definition-arn': 'web:3', 'container-name': 'web' }, message: /container-name|image/, where: { input: ['container-name', 'image'] } }),
];
