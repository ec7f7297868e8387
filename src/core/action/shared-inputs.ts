/**
 * The inputs every action shares, read once and checked the same way everywhere (S3): region, cluster,
 * timeout-minutes, max-attempts, dry-run, github-token with environment (S11: the token is masked the moment it is
 * read), and image with container-name (image.ts). An action names the shared inputs it declares; only those are
 * read, the others keep their defaults (an action whose `image` means something else simply does not name it).
 */
import { DEFAULT_MAX_ATTEMPTS } from '../aws/clients.js';
import { ConfigurationError } from '../errors.js';
import type { Inputs } from '../inputs.js';
import { NO_IMAGE, readImageChoice, type ImageChoice } from './image.js';
import { checkCluster, checkRegion } from './names.js';

/** The shared inputs, as they are spelled in action.yml. */
export const SHARED_INPUT_NAMES = [
  'region',
  'cluster',
  'timeout-minutes',
  'max-attempts',
  'dry-run',
  'github-token',
  'environment',
  'image',
  'container-name',
] as const;

export type SharedInputName = (typeof SHARED_INPUT_NAMES)[number];

/** timeout-minutes: 1 to 360 (six hours, the longest a GitHub-hosted job runs), 30 when unset. */
export const TIMEOUT_MINUTES = { min: 1, max: 360, default: 30 } as const;
/** max-attempts: SDK attempts per AWS call (retries included). */
export const MAX_ATTEMPTS = { min: 1, max: 20, default: DEFAULT_MAX_ATTEMPTS } as const;
/** The GitHub environment a deployment is recorded for when `environment` is unset. */
export const DEFAULT_ENVIRONMENT = 'production';

/** When github-token is given: record the run as a GitHub deployment of `environment`. */
export interface GitHubRecordOptions {
  token: string;
  environment: string;
}

export interface SharedInputs {
  /** The `region` input, checked; undefined: the SDK's default chain. */
  region: string | undefined;
  /** The `cluster` input (name or ARN), checked; undefined when unset (each action has its own fallback). */
  cluster: string | undefined;
  timeoutMinutes: number;
  maxAttempts: number;
  dryRun: boolean;
  /** Set when the action declares github-token and it is given. */
  github: GitHubRecordOptions | undefined;
  /** `image` and `container-name` (both unset when the action does not declare them). */
  image: ImageChoice;
}

/** Where a secret is registered so the runner and the summary redact it (ActionRuntime.outputs). */
export interface SecretMask {
  mask(secret: string): void;
}

/**
 * Reads the shared inputs in `declared` (the action's own list), github-token first, so it is masked before
 * anything could echo it.
 */
export function readSharedInputs(inputs: Inputs, secrets: SecretMask, declared: readonly SharedInputName[]): SharedInputs {
  const uses = new Set<SharedInputName>(declared);
  for (const [a, b] of [['github-token', 'environment'], ['image', 'container-name']] as const) {
    if (uses.has(a) !== uses.has(b)) throw new Error(`BUG: the shared inputs ${a} and ${b} are declared together or not at all`);
  }
  const token = uses.has('github-token') ? readGitHubToken(inputs, secrets) : undefined;
  return {
    dryRun: uses.has('dry-run') ? inputs.boolean('dry-run', false) : false,
    timeoutMinutes: uses.has('timeout-minutes') ? readTimeoutMinutes(inputs) : TIMEOUT_MINUTES.default,
    maxAttempts: uses.has('max-attempts') ? readMaxAttempts(inputs) : MAX_ATTEMPTS.default,
    region: uses.has('region') ? readRegion(inputs) : undefined,
    github: token === undefined ? undefined : { token, environment: readEnvironment(inputs) },
    cluster: uses.has('cluster') ? readCluster(inputs) : undefined,
    image: uses.has('image') ? readImageChoice(inputs) : NO_IMAGE,
  };
}

export function readRegion(inputs: Inputs): string | undefined {
  return checkRegion(inputs.optional('region'));
}

/** The `cluster` input, a name or an ARN; undefined when unset. */
export function readCluster(inputs: Inputs): string | undefined {
  const cluster = inputs.optional('cluster');
  return cluster === undefined ? undefined : checkCluster(cluster, { input: 'cluster' });
}

export function readTimeoutMinutes(inputs: Inputs): number {
  return inputs.integer('timeout-minutes', TIMEOUT_MINUTES);
}

export function readMaxAttempts(inputs: Inputs): number {
  return inputs.integer('max-attempts', MAX_ATTEMPTS);
}

/** github-token, registered as a secret at once (S11). */
export function readGitHubToken(inputs: Inputs, secrets: SecretMask): string | undefined {
  const token = inputs.optional('github-token');
  if (token !== undefined) secrets.mask(token);
  return token;
}

/** The GitHub environment name: one line of at most 255 characters, `production` when unset. */
export function readEnvironment(inputs: Inputs): string {
  const environment = inputs.optional('environment') ?? DEFAULT_ENVIRONMENT;
  if (environment.length > 255 || /[\r\n]/.test(environment)) {
    throw new ConfigurationError('a GitHub environment name is one line of at most 255 characters', { input: 'environment' });
  }
  return environment;
}
