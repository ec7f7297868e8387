/**
 * `npm run emulator -- --port 4566 [--host 127.0.0.1] [--task-start-ms 1000] [--speed 1] [--throttle] [--seed 1]
 * [--verbose]`: serves the emulator in the foreground until SIGINT/SIGTERM.
 */
import { startEmulator, type StartEmulatorOptions } from './index.js';

const USAGE =
  'usage: emulator [--port <n>] [--host <addr>] [--task-start-ms <ms>] [--stage-ms <ms>] [--speed <x>] [--throttle] [--seed <n>] [--verbose]';

function parseArgs(argv: string[]): StartEmulatorOptions {
  const options: StartEmulatorOptions = { port: 4566 };
  const number = (flag: string, value: string | undefined, min: number): number => {
    const n = Number(value);
    if (value === undefined || !Number.isFinite(n) || n < min) throw new Error(`${flag} expects a number ≥ ${min}\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--port':
        options.port = number(flag, value(), 0);
        break;
      case '--host':
        options.host = value() ?? '127.0.0.1';
        break;
      case '--task-start-ms':
        options.taskStartMs = number(flag, value(), 1);
        break;
      case '--stage-ms':
        options.stageMs = number(flag, value(), 1);
        break;
      case '--speed':
        options.speed = number(flag, value(), 0.001);
        break;
      case '--seed':
        options.seed = number(flag, value(), 0);
        break;
      case '--throttle':
        options.throttle = inline === undefined ? true : inline !== 'false';
        break;
      case '--verbose':
        options.verbose = true;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  let options: StartEmulatorOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
    return;
  }
  const emulator = await startEmulator(options);
  process.stdout.write(
    `AWS emulator (ECS, ELBv2, Application Auto Scaling, CloudWatch Logs) listening on ${emulator.url}` +
      ` (task start ${options.taskStartMs ?? 1000} ms, speed ${options.speed ?? 1}, throttle ${options.throttle ? 'on' : 'off'})\n`,
  );
  const shutdown = (signal: string): void => {
    process.stdout.write(`received ${signal}, stopping\n`);
    void emulator.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

void main().catch((err: unknown) => {
  process.stderr.write(`emulator failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
