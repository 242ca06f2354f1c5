/**
 * Sign-in with a code sent to the bound phone (purpose `login`) instead of the password:
 *
 *   phone → account(s) → client-IP limit → the same per-account guard as passwords
 *   (3 free wrong tries, then captcha, the 10th locks for 24 h; signin/policy.ts, counted
 *   atomically by signin/store.ts) → code check → SignInService.afterFirstFactor(account, 'sms')
 *   (risk, login / remote-login protection, session, notices — exactly as after a password).
 *
 * A wrong code counts like a wrong password, under the same guard key, so alternating
 * passwords and codes buys no extra tries. Unknown numbers walk the same path under a guard
 * keyed by a hash of the number and get the same answers. A number shared by several
 * accounts cannot say which one is meant: once its code is proven, the caller is told to use
 * the account email or ID.
 */
import type { Db, Trx } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { toIso } from '../platform/clock.js';
import { AppError, validationFailed } from '../platform/http/errors.js';
import type { RequestContext } from '../platform/http/context.js';
import { appendAudit } from '../platform/audit/audit.js';
import { newId, type KeyRing } from '../platform/crypto.js';
import { check as checkRate, consume as consumeRate } from '../platform/rate-limit/limiter.js';
import type { RateRule } from '../platform/rate-limit/policy.js';
import type { CaptchaService } from '../captcha/service.js';
import type { CodeService } from '../codes/service.js';
import type { Notifier } from '../notify/notifier.js';
import { formatNoticeTime } from '../notify/format.js';
import type { Locale } from '../notify/templates/index.js';
import { classifyIdentifier } from '../accounts/identifiers.js';
import { findAccountsByPhone, type AccountRow } from '../accounts/store.js';
import { noticeTargetOf } from '../accounts/notice-target.js';
import { decideAttempt, isLockingFailure, type GuardState } from '../signin/policy.js';
import { insertSignIn, readGuard, refundAttempt, reserveAttempt } from '../signin/store.js';
import type { SignInResult, SignInService } from '../signin/service.js';
import { ipRateKey } from '../platform/http/client-ip.js';
import { GuardKeys } from '../signin/guard-keys.js';

export interface CodeSignInDeps {
  db: Db;
  clock: Clock;
  keyRing: KeyRing;
  codes: CodeService;
  captcha: CaptchaService;
  notifier: Notifier;
  signIn: SignInService;
  /** The password gate's client-IP rule: wrong codes and wrong passwords share one budget. */
  ipRule: RateRule;
}

export class CodeSignIn {
  // The same keys as password sign-in, so an unknown number has one guard for both factors.
  private readonly guardKeys: GuardKeys;

  constructor(private readonly d: CodeSignInDeps) {
    this.guardKeys = new GuardKeys(d.keyRing);
  }

  async signIn(input: { identifier: string; code: string; captcha?: string | undefined }, ctx: RequestContext): Promise<SignInResult> {
    const id = classifyIdentifier(input.identifier);
    if (!id || id.kind !== 'phone') throw validationFailed({ identifier: 'sign in by code with the bound mobile number (+country code); use the password for the email or account ID' });
    const owners = await findAccountsByPhone(this.d.db, id.value, 2);
    const account = owners.length === 1 ? owners[0] : undefined;
    const guardKey = this.guardKeys.forAccountSignIn(account?.id ?? null, id.value);
    if (account && (account.locked_reason || account.status !== 'active')) {
      await this.failure(account, 'account_locked', ctx);
      throw new AppError('account_locked', { lockedUntil: null, reason: account.locked_reason ?? 'disabled' });
    }
    const now = this.d.clock.now();
    await checkRate(this.d.db, this.d.ipRule, ipRateKey(ctx.ip), now);

    let reserved: GuardState | null = await reserveAttempt(this.d.db, guardKey, now, false);
    if (!reserved) {
      const refusal = decideAttempt(await readGuard(this.d.db, guardKey), now, false);
      if (refusal.kind === 'locked') {
        await this.failure(account, 'locked', ctx);
        throw new AppError('account_locked', { lockedUntil: toIso(refusal.lockedUntil) });
      }
      const redeemed = input.captcha ? await this.d.captcha.redeem(input.captcha) : false;
      if (!redeemed) {
        await this.failure(account, input.captcha ? 'captcha_invalid' : 'captcha_required', ctx, 'signin.captcha_required');
        throw new AppError('captcha_required', { captcha: await this.d.captcha.challenge(), ...(input.captcha ? { reason: 'captcha_invalid' } : {}) });
      }
      reserved = await reserveAttempt(this.d.db, guardKey, now, true);
      if (!reserved) {
        const state = await readGuard(this.d.db, guardKey);
        throw new AppError('account_locked', { lockedUntil: toIso(state?.lockedUntil ?? now) });
      }
    }

    const ok = await this.d.codes.verify('sms', id.value, 'login', input.code);
    if (ok && owners.length > 0) {
      await refundAttempt(this.d.db, guardKey, reserved);
      if (!account) throw validationFailed({ identifier: 'this number is bound to several accounts: sign in with the account email or account ID' });
      return this.d.signIn.afterFirstFactor(account, 'sms', ctx);
    }
    await consumeRate(this.d.db, this.d.ipRule, ipRateKey(ctx.ip), now).catch(() => undefined);
    if (isLockingFailure(reserved.failures)) {
      await this.lockedNow(account, reserved.lockedUntil, reserved.failures, ctx);
      throw new AppError('account_locked', { lockedUntil: toIso(reserved.lockedUntil) });
    }
    await this.failure(account, 'invalid_code', ctx, 'signin.failed', { failures: reserved.failures });
    throw new AppError('invalid_code');
  }

  private historyRow(accountId: string, now: number, result: 'failure' | 'locked', reason: string, ctx: RequestContext) {
    return {
      id: newId(), account_id: accountId, at: now, method: 'sms', result, reason, ip: ctx.ip, user_agent: ctx.userAgent,
      device_id: '', location: JSON.stringify(ctx.location), city_key: null, risk: '{}',
    };
  }

  private async failure(account: AccountRow | undefined, reason: string, ctx: RequestContext, event: 'signin.failed' | 'signin.captcha_required' = 'signin.failed', extra: Record<string, unknown> = {}): Promise<void> {
    const now = this.d.clock.now();
    await this.d.db.transaction().execute(async (trx) => {
      if (account) await insertSignIn(trx, this.historyRow(account.id, now, 'failure', reason, ctx));
      await this.audit(trx, account, event, { reason, method: 'sms', ...extra }, ctx, now);
    });
  }

  private async lockedNow(account: AccountRow | undefined, lockedUntil: number, failures: number, ctx: RequestContext): Promise<void> {
    const now = this.d.clock.now();
    await this.d.db.transaction().execute(async (trx) => {
      if (account) await insertSignIn(trx, this.historyRow(account.id, now, 'locked', 'invalid_code', ctx));
      await this.audit(trx, account, 'signin.failed', { reason: 'invalid_code', method: 'sms', failures }, ctx, now);
      await appendAudit(trx, now, {
        accountId: account?.id ?? null, actor: { type: 'system', id: null }, event: 'account.locked', result: 'success',
        ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { reason: 'too_many_wrong_codes', failures, lockedUntil: toIso(lockedUntil) },
      });
      if (account) {
        await this.d.notifier.notice(trx, noticeTargetOf(account), 'account_locked', { lockedUntil: formatNoticeTime(lockedUntil, account.locale as Locale), ip: ctx.ip }, now);
      }
    });
  }

  private audit(trx: Trx, account: AccountRow | undefined, event: 'signin.failed' | 'signin.captcha_required', details: Record<string, unknown>, ctx: RequestContext, now: number) {
    return appendAudit(trx, now, {
      accountId: account?.id ?? null, actor: account ? { type: 'account', id: account.id } : { type: 'anonymous', id: null }, event, result: 'failure',
      ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details,
    });
  }
}
