/**
 * Bad inputs for register-delegate (D1, D2, D3): each must fail before any AWS call with an error that says where
 * the problem is.
 */
import type { BadInputCase } from './corpus.js';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:harness/delegate-token-AbCdEf';
const ROLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';
const BASE_INPUTS: Record<string, string> = {
  cluster: 'tools',
  'account-id': 'acct-1234',
  'delegate-token-secret-arn': SECRET,
  'execution-role-arn': ROLE,
  'manager-host-and-port': 'https://app.harness.io',
};
const FARGATE: Record<string, string> = { preset: 'fargate', subnets: 'subnet-0a1b2c', 'security-groups': 'sg-0123' };

type Spec = Omit<BadInputCase, 'action' | 'inputs'> & { inputs?: Record<string, string> };

/** The valid EC2 install with `inputs` laid over it ('' removes an input). */
function delegate(spec: Spec): BadInputCase {
  const inputs: Record<string, string> = { ...BASE_INPUTS, ...spec.inputs };
  for (const [k, v] of Object.entries(inputs)) if (v === '') delete inputs[k];
  return { ...spec, action: 'register-delegate', inputs };
}

export const DELEGATE_CASES: BadInputCase[] = [
  // Fargate
  delegate({ name: 'fargate without an execution role', inputs: { ...FARGATE, 'execution-role-arn': '', 'delegate-token': 'tok-1', 'delegate-token-secret-arn': '' }, message: /execution role/, where: { input: 'execution-role-arn' } }),
  delegate({ name: 'fargate without subnets', inputs: { ...FARGATE, subnets: '' }, message: /subnets/, where: { input: 'subnets' } }),
  delegate({ name: 'fargate cpu Fargate does not offer', inputs: { ...FARGATE, cpu: '1000' }, message: /cpu 1000 is not a Fargate task size/, where: { input: 'cpu' } }),
  delegate({ name: 'fargate memory that does not fit the cpu', inputs: { ...FARGATE, memory: '16384' }, message: /memory 16384 MiB does not fit cpu 1024/, where: { input: 'memory' } }),
  delegate({ name: 'hostname with fargate', inputs: { ...FARGATE, hostname: 'delegate-1' }, message: /hostname is not allowed in awsvpc network mode \(Fargate always uses awsvpc\)/, where: { input: 'hostname' } }),
  delegate({
    name: 'hostname in a custom awsvpc task definition',
    inputs: { preset: 'custom', 'task-definition': 'td.json', subnets: 'subnet-0a1b2c' },
    files: { 'td.json': JSON.stringify({ family: 'd', networkMode: 'awsvpc', containerDefinitions: [{ name: 'delegate', image: 'harness/delegate:24.01.1', memory: 2048, hostname: 'h' }] }) },
    message: /hostname` is not supported in the awsvpc network mode/,
    where: { input: 'task-definition', file: 'td.json', line: 1, field: 'containerDefinitions[0].hostname' },
  }),
  // URLs
  delegate({ name: 'manager URL over http', inputs: { 'manager-host-and-port': 'http://app.harness.io' }, message: /https URL/, where: { input: 'manager-host-and-port' } }),
  delegate({ name: 'manager URL that is not a URL', inputs: { 'manager-host-and-port': 'app.harness.io' }, message: /https URL/, where: { input: 'manager-host-and-port' } }),
  delegate({ name: 'log streaming URL over http', inputs: { 'log-streaming-service-url': 'http://logs.example.com/' }, message: /https URL/, where: { input: 'log-streaming-service-url' } }),
  delegate({ name: 'manager URL missing', inputs: { 'manager-host-and-port': '' }, message: /required/, where: { input: 'manager-host-and-port' } }),
  delegate({ name: 'account id missing', inputs: { 'account-id': '' }, message: /required/, where: { input: 'account-id' } }),
  // Presets and files
  delegate({ name: 'custom without a task definition', inputs: { preset: 'custom' }, message: /custom' needs a task definition file/, where: { input: 'task-definition' } }),
  delegate({ name: 'unknown preset', inputs: { preset: 'lambda' }, message: /expected one of 'ec2', 'fargate', 'custom'/, where: { input: 'preset' } }),
  delegate({ name: 'task definition file missing', inputs: { 'task-definition': 'nope.json' }, message: /nope\.json/, where: { input: 'task-definition' } }),
  // The token
  delegate({ name: 'both token inputs', inputs: { 'delegate-token': 'tok-1' }, message: /not both/, where: { input: ['delegate-token-secret-arn', 'delegate-token'] } }),
  delegate({ name: 'neither token input', inputs: { 'delegate-token-secret-arn': '' }, message: /is required/, where: { input: ['delegate-token-secret-arn', 'delegate-token'] } }),
  delegate({ name: 'token secret that is not an ARN', inputs: { 'delegate-token-secret-arn': 'harness/delegate-token' }, message: /Secrets Manager secret/, where: { input: 'delegate-token-secret-arn' } }),
  delegate({ name: 'token secret without an execution role', inputs: { 'execution-role-arn': '' }, message: /read from Secrets Manager by the task execution role/, where: { input: 'execution-role-arn' } }),
  delegate({ name: 'execution role that is not a role ARN', inputs: { 'execution-role-arn': 'ecsTaskExecutionRole' }, message: /IAM role ARN/, where: { input: 'execution-role-arn' } }),
  // Replicas
  delegate({ name: 'replicas above 100', inputs: { replicas: '101' }, message: /from 0 to 100/, where: { input: 'replicas' } }),
  delegate({ name: 'replicas negative', inputs: { replicas: '-1' }, message: /from 0 to 100/, where: { input: 'replicas' } }),
  delegate({ name: 'replicas not a whole number', inputs: { replicas: 'two' }, message: /two/, where: { input: 'replicas' } }),
  // env lines
  delegate({ name: 'env line without =', inputs: { env: 'PROXY_HOST=proxy\nJUST_A_NAME' }, message: /line 2 is not KEY=value/, where: { input: 'env' } }),
  delegate({ name: 'env line with a bad name', inputs: { env: '1BAD=x' }, message: /line 1 is not KEY=value/, where: { input: 'env' } }),
  delegate({ name: 'env overriding the token', inputs: { env: 'DELEGATE_TOKEN=abc' }, message: /DELEGATE_TOKEN is set by/, where: { input: 'env' } }),
  delegate({ name: 'env overriding the manager', inputs: { env: 'MANAGER_HOST_AND_PORT=https://x' }, message: /MANAGER_HOST_AND_PORT is set by manager-host-and-port/, where: { input: 'env' } }),
  // Network inputs
  delegate({ name: 'subnets with the ec2 preset (bridge mode)', inputs: { subnets: 'subnet-0a1b2c' }, message: /only awsvpc network mode/, where: { input: 'subnets' } }),
  delegate({ name: 'service name with a space', inputs: { 'service-name': 'harness delegate' }, message: /not a service name/, where: { input: 'service-name' } }),
];
