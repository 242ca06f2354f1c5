/**
 * The brute-force rule of the seed, as pure functions of the stored guard state and `now`.
 * The database applies exactly these transitions atomically (store.ts `reserveAttempt`), and
 * the unit tests hold the two to the same table of cases.
 *
 *   window: opened by the first wrong password, GUARD_WINDOW_MS long
 *   failures 0‥2  → an attempt needs nothing more
 *   failures ≥ 3  → every attempt (right or wrong password) needs a solved captcha
 *   10th failure  → password sign-in locked until window start + 24 h
 *   window over   → everything resets
 */
import { FREE_WRONG_PASSWORDS_PER_WINDOW, GUARD_WINDOW_MS, WRONG_PASSWORDS_BEFORE_LOCK } from './constants.js';

export interface GuardState {
  windowStartedAt: number;
  failures: number;
  /** 0 when not locked. */
  lockedUntil: number;
}

export type AttemptDecision =
  | { kind: 'proceed' }
  | { kind: 'captcha_required' }
  | { kind: 'locked'; lockedUntil: number };

export function windowOver(state: GuardState, now: number): boolean {
  return state.windowStartedAt + GUARD_WINDOW_MS <= now;
}

/** What an attempt arriving now must face, before its password is looked at. */
export function decideAttempt(state: GuardState | null, now: number, captchaSolved: boolean): AttemptDecision {
  if (!state || windowOver(state, now)) return { kind: 'proceed' };
  if (state.lockedUntil > now) return { kind: 'locked', lockedUntil: state.lockedUntil };
  if (state.failures >= FREE_WRONG_PASSWORDS_PER_WINDOW && !captchaSolved) return { kind: 'captcha_required' };
  return { kind: 'proceed' };
}

/**
 * The state after an attempt that was allowed to proceed is counted. The count is taken before
 * the password is checked (so concurrent attempts each get their own number) and handed back
 * by `refundAttempt` when the password turns out right.
 */
export function countAttempt(state: GuardState | null, now: number): GuardState {
  if (!state || windowOver(state, now)) {
    return { windowStartedAt: now, failures: 1, lockedUntil: WRONG_PASSWORDS_BEFORE_LOCK <= 1 ? now + GUARD_WINDOW_MS : 0 };
  }
  const failures = state.failures + 1;
  return {
    windowStartedAt: state.windowStartedAt,
    failures,
    lockedUntil: failures >= WRONG_PASSWORDS_BEFORE_LOCK ? state.windowStartedAt + GUARD_WINDOW_MS : state.lockedUntil,
  };
}

/** A right password gives its counted attempt back, and with it any lock that attempt set. */
export function refundAttempt(state: GuardState, countedAs: number): GuardState {
  return {
    windowStartedAt: state.windowStartedAt,
    failures: Math.max(0, state.failures - 1),
    lockedUntil: countedAs >= WRONG_PASSWORDS_BEFORE_LOCK ? 0 : state.lockedUntil,
  };
}

/** True when the attempt counted as `countedAs` is the wrong password that locks the account. */
export function isLockingFailure(countedAs: number): boolean {
  return countedAs === WRONG_PASSWORDS_BEFORE_LOCK;
}
