/**
 * The embedded AWS emulator (ECS, ELBv2, Application Auto Scaling, CloudWatch Logs and alarms) for tests, demos and
 * benchmarks. `startEmulator({ port: 0 })` serves on 127.0.0.1 and resolves to its URL and a stop function.
 * See README.md in this folder.
 */
import type { EmulatorOptions } from './contracts.js';
import { startEmulatorServer, type RunningEmulator } from './server.js';

export type { EmulatorOptions } from './contracts.js';
export type { RunningEmulator } from './server.js';

export interface StartEmulatorOptions extends EmulatorOptions {
  /** Seed for fault draws and generated ids (default 1). */
  seed?: number;
}

export function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulatorServer(options);
}
