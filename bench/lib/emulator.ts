/**
 * One embedded emulator for a benchmark run, with its control API (call log, state) and an ECS client for the
 * benchmark's own setup and after-the-fact reads. The control API is never part of the call log.
 */
import { ECSClient } from '@aws-sdk/client-ecs';
import { startEmulator, type StartEmulatorOptions } from '../../src/emulator/index.js';

export interface CallRecord {
  /** Wall-clock epoch ms when the call arrived at the emulator. */
  time: number;
  simTime: number;
  service: string;
  operation: string;
  parameters: Record<string, unknown>;
  status: number;
  error?: string;
  fault?: string;
  requestId: string;
  durationMs: number;
}

export interface SteadyState {
  deploymentId: string;
  taskDefinition: string;
  /** Simulated epoch ms. */
  at: number;
}

export interface ServiceDump {
  name: string;
  cluster: string;
  status: string;
  desiredCount: number;
  taskDefinition?: string;
  steady: boolean;
  deployments: { id: string; status: string; taskDefinition: string; rolloutState: string; steadyAt?: number }[];
  steadyStates: SteadyState[];
}

export interface EcsDump {
  services: ServiceDump[];
}

export interface BenchEmulator {
  url: string;
  ecs: ECSClient;
  /** Environment pointing an action process at this emulator. */
  env: Record<string, string>;
  calls(since?: number): Promise<CallRecord[]>;
  ecsState(): Promise<{ ecs: EcsDump; simNow: number; wallAtRead: number }>;
  service(name: string, cluster?: string): Promise<ServiceDump | undefined>;
  /** Converts a simulated epoch ms to this process's wall clock (exact at speed 1, up to the read's latency). */
  toWall(simMs: number): Promise<number>;
  stop(): Promise<void>;
}

export const REGION = 'us-east-1';

export async function startBenchEmulator(options: Omit<StartEmulatorOptions, 'port'>): Promise<BenchEmulator> {
  const emulator = await startEmulator({ ...options, port: 0 });
  const { url } = emulator;
  const speed = options.speed ?? 1;
  const ecs = new ECSClient({
    endpoint: url,
    region: REGION,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'bench' },
    maxAttempts: 20,
    retryMode: 'adaptive',
  });
  const control = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${url}/_emulator/${path}`);
    if (!res.ok) throw new Error(`emulator control GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const ecsState = async (): Promise<{ ecs: EcsDump; simNow: number; wallAtRead: number }> => {
    const before = Date.now();
    const state = await control<{ ecs: EcsDump; emulator: { simNow: number } }>('state');
    const after = Date.now();
    return { ecs: state.ecs, simNow: state.emulator.simNow, wallAtRead: (before + after) / 2 };
  };
  return {
    url,
    ecs,
    env: { AWS_ENDPOINT_URL: url, AWS_REGION: REGION },
    calls: async (since) => (await control<{ calls: CallRecord[] }>(`calls${since !== undefined ? `?since=${since}` : ''}`)).calls,
    ecsState,
    async service(name, cluster = 'bench') {
      return (await ecsState()).ecs.services.find((s) => s.name === name && s.cluster === cluster);
    },
    async toWall(simMs) {
      const { simNow, wallAtRead } = await ecsState();
      return wallAtRead - (simNow - simMs) / speed;
    },
    async stop() {
      ecs.destroy();
      await emulator.stop();
    },
  };
}

/** Polls the state until `predicate` holds (control API only: nothing reaches the call log). */
export async function waitForState(emu: BenchEmulator, predicate: (ecs: EcsDump) => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (predicate((await emu.ecsState()).ecs)) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const isRead = (operation: string): boolean => /^(Describe|List|Get|Filter)/.test(operation);
export const isThrottle = (c: CallRecord): boolean => c.error === 'ThrottlingException' || c.error === 'Throttling';
