/**
 * Collecting the problems found in one manifest, so the user sees all of them at once (first N), each with its
 * file, line and field path.
 */
import { ConfigurationError, formatLocated } from '../errors.js';
import type { ErrorLocation } from '../errors.js';

/** A path into a manifest document: object keys and list indexes, e.g. ['containerDefinitions', 1, 'image']. */
export type FieldPath = readonly (string | number)[];

/** One problem, before it is located (the line comes from the manifest's positions). */
export interface Problem {
  readonly path: FieldPath;
  /** Where to look for the line when `path` itself is not written (a missing field: its parent). */
  readonly at?: FieldPath;
  readonly detail: string;
}

/** How many problems one error message lists before it says "and N more". */
export const MAX_LISTED_PROBLEMS = 20;

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** `containerDefinitions[1].portMappings[0].containerPort`; odd map keys are quoted: `dockerLabels["a b"]`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * Several located problems in one manifest. Its own location is the first problem's, so code that reads
 * `location.line` gets a useful answer; the message lists every problem (up to MAX_LISTED_PROBLEMS).
 */
export class ManifestError extends ConfigurationError {
  readonly problems: readonly ConfigurationError[];
  constructor(problems: readonly ConfigurationError[]) {
    const first = problems[0];
    if (first === undefined) throw new Error('ManifestError needs at least one problem');
    super(summarise(problems), first.location);
    this.name = 'ManifestError';
    this.problems = problems;
  }
}

function summarise(problems: readonly ConfigurationError[]): string {
  const [first, ...rest] = problems;
  if (first === undefined) return '';
  if (rest.length === 0) return first.detail;
  const shown = rest
    .slice(0, MAX_LISTED_PROBLEMS - 1)
    .map((p) => `\n  - ${formatLocated(p.detail, lineOnly(p.location))}`);
  const hidden = rest.length - shown.length;
  const more = hidden > 0 ? `\n  ... and ${hidden} more` : '';
  return `${first.detail}\n${problems.length} problems in this manifest; the others:${shown.join('')}${more}`;
}

/** In the list, the input name is already said once in the heading: repeat only file:line and field. */
function lineOnly(loc: ErrorLocation): ErrorLocation {
  const { input: _input, ...rest } = loc;
  return rest;
}

/** Throws one ConfigurationError for a single problem, or a ManifestError listing several; nothing if none. */
export function throwIfAny(problems: readonly ConfigurationError[]): void {
  if (problems.length === 1 && problems[0] !== undefined) throw problems[0];
  if (problems.length > 1) throw new ManifestError(problems);
}
