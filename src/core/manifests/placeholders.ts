/**
 * S2 placeholders, substituted in the manifest TEXT before parsing (so every line keeps its number):
 * `<+artifact.image>` and `<+primary.artifact.image>` → the `image` input; `<+targetGroupArn>` → the
 * blue/green stage target group. A placeholder without a value, or one we do not know, is an error naming
 * the file, the line and what is missing.
 */
import { ConfigurationError } from '../errors.js';
import { throwIfAny } from './problems.js';

/** Values for the placeholders; an absent value makes its placeholder an error wherever it is used. */
export interface Placeholders {
  /** The `image` input. */
  readonly image?: string | undefined;
  /** The blue/green stage target group ARN (only ecs-bluegreen-swap knows it). */
  readonly targetGroupArn?: string | undefined;
}

/** Which value a placeholder takes: the member of Placeholders it is replaced with. */
export type PlaceholderName = keyof Placeholders;

/** One placeholder replaced: which value, and where that value now stands in the substituted text. */
export interface ResolvedPlaceholder {
  readonly name: PlaceholderName;
  /** Offsets of the value in the substituted text (end exclusive). */
  readonly start: number;
  readonly end: number;
}

interface PlaceholderRule {
  readonly name: PlaceholderName;
  readonly value: (p: Placeholders) => string | undefined;
  /** What to tell the user when there is no value. */
  readonly missing: string;
}

const IMAGE: PlaceholderRule = { name: 'image', value: (p) => p.image, missing: "needs input 'image'" };
const RULES: ReadonlyMap<string, PlaceholderRule> = new Map([
  ['artifact.image', IMAGE],
  ['primary.artifact.image', IMAGE],
  [
    'targetGroupArn',
    {
      name: 'targetGroupArn',
      value: (p) => p.targetGroupArn,
      missing: 'needs the blue/green stage target group, which only ecs-bluegreen-swap (mode: deploy) resolves',
    },
  ],
]);

const PLACEHOLDER = /<\+([^>\r\n]*)>/g;
/**
 * A substituted value must not change the document's structure (no quotes, spaces, `#`, braces...): image
 * references and ARNs never contain such characters, so anything else is a mistake in the input.
 */
const SAFE_VALUE = /^[A-Za-z0-9._\-/:@+=,]+$/;

/** The placeholder names this module resolves, in the form users write them. */
export const KNOWN_PLACEHOLDERS: readonly string[] = [...RULES.keys()].map((k) => `<+${k}>`);

/**
 * Replaces every placeholder in `text`. `file` and `inputName` locate errors. All unresolved placeholders are
 * reported together.
 */
export function substitutePlaceholders(
  text: string,
  file: string,
  placeholders: Placeholders,
  inputName?: string,
): string {
  return resolvePlaceholders(text, file, placeholders, inputName).text;
}

/**
 * As substitutePlaceholders, and where each value landed in the result: the text is substituted whole, comments
 * included (harmless there), so the parser can tell which values ended up in the document's content (parse.ts).
 */
export function resolvePlaceholders(
  text: string,
  file: string,
  placeholders: Placeholders,
  inputName?: string,
): { text: string; resolved: ResolvedPlaceholder[] } {
  const problems: ConfigurationError[] = [];
  const resolved: ResolvedPlaceholder[] = [];
  const base = inputName === undefined ? { file } : { input: inputName, file };
  let shift = 0; // how much longer the result is than `text` before the current match
  const result = text.replace(PLACEHOLDER, (match: string, rawName: string, offset: number) => {
    const outcome = resolveOne(match, rawName.trim(), placeholders);
    if ('problem' in outcome) {
      problems.push(new ConfigurationError(outcome.problem, { ...base, line: lineAt(text, offset) }));
      return match;
    }
    const start = offset + shift;
    resolved.push({ name: outcome.name, start, end: start + outcome.value.length });
    shift += outcome.value.length - match.length;
    return outcome.value;
  });
  throwIfAny(problems);
  return { text: result, resolved };
}

/** The value of placeholder `name` (written as `match`), or why it has none. */
function resolveOne(
  match: string,
  name: string,
  placeholders: Placeholders,
): { name: PlaceholderName; value: string } | { problem: string } {
  const rule = RULES.get(name);
  if (rule === undefined) return { problem: `unknown placeholder ${match}; known placeholders: ${KNOWN_PLACEHOLDERS.join(', ')}` };
  const value = rule.value(placeholders);
  if (value === undefined || value === '') return { problem: `placeholder ${match} has no value: it ${rule.missing}` };
  if (!SAFE_VALUE.test(value)) {
    return { problem: `placeholder ${match}: its value contains characters an image reference or ARN cannot contain` };
  }
  return { name: rule.name, value };
}

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
