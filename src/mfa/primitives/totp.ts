/**
 * TOTP (RFC 6238): HOTP with the counter derived from time. Primitives never read the
 * clock — callers pass `nowMs` (epoch milliseconds) from the injected `Clock`.
 */
import {
  type OtpOptions,
  type OtpAlgorithm,
  type OtpDigits,
  codesEqual,
  generateHotp,
  isWellFormedOtp,
  OTP_DEFAULT_DIGITS,
} from './hotp.js';

export type { OtpAlgorithm, OtpDigits };

export const TOTP_PERIOD_SECONDS = 30; // RFC 6238 §4 (default time step X)
export const TOTP_T0_SECONDS = 0; // RFC 6238 §4 (Unix epoch)
/** ±1 step tolerates ~30 s of clock skew/typing delay. */
export const TOTP_DEFAULT_WINDOW = 1; // RFC 6238 §5.2 recommends at most one step of network delay
const MAX_WINDOW = 10; // beyond ±5 minutes the window is a guessing aid, not a usability fix
const MAX_PERIOD_SECONDS = 3600;

export interface TotpOptions extends OtpOptions {
  periodSeconds?: number;
}

export interface TotpVerifyOptions extends TotpOptions {
  /** Steps accepted either side of the current one. Default 1. */
  window?: number;
  /** Step of the last code this secret accepted; codes at or before it are refused (RFC 6238 §5.2). */
  lastUsedStep?: number | null;
}

/**
 * On success `step` is the time step the code belongs to: store it as the new
 * `lastUsedStep` so the same code cannot be replayed. `reason` is for logs and audit
 * ("replayed" means someone had a valid but already-used code); tell users only "invalid code".
 */
export type TotpVerifyResult =
  | { ok: true; step: number }
  | { ok: false; reason: 'malformed' | 'mismatch' | 'replayed' };

/** RFC 6238 §4.2: T = floor((now − T0) / X). */
export function totpStep(nowMs: number, periodSeconds: number = TOTP_PERIOD_SECONDS): number {
  assertPeriod(periodSeconds);
  if (!Number.isFinite(nowMs)) throw new RangeError('nowMs must be a finite number');
  return Math.floor((nowMs / 1000 - TOTP_T0_SECONDS) / periodSeconds);
}

export function generateTotp(secret: Uint8Array, nowMs: number, opts: TotpOptions = {}): string {
  return generateTotpForStep(secret, totpStep(nowMs, opts.periodSeconds), opts);
}

export function generateTotpForStep(secret: Uint8Array, step: number, opts: TotpOptions = {}): string {
  if (!Number.isSafeInteger(step) || step < 0) throw new RangeError('TOTP step must be a non-negative integer');
  return generateHotp(secret, step, opts);
}

/** Epoch ms at which `step` begins — handy for "code valid for N more seconds" and tests. */
export function totpStepStartMs(step: number, periodSeconds: number = TOTP_PERIOD_SECONDS): number {
  assertPeriod(periodSeconds);
  return (step * periodSeconds + TOTP_T0_SECONDS) * 1000;
}

export function verifyTotp(
  secret: Uint8Array,
  code: string,
  nowMs: number,
  opts: TotpVerifyOptions = {},
): TotpVerifyResult {
  const window = opts.window ?? TOTP_DEFAULT_WINDOW;
  if (!Number.isInteger(window) || window < 0 || window > MAX_WINDOW) {
    throw new RangeError(`window must be an integer in 0..${MAX_WINDOW}`);
  }
  const lastUsedStep = opts.lastUsedStep ?? null;
  if (lastUsedStep !== null && !Number.isSafeInteger(lastUsedStep)) {
    throw new RangeError('lastUsedStep must be an integer or null');
  }
  const current = totpStep(nowMs, opts.periodSeconds);
  if (!isWellFormedOtp(code, opts.digits ?? OTP_DEFAULT_DIGITS)) return { ok: false, reason: 'malformed' };

  // Compare every candidate so timing does not reveal which step (if any) matched.
  let accepted: number | null = null;
  let replayed = false;
  for (let step = current - window; step <= current + window; step++) {
    if (step < 0) continue;
    const matches = codesEqual(generateHotp(secret, step, opts), code);
    if (!matches) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) replayed = true;
    else if (accepted === null) accepted = step;
  }
  if (accepted !== null) return { ok: true, step: accepted };
  return { ok: false, reason: replayed ? 'replayed' : 'mismatch' };
}

function assertPeriod(periodSeconds: number): void {
  if (!Number.isInteger(periodSeconds) || periodSeconds < 1 || periodSeconds > MAX_PERIOD_SECONDS) {
    throw new RangeError(`periodSeconds must be an integer in 1..${MAX_PERIOD_SECONDS}`);
  }
}
