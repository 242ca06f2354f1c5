/**
 * HOTP (RFC 4226): the counter-based one-time password that TOTP (RFC 6238) builds on,
 * and what event-based hardware tokens generate directly.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type OtpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';
export type OtpDigits = 6 | 8;

export const OTP_DEFAULT_ALGORITHM: OtpAlgorithm = 'SHA1'; // RFC 4226 §5.2; RFC 6238 §1.2
export const OTP_DEFAULT_DIGITS: OtpDigits = 6; // RFC 4226 §5.3 (minimum 6)
/** How many counter values past the expected one a login may skip (button presses not sent). */
export const HOTP_DEFAULT_LOOK_AHEAD = 10; // RFC 4226 §7.4 "look-ahead window" s; small keeps guessing odds low
/** Wider window allowed only when the user proves possession with two consecutive codes. */
export const HOTP_DEFAULT_RESYNC_WINDOW = 100; // RFC 4226 §7.4 resynchronization; two codes make it safe

const NODE_HASH: Record<OtpAlgorithm, string> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };
const MAX_COUNTER = BigInt('0xffffffffffffffff'); // RFC 4226 §5.1: 8-byte counter

export interface OtpOptions {
  algorithm?: OtpAlgorithm;
  digits?: OtpDigits;
}

export type HotpVerifyResult =
  | { ok: true; counter: number }
  | { ok: false; reason: 'malformed' | 'mismatch' };

/** True for exactly `digits` ASCII digits. Checked before any HMAC is computed. */
export function isWellFormedOtp(code: string, digits: OtpDigits = OTP_DEFAULT_DIGITS): boolean {
  return code.length === digits && /^[0-9]+$/.test(code);
}

/**
 * Strips what people type around a code ("123 456", "123-456", pasted newlines).
 * Deliberately does nothing else: the result still has to pass `isWellFormedOtp`.
 */
export function normalizeOtpInput(input: string): string {
  return input.replace(/[\s-]+/g, '');
}

/** RFC 4226 §5.3: HMAC, dynamic truncation, modulo 10^digits, left-padded. */
export function generateHotp(
  secret: Uint8Array,
  counter: number | bigint,
  opts: OtpOptions = {},
): string {
  const algorithm = opts.algorithm ?? OTP_DEFAULT_ALGORITHM;
  const digits = opts.digits ?? OTP_DEFAULT_DIGITS;
  assertAlgorithm(algorithm);
  assertDigits(digits);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(toCounter(counter));
  const mac = createHmac(NODE_HASH[algorithm], secret).update(message).digest();
  // Offset from the low nibble of the last byte — for SHA-256/512 too (RFC 6238 reference code).
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/**
 * Checks `code` against counters `counter … counter + lookAhead` and reports the one that
 * matched; the caller must then store `matched + 1` as the next expected counter so the same
 * code (and every earlier one) is dead. Every candidate is computed and compared in constant
 * time so response time does not reveal how far ahead the token is.
 */
export function verifyHotp(
  secret: Uint8Array,
  code: string,
  counter: number,
  opts: OtpOptions & { lookAhead?: number } = {},
): HotpVerifyResult {
  const digits = opts.digits ?? OTP_DEFAULT_DIGITS;
  const lookAhead = opts.lookAhead ?? HOTP_DEFAULT_LOOK_AHEAD;
  assertWindow(lookAhead, 'lookAhead');
  assertSafeCounter(counter);
  if (!isWellFormedOtp(code, digits)) return { ok: false, reason: 'malformed' };
  const matched = firstMatch(secret, code, counter, lookAhead, opts);
  return matched === null ? { ok: false, reason: 'mismatch' } : { ok: true, counter: matched };
}

/**
 * RFC 4226 §7.4 resynchronization: accept a token that drifted far ahead only if the user
 * enters two codes that are consecutive within the wider window. On success `counter` is
 * the counter of the *second* code; as with `verifyHotp`, the caller stores `counter + 1`.
 */
export function resyncHotp(
  secret: Uint8Array,
  firstCode: string,
  secondCode: string,
  counter: number,
  opts: OtpOptions & { resyncWindow?: number } = {},
): HotpVerifyResult {
  const digits = opts.digits ?? OTP_DEFAULT_DIGITS;
  const resyncWindow = opts.resyncWindow ?? HOTP_DEFAULT_RESYNC_WINDOW;
  assertWindow(resyncWindow, 'resyncWindow');
  assertSafeCounter(counter);
  if (!isWellFormedOtp(firstCode, digits) || !isWellFormedOtp(secondCode, digits)) {
    return { ok: false, reason: 'malformed' };
  }
  let found: number | null = null;
  for (let c = counter; c <= counter + resyncWindow; c++) {
    const both = codesEqual(generateHotp(secret, c, opts), firstCode) &&
      codesEqual(generateHotp(secret, c + 1, opts), secondCode);
    if (both && found === null) found = c + 1;
  }
  return found === null ? { ok: false, reason: 'mismatch' } : { ok: true, counter: found };
}

/** Lowest counter in [from, from + span] whose code equals `code`, or null. */
function firstMatch(
  secret: Uint8Array,
  code: string,
  from: number,
  span: number,
  opts: OtpOptions,
): number | null {
  let found: number | null = null;
  for (let c = from; c <= from + span; c++) {
    if (codesEqual(generateHotp(secret, c, opts), code) && found === null) found = c;
  }
  return found;
}

/** Constant-time equality of two equal-length codes (format was validated beforehand). */
export function codesEqual(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(actual, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function toCounter(counter: number | bigint): bigint {
  const value = typeof counter === 'bigint' ? counter : BigInt(assertSafeCounter(counter));
  if (value < 0n || value > MAX_COUNTER) throw new RangeError('HOTP counter out of range');
  return value;
}

function assertSafeCounter(counter: number): number {
  if (!Number.isSafeInteger(counter) || counter < 0) {
    throw new RangeError('HOTP counter must be a non-negative safe integer');
  }
  return counter;
}

function assertWindow(value: number, name: string): void {
  // 1000 is far past any sane policy; the bound stops a config typo from turning into a DoS.
  if (!Number.isInteger(value) || value < 0 || value > 1000) {
    throw new RangeError(`${name} must be an integer in 0..1000`);
  }
}

function assertAlgorithm(algorithm: string): asserts algorithm is OtpAlgorithm {
  if (!Object.hasOwn(NODE_HASH, algorithm)) throw new RangeError(`unsupported OTP algorithm ${algorithm}`);
}

function assertDigits(digits: number): asserts digits is OtpDigits {
  if (digits !== 6 && digits !== 8) throw new RangeError('OTP digits must be 6 or 8');
}
