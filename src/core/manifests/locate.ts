/** Turning path-only problems into located ConfigurationErrors (input, file, line, field). */
import { ConfigurationError } from '../errors.js';
import type { ErrorLocation } from '../errors.js';
import type { Manifest } from './parse.js';
import { formatFieldPath, throwIfAny } from './problems.js';
import type { FieldPath, Problem } from './problems.js';

/** The line of `path`, or of its nearest written ancestor (a missing field is reported at its parent). */
export function nearestLine(manifest: Manifest, path: FieldPath): number | undefined {
  for (let n = path.length; n >= 0; n -= 1) {
    const line = manifest.lineOf(path.slice(0, n));
    if (line !== undefined) return line;
  }
  return undefined;
}

export function locate(manifest: Manifest, problem: Problem): ConfigurationError {
  const loc: ErrorLocation = { file: manifest.file };
  if (manifest.input !== undefined) loc.input = manifest.input;
  const line = nearestLine(manifest, problem.at ?? problem.path);
  if (line !== undefined) loc.line = line;
  if (problem.path.length > 0) loc.field = formatFieldPath(problem.path);
  return new ConfigurationError(problem.detail, loc);
}

/** Throws all of `problems` located in `manifest` (one ConfigurationError, or a ManifestError listing them). */
export function throwProblems(manifest: Manifest, problems: readonly Problem[]): void {
  throwIfAny(problems.map((p) => locate(manifest, p)));
}
