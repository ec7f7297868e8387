/**
 * Secret masking (S11). Registered secrets are passed to the runner (`::add-mask::`, so it hides them in the log)
 * and replaced by `***` in anything we write ourselves (job summary, log lines). Values that look like credentials
 * are found and registered automatically:
 * - GitHub tokens: ghp_ / gho_ / ghu_ / ghs_ / ghr_ followed by 36+ characters, and github_pat_ tokens;
 * - AWS access key ids: AKIA / ASIA followed by 16 upper-case letters or digits;
 * - JWTs: three base64url parts, the first starting `eyJ` (a base64 JSON header);
 * - long high-entropy strings: 32+ characters of base64 [A-Za-z0-9+/=] mixing upper case, lower case and digits,
 *   not starting with `/`, with a Shannon entropy of at least 4 bits per character (an AWS secret access key, a
 *   random API key). Words that are ARNs or URLs are never treated as secrets, nor are hex strings (task ids,
 *   digests) or UUIDs, which lack upper-case letters, nor hyphenated names such as CloudFormation-generated
 *   `stack-Service-1AB2CD3EF4GH` (`-` and `_` split candidates), since masking a value that is also an output would
 *   make the runner drop that output.
 */
export interface SecretSink {
  /** Tells the runner to mask this value in the log (@actions/core setSecret). */
  setSecret(secret: string): void;
}

export const REDACTED = '***';

const PATTERNS: readonly RegExp[] = [
  /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,}\b/g,
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
];

const MIN_ENTROPY_LENGTH = 32;
const MIN_BITS_PER_CHAR = 4;

/** Every substring of `text` that looks like a credential, in order of appearance, without duplicates. */
export function findTokenLike(text: string): string[] {
  const found = new Set<string>();
  for (const re of PATTERNS) for (const m of text.matchAll(re)) found.add(m[0]);
  for (const word of text.split(/[\s"'`,;()[\]{}<>]+/)) {
    if (word === '' || isArnOrUrl(word)) continue;
    for (const m of word.matchAll(/[A-Za-z0-9+/=]{32,}/g)) {
      if (!m[0].startsWith('/') && looksRandom(m[0])) found.add(m[0]);
    }
  }
  return [...found];
}

function isArnOrUrl(word: string): boolean {
  return /^arn:/i.test(word) || /^[a-z][a-z0-9+.-]*:\/\//i.test(word);
}

/** Mixed upper case, lower case and digits, and high Shannon entropy. */
export function looksRandom(s: string): boolean {
  if (s.length < MIN_ENTROPY_LENGTH) return false;
  if (!/[A-Z]/.test(s) || !/[a-z]/.test(s) || !/[0-9]/.test(s)) return false;
  return shannonBitsPerChar(s) >= MIN_BITS_PER_CHAR;
}

export function shannonBitsPerChar(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** The set of secrets of one action run (not module state: one per runtime). */
export class SecretMasker {
  private readonly secrets = new Set<string>();

  constructor(private readonly sink: SecretSink) {}

  /** Registers a secret (and each of its lines, when it has several) with the runner, once each. */
  mask(secret: string): void {
    const parts = [secret, ...secret.split(/\r?\n/)].map((s) => s.trim()).filter((s) => s !== '');
    for (const part of parts) {
      if (this.secrets.has(part)) continue;
      this.secrets.add(part);
      this.sink.setSecret(part);
    }
  }

  /** Masks every token-like value in `text`; returns how many new ones were found. */
  maskTokenLike(text: string): number {
    const before = this.secrets.size;
    for (const token of findTokenLike(text)) this.mask(token);
    return this.secrets.size - before;
  }

  /** `text` with token-like values and every registered secret replaced by `***` (longest secrets first). */
  redact(text: string): string {
    this.maskTokenLike(text);
    let out = text;
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(REDACTED);
    return out;
  }

  get size(): number {
    return this.secrets.size;
  }
}
