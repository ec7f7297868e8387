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

interface PlaceholderRule {
  readonly value: (p: Placeholders) => string | undefined;
  /** What to tell the user when there is no value. */
  readonly missing: string;
}

const IMAGE: PlaceholderRule = { value: (p) => p.image, missing: "needs input 'image'" };
const RULES: ReadonlyMap<string, PlaceholderRule> = new Map([
  ['artifact.image', IMAGE],
  ['primary.artifact.image', IMAGE],
  [
    'targetGroupArn',
    {
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
  const problems: ConfigurationError[] = [];
  const base = inputName === undefined ? { file } : { input: inputName, file };
  const result = text.replace(PLACEHOLDER, (match: string, rawName: string, offset: number) => {
    const name = rawName.trim();
    const line = lineAt(text, offset);
    const rule = RULES.get(name);
    if (rule === undefined) {
      problems.push(
        new ConfigurationError(`unknown placeholder ${match}; known placeholders: ${KNOWN_PLACEHOLDERS.join(', ')}`, {
          ...base,
          line,
        }),
      );
      return match;
    }
    const value = rule.value(placeholders);
    if (value === undefined || value === '') {
      problems.push(new ConfigurationError(`placeholder ${match} has no value: it ${rule.missing}`, { ...base, line }));
      return match;
    }
    if (!SAFE_VALUE.test(value)) {
      problems.push(
        new ConfigurationError(
          `placeholder ${match}: its value contains characters an image reference or ARN cannot contain`,
          { ...base, line },
        ),
      );
      return match;
    }
    return value;
  });
  throwIfAny(problems);
  return result;
}

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}
