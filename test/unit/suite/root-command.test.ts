/**
 * The root action's check of `command` and the inputs given with it (src/suite/root-command.ts): every mistake
 * is a ConfigurationError naming the input and the command, thrown before anything is loaded or sent (S3).
 */
import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../../src/core/errors.js';
import { chooseCommand, commandDefaults, inputEnvName, type CommandTable } from '../../../src/suite/root-command.js';

const COMMANDS: CommandTable = {
  'ecs-rolling': { cluster: null, service: null, mode: 'deploy', 'timeout-minutes': '30' },
  'ecs-run-task': { cluster: null, count: null, 'timeout-minutes': '30', wait: 'stopped' },
};

function attempt(env: Record<string, string>): { command?: string; error?: ConfigurationError } {
  try {
    return { command: chooseCommand(env, COMMANDS) };
  } catch (e) {
    if (e instanceof ConfigurationError) return { error: e };
    throw e;
  }
}

describe('chooseCommand (S3)', () => {
  it('returns the command when every given input is one of its own', () => {
    expect(attempt({ INPUT_COMMAND: 'ecs-run-task', INPUT_CLUSTER: 'prod', INPUT_COUNT: '2', PATH: '/bin' })).toEqual({ command: 'ecs-run-task' });
    expect(attempt({ INPUT_COMMAND: ' ecs-rolling ', 'INPUT_TIMEOUT-MINUTES': '5' })).toEqual({ command: 'ecs-rolling' });
  });

  it('treats an empty INPUT_<NAME> as not given (the runner sets one only for with: entries, the root has no defaults)', () => {
    expect(attempt({ INPUT_COMMAND: 'ecs-run-task', INPUT_SERVICE: '', INPUT_MODE: '  ' })).toEqual({ command: 'ecs-run-task' });
  });

  it('requires a command, listing the ones this build has', () => {
    const { error } = attempt({ INPUT_CLUSTER: 'prod' });
    expect(error?.location).toEqual({ input: 'command' });
    expect(error?.message).toBe("input 'command': a value is required: one of ecs-rolling, ecs-run-task");
  });

  it('refuses a command whose action folder is not in this build', () => {
    const { error } = attempt({ INPUT_COMMAND: 'ecs-canary' });
    expect(error?.location).toEqual({ input: 'command' });
    expect(error?.message).toContain("command 'ecs-canary' is not in this build (it has: ecs-rolling, ecs-run-task)");
  });

  it('does not take an inherited object key for a command', () => {
    expect(attempt({ INPUT_COMMAND: 'constructor' }).error?.message).toContain("command 'constructor' is not in this build");
  });

  it("names the input that is another command's, and the command it was given to", () => {
    const { error } = attempt({ INPUT_COMMAND: 'ecs-run-task', INPUT_SERVICE: 'web', INPUT_CLUSTER: 'prod' });
    expect(error?.location).toEqual({ input: 'service' });
    expect(error?.message).toBe("input 'service': is not an input of command 'ecs-run-task': it is an input of ecs-rolling");
  });

  it('names an input no command has, and lists the other stray inputs', () => {
    const { error } = attempt({ INPUT_COMMAND: 'ecs-rolling', INPUT_COUNT: '3', INPUT_WAT: 'x' });
    expect(error?.location).toEqual({ input: 'count' });
    expect(error?.message).toContain("also given and not ecs-rolling's: wat");
    const unknown = attempt({ INPUT_COMMAND: 'ecs-rolling', INPUT_WAT: 'x' }).error;
    expect(unknown?.message).toBe("input 'wat': is not an input of command 'ecs-rolling': no command has it");
  });

  it("gives the chosen command its action.yml defaults for the inputs the step did not give, as the runner would", () => {
    expect(commandDefaults({ INPUT_COMMAND: 'ecs-run-task', INPUT_WAIT: 'none', 'INPUT_TIMEOUT-MINUTES': ' ' }, COMMANDS, 'ecs-run-task')).toEqual({
      'INPUT_TIMEOUT-MINUTES': '30',
    });
    expect(commandDefaults({}, COMMANDS, 'ecs-rolling')).toEqual({ INPUT_MODE: 'deploy', 'INPUT_TIMEOUT-MINUTES': '30' });
  });

  it('builds the variable name as the runner does', () => {
    expect(inputEnvName('task-definition')).toBe('INPUT_TASK-DEFINITION');
    expect(inputEnvName('my input')).toBe('INPUT_MY_INPUT');
  });
});
