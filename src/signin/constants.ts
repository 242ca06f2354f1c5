import { DAY_MS } from '../platform/clock.js';

// Seed 001, "What are the security requirements for email login?":
// "The password can only be entered incorrectly up to three times each day per account."
export const FREE_WRONG_PASSWORDS_PER_WINDOW = 3;
// "After three failed attempts, you must enter a verification code to log in."  (→ captcha)
// "After 10 failed attempts, your account will be locked for 24 hours, starting from the
//  first time an incorrect password was entered."
export const WRONG_PASSWORDS_BEFORE_LOCK = 10;
/**
 * The "day" of the seed is a rolling 24-hour window opened by the first wrong password; the
 * lock ends when that window ends. One window for both rules keeps them consistent: a
 * calendar-day counter would let 3 + 3 guesses straddle midnight and would make the lock
 * "24 hours from the first wrong password" end in a different day than its count.
 */
export const GUARD_WINDOW_MS = DAY_MS;
