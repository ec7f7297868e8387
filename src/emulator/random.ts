/** A small seeded pseudo-random generator (mulberry32), so fault injection and generated ids are reproducible. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** `length` lowercase hex digits. */
  hex(length: number): string;
  /** `length` decimal digits, the first one non-zero. */
  digits(length: number): string;
  /** `length` characters from [A-Za-z0-9]. */
  alnum(length: number): string;
  /** An RFC 4122 shaped (version 4) UUID. */
  uuid(): string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function createRandom(seed = 1): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (alphabet: string, length: number): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  const hex = (length: number): string => pick('0123456789abcdef', length);
  return {
    next,
    hex,
    digits: (length) => pick('123456789', 1) + pick('0123456789', length - 1),
    alnum: (length) => pick(ALNUM, length),
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick('89ab', 1)}${hex(3)}-${hex(12)}`,
  };
}
