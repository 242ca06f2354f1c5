/**
 * The brute-force gate every password passes through, for accounts and operators alike:
 * client-IP spraying limit → per-subject guard (policy.ts, counted atomically in store.ts) →
 * captcha when owed → argon2id verification (a dummy one for unknown subjects, so unknown and
 * known identifiers cost the same) → refund of the counted attempt if the password was right.
 *
 * The gate decides; callers write the audit entries and notices that go with each outcome.
 */
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import type { PasswordHasher } from '../platform/password-hasher.js';
import { check as checkRate, consume as consumeRate } from '../platform/rate-limit/limiter.js';
import type { RateRule } from '../platform/rate-limit/policy.js';
import type { CaptchaService } from '../captcha/service.js';
import { ipRateKey } from '../platform/http/client-ip.js';
import { decideAttempt, isLockingFailure, type GuardState } from './policy.js';
import { readGuard, refundAttempt, reserveAttempt } from './store.js';

export interface GateInput {
  guardKey: string;
  /** Null for an unknown subject (or one without a password): a dummy hash is verified. */
  passwordHash: string | null;
  password: string;
  captcha: string | undefined;
  ip: string;
}

export type GateResult =
  | { kind: 'ok'; needsRehash: boolean; captchaUsed: boolean }
  | { kind: 'wrong_password'; failures: number; captchaUsed: boolean }
  /** This wrong password was the one that locked the subject. */
  | { kind: 'locked_now'; lockedUntil: number; failures: number }
  | { kind: 'locked'; lockedUntil: number }
  | { kind: 'captcha_required'; captchaRejected: boolean };

export class PasswordGate {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly captcha: CaptchaService,
    private readonly ipRule: RateRule,
  ) {}

  async pass(input: GateInput): Promise<GateResult> {
    const now = this.clock.now();
    await checkRate(this.db, this.ipRule, ipRateKey(input.ip), now);

    let captchaUsed = false;
    let reserved: GuardState | null = await reserveAttempt(this.db, input.guardKey, now, false);
    if (!reserved) {
      const refusal = decideAttempt(await readGuard(this.db, input.guardKey), now, false);
      if (refusal.kind === 'locked') return { kind: 'locked', lockedUntil: refusal.lockedUntil };
      if (!input.captcha) return { kind: 'captcha_required', captchaRejected: false };
      if (!(await this.captcha.redeem(input.captcha))) return { kind: 'captcha_required', captchaRejected: true };
      captchaUsed = true;
      reserved = await reserveAttempt(this.db, input.guardKey, now, true);
      if (!reserved) {
        const state = await readGuard(this.db, input.guardKey);
        return { kind: 'locked', lockedUntil: state?.lockedUntil ?? now };
      }
    }

    const ok = input.passwordHash ? await this.hasher.verify(input.passwordHash, input.password) : await this.hasher.verifyDummy(input.password);
    if (ok) {
      await refundAttempt(this.db, input.guardKey, reserved);
      return { kind: 'ok', needsRehash: this.hasher.needsRehash(input.passwordHash!), captchaUsed };
    }
    await consumeRate(this.db, this.ipRule, ipRateKey(input.ip), now).catch(() => undefined);
    if (isLockingFailure(reserved.failures)) return { kind: 'locked_now', lockedUntil: reserved.lockedUntil, failures: reserved.failures };
    return { kind: 'wrong_password', failures: reserved.failures, captchaUsed };
  }
}
