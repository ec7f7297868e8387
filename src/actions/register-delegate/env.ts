/**
 * D1: the delegate container's environment — the variables the seeds' task specs set, from the inputs — and the
 * `env` input's extra `KEY=value` lines, which may not override them.
 */
import { ConfigurationError } from '../../core/errors.js';
import type { DelegateSettings, TokenSource } from './options.js';

/** The variables this action sets (a line of `env` may not set them: the input that does is named). */
export const RESERVED_VARIABLES: Readonly<Record<string, string>> = {
  ACCOUNT_ID: 'account-id',
  DELEGATE_TOKEN: 'delegate-token-secret-arn or delegate-token',
  MANAGER_HOST_AND_PORT: 'manager-host-and-port',
  DELEGATE_NAME: 'delegate-name',
  DELEGATE_TYPE: 'delegate-type',
  DELEGATE_TAGS: 'delegate-tags',
  LOG_STREAMING_SERVICE_URL: 'log-streaming-service-url',
  INIT_SCRIPT: 'init-script',
  DEPLOY_MODE: 'this action (KUBERNETES, as the seeds set it)',
  NEXT_GEN: 'this action (true)',
};

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The `env` input: one `KEY=value` per line (blank lines and `#` comments skipped); errors name the line. */
export function parseEnvLines(text: string | undefined): { name: string; value: string }[] {
  if (text === undefined) return [];
  const out: { name: string; value: string }[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = { input: 'env', line: index + 1 };
    const eq = line.indexOf('=');
    const name = eq < 0 ? line : line.slice(0, eq).trim();
    if (eq <= 0 || !ENV_NAME.test(name)) {
      throw new ConfigurationError(`line ${index + 1} is not KEY=value (KEY: letters, digits and underscores, not starting with a digit)`, where);
    }
    const owner = RESERVED_VARIABLES[name];
    if (owner !== undefined) throw new ConfigurationError(`${name} is set by ${owner}; it cannot be overridden through env`, where);
    if (seen.has(name)) throw new ConfigurationError(`${name} is given twice`, where);
    seen.add(name);
    out.push({ name, value: line.slice(eq + 1).trim() });
  });
  return out;
}

/** The container environment, in the seeds' order; the token is left out when it comes from a secret (D2). */
export function delegateEnvironment(d: DelegateSettings, token: TokenSource, plainToken: string | undefined): { name: string; value: string }[] {
  const env = [
    { name: 'ACCOUNT_ID', value: d.accountId },
    ...(token.kind === 'plain' ? [{ name: 'DELEGATE_TOKEN', value: plainToken ?? '' }] : []),
    { name: 'DELEGATE_TYPE', value: d.delegateType },
    { name: 'INIT_SCRIPT', value: d.initScript },
    { name: 'DEPLOY_MODE', value: 'KUBERNETES' },
    { name: 'MANAGER_HOST_AND_PORT', value: d.managerHostAndPort },
    { name: 'DELEGATE_NAME', value: d.delegateName },
    { name: 'LOG_STREAMING_SERVICE_URL', value: d.logStreamingServiceUrl },
    { name: 'DELEGATE_TAGS', value: d.delegateTags },
    { name: 'NEXT_GEN', value: 'true' },
  ];
  return [...env, ...d.extraEnv];
}
