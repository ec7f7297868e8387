/** What readOptions (inputs.ts) hands to main: every input checked, the task definition and service built (S3, D1–D3). */
import type { CreateServiceCommandInput, RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';

export const PRESETS = ['ec2', 'fargate', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** D2: how the delegate token reaches the container. */
export type TokenSource = { kind: 'secret'; arn: string } | { kind: 'plain' };

/** The delegate's own settings, as the inputs give them (D1). */
export interface DelegateSettings {
  accountId: string;
  managerHostAndPort: string;
  delegateName: string;
  delegateType: string;
  delegateTags: string;
  initScript: string;
  logStreamingServiceUrl: string;
  /** The `env` input's extra variables, in order. */
  extraEnv: { name: string; value: string }[];
}

export interface DelegateOptions {
  cluster: string;
  serviceName: string;
  preset: Preset;
  /** Where the task definition came from, for messages: the preset, or the preset merged with the file. */
  taskDefinitionSource: string;
  /** The task definition the delegate should run (registered only when it differs from the live one: D3). */
  taskDefinition: RegisterTaskDefinitionCommandInput;
  /** The CreateService input used when the service is missing; its updatable fields are kept in line on update. */
  service: CreateServiceCommandInput;
  launchType: 'EC2' | 'FARGATE';
  networkMode: string;
  replicas: number;
  token: TokenSource;
  delegate: DelegateSettings;
  /** The delegate container's image, as registered. */
  image: string;
  waitForSteadyState: boolean;
  timeoutMinutes: number;
  dryRun: boolean;
  region: string | undefined;
  maxAttempts: number;
}
