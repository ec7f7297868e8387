/**
 * Manifest paths resolve against the workspace (GITHUB_WORKSPACE) and may not leave it — not with `..`, not as an
 * absolute path elsewhere, not through a symlink that points outside (checked on the real path) — except into the
 * runner's temporary folder (RUNNER_TEMP), where earlier steps such as aws-actions/amazon-ecs-render-task-definition
 * write the files they produce. Containment is decided by path segments: `..td.json` is a file in the workspace.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, type ErrorLocation } from '../errors.js';

/** Where manifests may be: the workspace, and the runner's temporary folder when the runner set one. */
export interface ManifestRoots {
  /** GITHUB_WORKSPACE: relative paths resolve against it. */
  readonly workspace: string;
  /** RUNNER_TEMP; unset or empty means only the workspace. */
  readonly runnerTemp?: string | undefined;
}

/** True when `target` is `root` or lies below it (both absolute, already normalised), judged by path segments. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  if (rel === '') return true;
  return !path.isAbsolute(rel) && rel.split(path.sep)[0] !== '..';
}

/**
 * The absolute real path of the manifest `userPath` (as the user wrote it in input `inputName`).
 * Throws a ConfigurationError naming the input and the path when the path is empty, is neither in the workspace nor
 * under RUNNER_TEMP, does not exist, or is not a regular file.
 */
export async function resolveManifestPath(roots: ManifestRoots, userPath: string, inputName: string): Promise<string> {
  const where = { input: inputName, file: userPath };
  if (userPath.trim() === '') throw new ConfigurationError('the manifest path is empty', { input: inputName });
  if (roots.workspace === '') {
    throw new ConfigurationError('GITHUB_WORKSPACE is not set, so the manifest path cannot be resolved', where);
  }
  const root = path.resolve(roots.workspace);
  const temp = roots.runnerTemp === undefined || roots.runnerTemp === '' ? undefined : path.resolve(roots.runnerTemp);
  const candidate = path.resolve(root, userPath);
  const allowed = temp === undefined ? [root] : [root, temp];
  if (!allowed.some((r) => isInside(r, candidate))) {
    const orTemp = temp === undefined ? '' : ` (or under RUNNER_TEMP ${temp})`;
    throw new ConfigurationError(`the path leaves the workspace ${root}; manifests must be inside it${orTemp}`, where);
  }
  const realRoot = await realpathOr(root, () => {
    throw new ConfigurationError(`the workspace ${root} does not exist`, where);
  });
  const realFile = await realpathOr(candidate, () => {
    throw new ConfigurationError(`file not found: ${candidate} (paths are relative to the workspace ${root})`, where);
  });
  await refuseLinkOutside(realFile, realRoot, temp, where);
  const info = await stat(realFile);
  if (!info.isFile()) throw new ConfigurationError(`${candidate} is not a file`, where);
  return realFile;
}

/** The real file must lie in the real workspace or the real RUNNER_TEMP: a symlink may not lead elsewhere. */
async function refuseLinkOutside(realFile: string, realRoot: string, temp: string | undefined, where: ErrorLocation): Promise<void> {
  if (isInside(realRoot, realFile)) return;
  const realTemp = temp === undefined ? undefined : await realpath(temp).catch(() => undefined);
  if (realTemp !== undefined && isInside(realTemp, realFile)) return;
  const orTemp = realTemp === undefined ? '' : ` and outside RUNNER_TEMP ${realTemp}`;
  throw new ConfigurationError(
    `the path resolves (through a symbolic link) to ${realFile}, outside the workspace ${realRoot}${orTemp}`,
    where,
  );
}

async function realpathOr(p: string, onMissing: () => never): Promise<string> {
  try {
    return await realpath(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') onMissing();
    throw e;
  }
}
