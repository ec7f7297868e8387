/**
 * What a container does is chosen by its image tag (documented in src/emulator/README.md):
 * `pull-error` → the image cannot be pulled; `crash` → exits 1 one task-start period after RUNNING;
 * `exit-<N>` → exits N then; `unhealthy` → runs but fails its health checks; `no-capacity` → RunTask reports a
 * RESOURCE failure; anything else runs until stopped.
 */
import type { ContainerFate } from './state.js';

export function imageTag(image: string): string {
  if (image.includes('@')) return '';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon >= 0 ? image.slice(colon + 1) : 'latest';
}

export function fateOf(image: string): ContainerFate {
  const tag = imageTag(image).toLowerCase();
  if (tag.includes('pull-error')) return { kind: 'pull-error' };
  if (tag.includes('no-capacity')) return { kind: 'no-capacity' };
  if (tag.includes('crash')) return { kind: 'exit', code: 1, crash: true };
  const exit = /exit-([0-9]{1,3})/.exec(tag);
  if (exit) return { kind: 'exit', code: Number(exit[1]) % 256, crash: false };
  if (tag.includes('unhealthy')) return { kind: 'unhealthy' };
  return { kind: 'run' };
}

/** `nginx:1` → `docker.io/library/nginx:1`, as the container runtime names the reference it failed to resolve. */
function qualified(image: string): string {
  const first = image.split('/')[0] ?? '';
  const hasRegistry = image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return image;
  const withTag = imageTag(image) === 'latest' && !image.includes(':') ? `${image}:latest` : image;
  return image.includes('/') ? `docker.io/${withTag}` : `docker.io/library/${withTag}`;
}

export function pullErrorReason(image: string): string {
  const ref = qualified(image);
  return `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${ref}: ${ref}: not found`;
}

export function logGroupMissingReason(fargate: boolean, group: string): string {
  return fargate
    ? 'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: ' +
        'failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1'
    : `CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. (log group ${group})`;
}

/** A few plausible lines a container writes while it runs. */
export function startupLines(containerName: string, image: string, port: number | undefined): string[] {
  return [
    `Starting ${containerName} (${image})`,
    port !== undefined ? `Listening on 0.0.0.0:${port}` : 'Worker started',
    'Ready to accept work',
  ];
}
