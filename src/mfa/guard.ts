/**
 * Wrong MFA codes have their own brute-force counter, separate from the password one: the
 * same atomic guard rows as sign-in (`signin_guards`, key `mfa:<accountId>`), counted before
 * the code is checked and refunded when it is right. With the captcha step skipped the guard
 * allows 9 wrong codes per window; the 10th locks MFA verification until the window (24 h from
 * the first wrong code) ends — the seed's password rule, applied to the second factor.
 */
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { toIso } from '../platform/clock.js';
import { AppError } from '../platform/http/errors.js';
import { readGuard, refundAttempt, reserveAttempt } from '../signin/store.js';

export function mfaGuardKey(accountId: string): string {
  return `mfa:${accountId}`;
}

export class MfaGuard {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Runs `check` as one counted attempt; throws 423 `mfa_locked` when the counter is spent. */
  async attempt(accountId: string, check: () => Promise<boolean>): Promise<boolean> {
    const key = mfaGuardKey(accountId);
    const now = this.clock.now();
    const reserved = await reserveAttempt(this.db, key, now, true);
    if (!reserved) {
      const state = await readGuard(this.db, key);
      throw new AppError('mfa_locked', { lockedUntil: toIso(state?.lockedUntil ?? now) });
    }
    const ok = await check();
    if (ok) await refundAttempt(this.db, key, reserved);
    return ok;
  }
}
