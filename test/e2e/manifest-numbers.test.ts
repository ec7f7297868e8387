/**
 * Issue 10, defect 1, end to end: a number (or boolean) written without quotes where the AWS request wants a string
 * is registered exactly as the user wrote it, never as JavaScript's rendering of the number (`0123` stays "0123",
 * `1.10` stays "1.10"). The committed bundles run against the emulator; the values are read back through the SDK.
 * Build first: `npm run build`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DescribeTaskDefinitionCommand, DescribeTasksCommand, type KeyValuePair } from '@aws-sdk/client-ecs';
import { deployInputs, runRolling, standardWorkspace, startRollingE2e, type RollingE2e } from '../helpers/ecs-rolling-e2e.js';
import { makeWorkspace, runAction } from '../helpers/run-action.js';

/** Each environment value as written in the file (unquoted) and so as it must be registered. */
const WRITTEN = { LEADING_ZERO: '0123', VERSION: '1.10', BIG: '12345678901234567890', EXPONENT: '1e3', FLAG: 'True' };
const environmentYaml = (indent: string): string =>
  Object.entries(WRITTEN)
    .map(([name, value]) => `${indent}- name: ${name}\n${indent}  value: ${value}\n`)
    .join('');

const TASK_DEFINITION = `family: web
networkMode: awsvpc
requiresCompatibilities: [FARGATE]
executionRoleArn: arn:aws:iam::123456789012:role/ecsTaskExecutionRole
cpu: 256
memory: 512
containerDefinitions:
  - name: web
    image: <+artifact.image>
    essential: true
    memory: 512
    portMappings:
      - containerPort: 8080
    environment:
${environmentYaml('      ')}    dockerLabels:
      build: 0042
    logConfiguration:
      logDriver: awslogs
      options:
        awslogs-group: /ecs/web
        awslogs-region: us-east-1
        awslogs-stream-prefix: 007
        awslogs-create-group: true
`;

const byName = (pairs: readonly KeyValuePair[] | undefined): Record<string, string | undefined> =>
  Object.fromEntries((pairs ?? []).map((p) => [p.name ?? '', p.value]));

let e: RollingE2e;
beforeAll(async () => {
  e = await startRollingE2e();
});
afterAll(async () => e.stop());
beforeEach(async () => e.emu.control.reset());

describe('ecs-rolling: unquoted numbers in a YAML task definition', () => {
  it('the dry-run diff shows the text as written, and the registered revision holds it exactly', async () => {
    const workspace = standardWorkspace({ 'taskdef.yaml': TASK_DEFINITION });
    const dry = await runRolling(e.emu, deployInputs('registry.example.com/web:1', { 'dry-run': true }), { workspace });
    expect(dry.exitCode).toBe(0);
    for (const [name, value] of Object.entries(WRITTEN)) {
      expect(dry.stdout).toContain(`+ containerDefinitions[web].environment[${name}].value: "${value}"`);
    }

    const run = await runRolling(e.emu, deployInputs('registry.example.com/web:1'), { workspace });
    expect(run.exitCode).toBe(0);
    const out = await e.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: run.outputs['taskDefinitionArn'] }));
    const td = out.taskDefinition;
    expect(td).toMatchObject({ cpu: '256', memory: '512' });
    const container = td?.containerDefinitions?.[0];
    expect(byName(container?.environment)).toEqual(WRITTEN);
    expect(container?.memory).toBe(512);
    expect(container?.dockerLabels).toEqual({ build: '0042' });
    expect(container?.logConfiguration?.options).toMatchObject({ 'awslogs-stream-prefix': '007', 'awslogs-create-group': 'true' });
  });
});

describe('ecs-run-task: unquoted numbers in container-overrides and in a JSON task definition', () => {
  const IMAGE = 'registry.example.com/jobs/migrate:exit-0';
  const TD_JSON = `{
  "family": "migrate",
  "containerDefinitions": [
    { "name": "app", "image": "${IMAGE}", "memory": 128, "essential": true,
      "environment": [{ "name": "RATIO", "value": 1.10 }, { "name": "LIMIT", "value": 1e3 }] }
  ]
}`;

  it('passes the override values to RunTask exactly as written, and registers the JSON values as written', async () => {
    const overrides = `- name: app\n  environment:\n${environmentYaml('    ')}`;
    const r = await runAction('ecs-run-task', {
      inputs: { 'task-definition': 'td.json', 'container-overrides': overrides },
      env: e.emu.env(),
      workspace: makeWorkspace({ 'td.json': TD_JSON }),
      timeoutMs: 60_000,
    });
    expect(r.exitCode).toBe(0);

    const runTask = (await e.emu.control.calls()).filter((c) => c.operation === 'RunTask');
    expect(runTask).toHaveLength(1);
    const sent = runTask[0]?.parameters['overrides'] as { containerOverrides: { environment: KeyValuePair[] }[] };
    expect(byName(sent.containerOverrides[0]?.environment)).toEqual(WRITTEN);

    const taskArns = JSON.parse(r.outputs['taskArns'] ?? '[]') as string[];
    const task = (await e.ecs.send(new DescribeTasksCommand({ tasks: taskArns }))).tasks?.[0];
    expect(byName(task?.overrides?.containerOverrides?.[0]?.environment)).toEqual(WRITTEN);

    const td = await e.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: r.outputs['taskDefinitionArn'] }));
    expect(byName(td.taskDefinition?.containerDefinitions?.[0]?.environment)).toEqual({ RATIO: '1.10', LIMIT: '1e3' });
  });
});
