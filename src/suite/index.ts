/**
 * The one bundle (dist/bundle/index.js) behind every entry point: dist/<name>/index.js runs one action, dist/index.js
 * is the root action. Each action's code is its own chunk, loaded by the dynamic import below only when that action
 * runs; webpack (inside ncc) makes one chunk per src/actions/<name>/index.ts it finds for the template, so a new
 * action folder is picked up without a registry. Code several actions share sits in shared chunks, loaded once.
 */
import { chooseCommand, commandDefaults, type CommandTable } from './root-command.js';

/** Runs the action `name` (its src/actions/<name>/index.ts: runAction(name, main)). */
export async function runCommand(name: string): Promise<void> {
  await import(`../actions/${name}/index.js`);
}

/**
 * The root action: checks `command` and the inputs given with it, sets that action's action.yml defaults for the
 * inputs not given (as the runner would), then runs the action in this process.
 */
export async function runRoot(commands: CommandTable): Promise<void> {
  let command: string;
  try {
    command = chooseCommand(process.env, commands);
  } catch (e) {
    // The same failed step (one located ::error::, exit code 1) as an action's own input error.
    const { runAction } = await import('../core/run.js');
    await runAction('root action', () => Promise.reject(e));
    return;
  }
  Object.assign(process.env, commandDefaults(process.env, commands, command));
  await runCommand(command);
}
