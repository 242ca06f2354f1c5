/**
 * Account use-cases: registration, password change and reset, the "not me" lockdown, and the
 * signed-in account's own view. Each multi-row change is one transaction with its audit entry
 * and notices.
 */
import type { Db, Trx } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { toIso } from '../platform/clock.js';
import { AppError, validationFailed } from '../platform/http/errors.js';
import type { RequestContext } from '../platform/http/context.js';
import { appendAudit, type Actor } from '../platform/audit/audit.js';
import type { PasswordHasher } from '../platform/password-hasher.js';
import type { CodeService } from '../codes/service.js';
import type { SessionService } from '../sessions/service.js';
import type { Notifier } from '../notify/notifier.js';
import { formatNoticeTime } from '../notify/format.js';
import type { Locale } from '../notify/templates/index.js';
import { newId } from '../platform/crypto.js';
import { check as checkRate, consume as consumeRate } from '../platform/rate-limit/limiter.js';
import { WRONG_CURRENT_PASSWORD_LIMIT } from './constants.js';
import { clearGuard } from '../signin/store.js';
import type { NotMeLinks } from '../signin/not-me-links.js';
import type { RiskRecord } from '../signin/risk-port.js';
import { riskSummary } from '../signin/service.js';
import { classifyIdentifier, normaliseEmail } from './identifiers.js';
import { commonPasswords } from './password-blocklist.js';
import { passwordWeaknesses } from './password-policy.js';
import { noticeTargetOf } from './notice-target.js';
import { emailExists, findAccountByEmail, findAccountById, findAccountsByPhone, insertAccount, newAccountId, setAccountLock, updatePasswordHash, type AccountRow } from './store.js';
import { GuardKeys } from '../signin/guard-keys.js';

export interface AccountDeps {
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  codes: CodeService;
  sessions: SessionService;
  notifier: Notifier;
  notMe: NotMeLinks;
}

export class AccountService {
  constructor(private readonly d: AccountDeps) {}

  private audit(trx: Trx, ctx: RequestContext, actor: Actor, accountId: string, event: Parameters<typeof appendAudit>[2]['event'], details: Record<string, unknown> = {}) {
    return appendAudit(trx, this.d.clock.now(), { accountId, actor, event, result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details });
  }

  checkPassword(password: string, email: string | null): void {
    const reasons = passwordWeaknesses(password, email, commonPasswords());
    if (reasons.length > 0) throw new AppError('weak_password', { reasons });
  }

  async register(input: { email: string; password: string; code: string }, ctx: RequestContext, registrationRisk: (accountId: string) => Promise<RiskRecord>): Promise<{ id: string; email: string }> {
    const email = normaliseEmail(input.email);
    if (!email) throw validationFailed({ email: 'not a valid email address' });
    this.checkPassword(input.password, email);
    if (!(await this.d.codes.verify('email', email, 'register', input.code))) throw new AppError('invalid_code');
    if (await emailExists(this.d.db, email)) throw new AppError('email_taken');
    const hash = await this.d.hasher.hash(input.password);
    const now = this.d.clock.now();
    const id = newAccountId();
    const risk = await registrationRisk(id);
    try {
      await this.d.db.transaction().execute(async (trx) => {
        await insertAccount(
          trx,
          {
            id, email, password_hash: hash, locale: ctx.language, status: 'active', phone: null, security_email: null,
            realname_status: 'unverified', parent_account_id: null, locked_reason: null, locked_at: null,
            password_changed_at: now, last_sign_in_at: null, created_at: now, updated_at: now,
          },
          { account_id: id, login_protection: 0, login_protection_methods: '[]', operation_protection: 0, operation_protection_methods: '[]', remote_login_protection: 0, updated_at: now },
        );
        // Registration is the account's first sighting: it seeds the usual cities.
        await trx
          .insertInto('sign_ins')
          .values({
            id: newId(), account_id: id, at: now, method: 'registration', result: 'success', reason: null, ip: ctx.ip, user_agent: ctx.userAgent,
            device_id: risk.deviceId, location: JSON.stringify(ctx.location), city_key: risk.cityKey, risk: JSON.stringify(riskSummary(risk)),
          })
          .execute();
        await this.audit(trx, ctx, { type: 'account', id }, id, 'account.registered', { email });
      });
    } catch (err) {
      // Two registrations racing for one address: the unique index decides.
      if (await emailExists(this.d.db, email)) throw new AppError('email_taken');
      throw err;
    }
    return { id, email };
  }

  async changePassword(accountId: string, sessionId: string, input: { currentPassword: string; newPassword: string }, ctx: RequestContext): Promise<void> {
    const account = await this.mustFind(accountId);
    // A stolen session must not become an unlimited oracle for the current password.
    await checkRate(this.d.db, WRONG_CURRENT_PASSWORD_LIMIT, account.id, this.d.clock.now());
    if (!account.password_hash || !(await this.d.hasher.verify(account.password_hash, input.currentPassword))) {
      await consumeRate(this.d.db, WRONG_CURRENT_PASSWORD_LIMIT, account.id, this.d.clock.now()).catch(() => undefined);
      throw new AppError('invalid_credentials', { fields: { currentPassword: 'incorrect' } });
    }
    this.checkPassword(input.newPassword, account.email);
    const hash = await this.d.hasher.hash(input.newPassword);
    const now = this.d.clock.now();
    await this.d.db.transaction().execute(async (trx) => {
      await updatePasswordHash(trx, account.id, hash, now, true);
      const ended = await this.d.sessions.revokeAll(trx, 'account', account.id, 'password_changed', sessionId);
      await this.audit(trx, ctx, { type: 'account', id: account.id }, account.id, 'password.changed', { otherSessionsEnded: ended });
      const notMeUrl = await this.d.notMe.issue(trx, account.id, 'password_changed', now);
      await this.d.notifier.notice(trx, noticeTargetOf(account), 'password_changed', { time: formatNoticeTime(now, account.locale as Locale), ip: ctx.ip, notMeUrl }, now);
    });
  }

  /**
   * Reset by a code sent to the account email or bound phone (purpose reset_password). Ends every
   * session and clears the brute-force lock and any "not me" lock: proving the mailbox or phone
   * is the seed's way back in.
   */
  async resetPassword(input: { identifier: string; code: string; newPassword: string }, ctx: RequestContext): Promise<void> {
    const id = classifyIdentifier(input.identifier);
    if (!id || id.kind === 'account_id') throw validationFailed({ identifier: 'use the account email or the bound phone number' });
    const channel = id.kind === 'email' ? 'email' : 'sms';
    // Judge the new password before spending the code, so a weak choice does not burn it
    // (the account's own email is re-checked below, once the code has proven the caller).
    this.checkPassword(input.newPassword, id.kind === 'email' ? id.value : null);
    if (!(await this.d.codes.verify(channel, id.value, 'reset_password', input.code))) throw new AppError('invalid_code');
    const owners = id.kind === 'email' ? [await findAccountByEmail(this.d.db, id.value)].filter((a) => a !== undefined) : await findAccountsByPhone(this.d.db, id.value, 2);
    // The code proved the phone, so saying it serves several accounts reveals nothing new.
    if (owners.length > 1) throw validationFailed({ identifier: 'this number is bound to several accounts: reset with the account email' });
    const account = owners[0];
    // The code only went out if an account was there; reaching here without one means a forged flow.
    if (!account) throw new AppError('invalid_code');
    this.checkPassword(input.newPassword, account.email);
    const hash = await this.d.hasher.hash(input.newPassword);
    const now = this.d.clock.now();
    await this.d.db.transaction().execute(async (trx) => {
      await updatePasswordHash(trx, account.id, hash, now, true);
      await clearGuard(trx, GuardKeys.account(account.id));
      const wasLocked = account.locked_reason === 'not_me';
      if (wasLocked) await setAccountLock(trx, account.id, null, now);
      const ended = await this.d.sessions.revokeAll(trx, 'account', account.id, 'password_reset');
      await this.audit(trx, ctx, { type: 'account', id: account.id }, account.id, 'password.reset', { via: channel, sessionsEnded: ended, lockCleared: true });
      if (wasLocked) await this.audit(trx, ctx, { type: 'account', id: account.id }, account.id, 'account.unlocked', { reason: 'password_reset' });
      await this.d.notifier.notice(trx, noticeTargetOf(account), 'password_changed', { time: formatNoticeTime(now, account.locale as Locale), ip: ctx.ip }, now);
    });
  }

  /** The "this wasn't me" link was followed: sign out everywhere, lock password sign-in until a reset. */
  async notMe(token: string, ctx: RequestContext): Promise<void> {
    const now = this.d.clock.now();
    const done = await this.d.db.transaction().execute(async (trx) => {
      const redeemed = await this.d.notMe.redeem(trx, token, now);
      if (!redeemed) return false;
      const account = await findAccountById(trx, redeemed.accountId);
      if (!account) return false;
      await setAccountLock(trx, account.id, 'not_me', now);
      const ended = await this.d.sessions.revokeAll(trx, 'account', account.id, 'not_me');
      await this.audit(trx, ctx, { type: 'anonymous', id: null }, account.id, 'account.locked', { reason: 'not_me', notice: redeemed.notice, sessionsEnded: ended });
      await this.d.notifier.notice(trx, noticeTargetOf(account), 'sessions_revoked', { time: formatNoticeTime(now, account.locale as Locale), ip: ctx.ip, detail: 'not_me' }, now);
      return true;
    });
    if (!done) throw new AppError('ticket_expired');
  }

  async mustFind(accountId: string): Promise<AccountRow> {
    const account = await findAccountById(this.d.db, accountId);
    if (!account) throw new AppError('unauthenticated');
    return account;
  }
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const shown = local.length <= 2 ? local.slice(0, 1) : local.slice(0, 2);
  return `${shown}***@${domain}`;
}

export function maskPhone(phone: string): string {
  return phone.length <= 7 ? `${phone.slice(0, 3)}****` : `${phone.slice(0, phone.length - 8)}****${phone.slice(-4)}`;
}

export { toIso };
