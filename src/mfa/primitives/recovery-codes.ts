/**
 * One-time recovery codes shown once at MFA enrolment. This module only generates,
 * normalises and validates them; the caller stores an HMAC of `normalizeRecoveryCode(...)`
 * and compares hashes, so no plaintext code is ever persisted.
 */
import { randomBytes } from 'node:crypto';

/**
 * Crockford base32 (https://www.crockford.com/base32.html): 32 symbols without I, L, O, U,
 * so every symbol is unambiguous when read aloud or copied by hand, and 32 = 2^5 means a
 * random byte masked to 5 bits picks a symbol with no modulo bias.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BITS_PER_SYMBOL = 5;
export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_LENGTH = 10; // symbols, excluding the separator
export const RECOVERY_CODE_GROUP = 5; // displayed as xxxxx-xxxxx
/** 10 symbols × 5 bits: online guessing is rate-limited, and 2^50 is far out of reach of that. */
export const RECOVERY_CODE_BITS = RECOVERY_CODE_LENGTH * BITS_PER_SYMBOL;

// Crockford decoding: letters people confuse with digits map to those digits.
const CONFUSABLES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };
const CANONICAL_RE = new RegExp(`^[${ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`);

/**
 * `count` distinct codes in display form, lower case, e.g. `7kq2m-x9d0r`.
 * Lower case because users read them off paper; normalisation makes case irrelevant.
 */
export function generateRecoveryCodes(count: number = RECOVERY_CODE_COUNT): string[] {
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new RangeError('count must be in 1..100');
  const canonical = new Set<string>();
  // Collisions are ~count²/2^51 likely; the Set just makes "distinct" a guarantee, not a hope.
  while (canonical.size < count) canonical.add(randomCanonicalCode());
  return [...canonical].map(formatRecoveryCode);
}

/**
 * Canonical form for hashing: upper case, no separators, confusable letters folded
 * (O→0, I/L→1). Accepts any case and ignores spaces, hyphens and underscores anywhere.
 * Returns null when the result is not exactly a well-formed code, so callers can refuse
 * without spending an HMAC (and without learning anything about stored codes).
 */
export function normalizeRecoveryCode(input: string): string | null {
  if (input.length > 64) return null; // a pasted essay is not a code; avoid needless work
  const folded = input
    .replace(/[\s\-_]+/g, '')
    .toUpperCase()
    .replace(/[OIL]/g, (ch) => CONFUSABLES[ch] as string);
  return CANONICAL_RE.test(folded) ? folded : null;
}

/** True when `input` normalises to a well-formed code. */
export function isWellFormedRecoveryCode(input: string): boolean {
  return normalizeRecoveryCode(input) !== null;
}

/** Display form of a canonical (or any normalisable) code: lower case, `xxxxx-xxxxx`. */
export function formatRecoveryCode(code: string): string {
  const canonical = normalizeRecoveryCode(code);
  if (canonical === null) throw new RangeError('not a recovery code');
  const lower = canonical.toLowerCase();
  return `${lower.slice(0, RECOVERY_CODE_GROUP)}-${lower.slice(RECOVERY_CODE_GROUP)}`;
}

function randomCanonicalCode(): string {
  const bytes = randomBytes(RECOVERY_CODE_LENGTH);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte & 0x1f];
  return out;
}
