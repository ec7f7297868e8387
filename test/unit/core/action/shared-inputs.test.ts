/**
 * readSharedInputs (src/core/action): the inputs every action shares, read from each action's own declared input
 * list, checked the same way, and only those the action names.
 */
import { describe, expect, it } from '@jest/globals';
import { INPUT_NAMES as ROLLING_INPUTS } from '../../../../src/actions/ecs-rolling/inputs.js';
import { INPUT_NAMES as RUN_TASK_INPUTS } from '../../../../src/actions/ecs-run-task/inputs.js';
import {
  SHARED_INPUT_NAMES,
  readSharedInputs,
  type SharedInputName,
  type SharedInputs,
} from '../../../../src/core/action/index.js';
import { DEFAULT_MAX_ATTEMPTS } from '../../../../src/core/aws/clients.js';
import { ConfigurationError } from '../../../../src/core/errors.js';
import { configurationErrorOf as configError } from '../../../helpers/errors.js';
import { Inputs } from '../../../../src/core/inputs.js';
import { fakeInputs } from '../../../helpers/fakes.js';

const ACTIONS = [
  ['ecs-rolling', ROLLING_INPUTS],
  ['ecs-run-task', RUN_TASK_INPUTS],
] as const;

/** The shared inputs an action declares (what it may pass to readSharedInputs). */
function sharedOf(declared: readonly string[]): SharedInputName[] {
  return SHARED_INPUT_NAMES.filter((name) => declared.includes(name));
}

function read(declared: readonly string[], values: Record<string, string>, uses = sharedOf(declared)) {
  const secrets: string[] = [];
  const inputs = new Inputs(fakeInputs(values, { declared }), declared);
  const read = (): SharedInputs => readSharedInputs(inputs, { mask: (s) => secrets.push(s) }, uses);
  return { read, secrets };
}


describe('the shared inputs each action declares', () => {
  it('ecs-rolling declares all of them; ecs-run-task all but github-token and environment', () => {
    expect(sharedOf(ROLLING_INPUTS)).toEqual([...SHARED_INPUT_NAMES]);
    expect(sharedOf(RUN_TASK_INPUTS)).toEqual(SHARED_INPUT_NAMES.filter((n) => n !== 'github-token' && n !== 'environment'));
  });
});

describe.each(ACTIONS)('readSharedInputs with the inputs of %s', (_action, declared) => {
  it('gives the defaults when nothing is set', () => {
    expect(read(declared, {}).read()).toEqual({
      region: undefined,
      cluster: undefined,
      timeoutMinutes: 30,
      maxAttempts: DEFAULT_MAX_ATTEMPTS,
      dryRun: false,
      github: undefined,
      image: { image: undefined, containerName: undefined },
    });
  });

  it('reads and checks every value', () => {
    const cluster = 'arn:aws:ecs:eu-west-1:123456789012:cluster/shop';
    const values = {
      region: 'eu-west-1',
      cluster,
      'timeout-minutes': '360',
      'max-attempts': '20',
      'dry-run': 'true',
      image: 'nginx:1.27',
      'container-name': 'web',
    };
    expect(read(declared, values).read()).toMatchObject({
      region: 'eu-west-1',
      cluster,
      timeoutMinutes: 360,
      maxAttempts: 20,
      dryRun: true,
      image: { image: 'nginx:1.27', containerName: 'web' },
    });
  });

  it.each([
    ['region', 'Europe', /not an AWS region name/],
    ['cluster', 'my cluster', /not a cluster name/],
    ['timeout-minutes', '0', /from 1 to 360/],
    ['timeout-minutes', '361', /from 1 to 360/],
    ['max-attempts', '21', /from 1 to 20/],
    ['dry-run', 'maybe', /boolean/],
    ['container-name', 'web', /image to set is required/],
  ])('%s = %j names the input', (name, value, message) => {
    const e = configError(() => read(declared, { [name]: value }).read());
    expect(e.location.input).toBe(name === 'container-name' ? 'image' : name);
    expect(e.message).toMatch(message);
  });

  it('reads only the shared inputs the action names: an unnamed one keeps its default', () => {
    const { read: r } = read(declared, { image: 'nginx:1.27', region: 'eu-west-1' }, ['region']);
    expect(r()).toMatchObject({ region: 'eu-west-1', image: { image: undefined, containerName: undefined } });
  });

  it('refuses (as a bug) to read a shared input named without its partner', () => {
    expect(() => read(declared, {}, ['image']).read()).toThrow(/BUG: the shared inputs image and container-name/);
    expect(() => read(declared, {}, ['environment']).read()).toThrow(/BUG: the shared inputs github-token and environment/);
  });
});

describe('github-token and environment (ecs-rolling)', () => {
  it('masks the token at once, before a later shared input fails', () => {
    const { read: r, secrets } = read(ROLLING_INPUTS, { 'github-token': 'ghs_abcdefghijklmnop1234', region: 'Europe' });
    expect(r).toThrow(ConfigurationError);
    expect(secrets).toEqual(['ghs_abcdefghijklmnop1234']);
  });

  it('records for environment production unless another one is named', () => {
    expect(read(ROLLING_INPUTS, { 'github-token': 't' }).read().github).toEqual({ token: 't', environment: 'production' });
    expect(read(ROLLING_INPUTS, { 'github-token': 't', environment: 'staging' }).read().github).toEqual({
      token: 't',
      environment: 'staging',
    });
  });

  it('refuses an environment name of more than one line or 255 characters', () => {
    for (const environment of ['prod\nstaging', 'e'.repeat(256)]) {
      const e = configError(() => read(ROLLING_INPUTS, { 'github-token': 't', environment }).read());
      expect(e.location.input).toBe('environment');
      expect(e.message).toContain('one line of at most 255 characters');
    }
  });

  it('needs no environment without a token', () => {
    expect(read(ROLLING_INPUTS, { environment: 'staging' }).read().github).toBeUndefined();
  });
});

describe('an action without github-token (ecs-run-task)', () => {
  it('cannot name it: Inputs refuses an undeclared input as a bug', () => {
    expect(() => read(RUN_TASK_INPUTS, {}, ['github-token', 'environment']).read()).toThrow(/BUG: input 'github-token' is read but not declared/);
  });
});
