/**
 * The checks a delegate task definition gets before any AWS call (S3, D1, D2): what Fargate needs (awsvpc, an
 * execution role, a size it offers), no hostname in awsvpc mode (AWS refuses it), an execution role to read the
 * token from Secrets Manager, and a warning below the seeds' memory for a delegate.
 */
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { ConfigurationError, type ErrorLocation } from '../../core/errors.js';
import type { Logger } from '../../core/io/logger.js';
import { fargateSizeProblem, parseCpuUnits, parseMemoryMiB } from '../../core/manifests/index.js';
import type { TokenSource } from './options.js';
import { MIN_DELEGATE_MEMORY, delegateContainerIndex } from './preset.js';

export interface CheckContext {
  token: TokenSource;
  /** Which input set a value (undefined: the preset or the file did). */
  given: { hostname: boolean; cpu: boolean; memory: boolean; executionRoleArn: boolean };
  /** The task-definition file, when one was merged. */
  file: string | undefined;
}

export function checkTaskDefinition(td: RegisterTaskDefinitionCommandInput, ctx: CheckContext, log: Logger): void {
  const fromFile = (field: string): ErrorLocation => (ctx.file !== undefined ? { input: 'task-definition', file: ctx.file, field } : { input: 'preset' });
  const fargate = td.requiresCompatibilities?.includes('FARGATE') === true;
  const awsvpc = td.networkMode === 'awsvpc';
  const hostnamed = (td.containerDefinitions ?? []).findIndex((c) => c.hostname !== undefined && c.hostname !== '');
  if (hostnamed >= 0 && (awsvpc || fargate)) {
    throw new ConfigurationError(
      `a container hostname is not allowed in awsvpc network mode${fargate ? ' (Fargate always uses awsvpc)' : ''}: AWS refuses it ` +
        '("hostname is not supported on container when networkMode=awsvpc"); leave hostname empty (Harness then names the delegate by its container id)',
      ctx.given.hostname ? { input: 'hostname' } : fromFile(`containerDefinitions[${hostnamed}].hostname`),
    );
  }
  if (fargate && !awsvpc) throw new ConfigurationError("Fargate only supports network mode 'awsvpc'", fromFile('networkMode'));
  if (fargate && td.executionRoleArn === undefined) {
    throw new ConfigurationError(
      'Fargate needs a task execution role (to pull the image and read the token secret); give execution-role-arn',
      { input: 'execution-role-arn' },
    );
  }
  if (ctx.token.kind === 'secret' && td.executionRoleArn === undefined) {
    throw new ConfigurationError(
      'the delegate token is read from Secrets Manager by the task execution role (secrets valueFrom); give execution-role-arn ' +
        'with secretsmanager:GetSecretValue on the secret',
      { input: 'execution-role-arn' },
    );
  }
  checkSize(td, fargate, ctx, fromFile, log);
  if ((td.containerDefinitions ?? [])[delegateContainerIndex(td)] === undefined) {
    throw new ConfigurationError('the task definition has no container to run the delegate in', fromFile('containerDefinitions'));
  }
}

function checkSize(
  td: RegisterTaskDefinitionCommandInput,
  fargate: boolean,
  ctx: CheckContext,
  fromFile: (field: string) => ErrorLocation,
  log: Logger,
): void {
  const cpu = td.cpu === undefined ? undefined : parseCpuUnits(td.cpu);
  const memory = td.memory === undefined ? undefined : parseMemoryMiB(td.memory);
  if (fargate) {
    if (cpu === undefined || memory === undefined) {
      throw new ConfigurationError('Fargate needs task-level cpu and memory', ctx.given.cpu ? { input: 'cpu' } : fromFile('cpu'));
    }
    const problem = fargateSizeProblem(cpu, memory);
    if (problem !== undefined) {
      const where = problem.startsWith('cpu') ? (ctx.given.cpu ? { input: 'cpu' } : fromFile('cpu')) : ctx.given.memory ? { input: 'memory' } : fromFile('memory');
      throw new ConfigurationError(problem, where);
    }
  }
  if (memory !== undefined && memory < MIN_DELEGATE_MEMORY) {
    log.warning(
      `memory ${memory} MiB is below the ${MIN_DELEGATE_MEMORY} MiB the delegate task spec gives a delegate; it may run out of memory ` +
        '(the seeds also ask for 8 GB of memory on the cluster per delegate)',
    );
  }
}
