/**
 * Manifest paths resolve against the workspace (GITHUB_WORKSPACE) and may not leave it: not with `..`, not as
 * an absolute path elsewhere, and not through a symlink that points outside (checked on the real path).
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '../errors.js';

/** True when `target` is `root` or lies below it (both absolute, already normalised). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The absolute real path of the manifest `userPath` (as the user wrote it in input `inputName`).
 * Throws a ConfigurationError naming the input and the path when the path is empty, escapes the workspace,
 * does not exist, or is not a regular file.
 */
export async function resolveManifestPath(workspace: string, userPath: string, inputName: string): Promise<string> {
  const where = { input: inputName, file: userPath };
  if (userPath.trim() === '') throw new ConfigurationError('the manifest path is empty', { input: inputName });
  if (workspace === '') {
    throw new ConfigurationError('GITHUB_WORKSPACE is not set, so the manifest path cannot be resolved', where);
  }
  const root = path.resolve(workspace);
  const candidate = path.resolve(root, userPath);
  if (!isInside(root, candidate)) {
    throw new ConfigurationError(`the path leaves the workspace ${root}; manifests must be inside it`, where);
  }
  const realRoot = await realpathOr(root, () => {
    throw new ConfigurationError(`the workspace ${root} does not exist`, where);
  });
  const realFile = await realpathOr(candidate, () => {
    throw new ConfigurationError(`file not found: ${candidate} (paths are relative to the workspace ${root})`, where);
  });
  if (!isInside(realRoot, realFile)) {
    throw new ConfigurationError(
      `the path resolves (through a symbolic link) to ${realFile}, outside the workspace ${realRoot}`,
      where,
    );
  }
  const info = await stat(realFile);
  if (!info.isFile()) throw new ConfigurationError(`${candidate} is not a file`, where);
  return realFile;
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
