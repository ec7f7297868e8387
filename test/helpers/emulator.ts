/**
 * Starts the embedded AWS emulator in-process for a test (port 0, nothing set globally) and gives the SDK client
 * configuration and environment variables that point at it, plus small helpers for its control API.
 */
import { startEmulator, type StartEmulatorOptions } from '../../src/emulator/index.js';

export interface EmulatorClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  maxAttempts?: number;
}

export interface TestEmulator {
  url: string;
  stop(): Promise<void>;
  /** Config for any of the SDK clients the emulator serves: `new ECSClient(emu.clientConfig())`. */
  clientConfig(overrides?: Partial<EmulatorClientConfig>): EmulatorClientConfig;
  /** Environment for a child process (an action run): endpoint URLs, region and dummy credentials. */
  env(): Record<string, string>;
  control: {
    reset(): Promise<void>;
    calls(since?: number): Promise<EmulatorCall[]>;
    addFault(fault: Record<string, unknown>): Promise<Record<string, unknown>>;
    clearFaults(): Promise<void>;
    state(): Promise<Record<string, unknown>>;
    /** POST /_emulator/container-instances: registers EC2 container instances (cpu and memory in ECS units). */
    registerContainerInstances(spec: { cluster?: string; count?: number; cpu?: number; memory?: number }): Promise<string[]>;
    /** POST /_emulator/hooks: how a lifecycle hook's Lambda function answers ECS (SUCCEEDED when never told). */
    setHookResponse(response: { hookTargetArn: string; hookStatus: 'SUCCEEDED' | 'FAILED' | 'IN_PROGRESS'; stage?: string; callBackDelay?: number }): Promise<void>;
    /** GET /_emulator/hooks: the answers set and every invocation of a hook's Lambda function. */
    hooks(): Promise<{ responses: Record<string, unknown>[]; invocations: { hookTargetArn: string; stage: string; serviceDeploymentArn: string; hookId: string; at: number; hookStatus: string; hookDetails?: unknown }[] }>;
  };
}

export interface EmulatorCall {
  time: number;
  simTime: number;
  service: string;
  operation: string;
  parameters: Record<string, unknown>;
  status: number;
  error?: string;
  fault?: string;
  requestId: string;
}

export const TEST_REGION = 'us-east-1';

export async function startTestEmulator(options: Omit<StartEmulatorOptions, 'port'> = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ taskStartMs: 1000, speed: 50, ...options, port: 0 });
  const { url } = emulator;
  const request = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${url}/_emulator/${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    const json: unknown = await res.json();
    if (!res.ok) throw new Error(`emulator control ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    url,
    stop: () => emulator.stop(),
    clientConfig: (overrides = {}) => ({
      endpoint: url,
      region: TEST_REGION,
      credentials: { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-secret' },
      ...overrides,
    }),
    env: () => ({
      AWS_ENDPOINT_URL: url,
      AWS_ENDPOINT_URL_ECS: url,
      AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: url,
      AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING: url,
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: url,
      AWS_ENDPOINT_URL_CLOUDWATCH: url,
      AWS_REGION: TEST_REGION,
      AWS_DEFAULT_REGION: TEST_REGION,
      AWS_ACCESS_KEY_ID: 'AKIDEMULATOR',
      AWS_SECRET_ACCESS_KEY: 'emulator-secret',
    }),
    control: {
      reset: async () => {
        await request('POST', 'reset');
      },
      calls: async (since) => ((await request('GET', since === undefined ? 'calls' : `calls?since=${since}`)) as { calls: EmulatorCall[] }).calls,
      addFault: async (fault) => ((await request('POST', 'faults', fault)) as { fault: Record<string, unknown> }).fault,
      clearFaults: async () => {
        await request('DELETE', 'faults');
      },
      state: async () => (await request('GET', 'state')) as Record<string, unknown>,
      registerContainerInstances: async (spec) =>
        ((await request('POST', 'container-instances', spec)) as { containerInstanceArns: string[] }).containerInstanceArns,
      setHookResponse: async (response) => {
        await request('POST', 'hooks', response);
      },
      hooks: async () => (await request('GET', 'hooks')) as Awaited<ReturnType<TestEmulator['control']['hooks']>>,
    },
  };
}

/** Polls `probe` (real time) until it returns a defined value; fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
