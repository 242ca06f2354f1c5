/**
 * The signed-in account's contacts: the mobile phone (bind, replace, unbind, within the
 * per-number account limit), the security email, the account email, and the public "which
 * accounts use this phone?" lookup. Each change is one transaction with its audit entry
 * (sensitive) and the notices to the old and new contacts.
 */
import type { Db, Trx } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { AppError, validationFailed } from '../platform/http/errors.js';
import type { RequestContext } from '../platform/http/context.js';
import { appendAudit, type AuditEntry } from '../platform/audit/audit.js';
import { consume } from '../platform/rate-limit/limiter.js';
import type { CodeService } from '../codes/service.js';
import type { Notifier } from '../notify/notifier.js';
import type { NotMeLinks } from '../signin/not-me-links.js';
import { checkPhone, normaliseEmail } from '../accounts/identifiers.js';
import { emailExists, findAccountById, findAccountsByPhone, type AccountRow } from '../accounts/store.js';
import { maskEmail, maskPhone } from '../accounts/service.js';
import { ACCOUNT_LOOKUP_MAX_RESULTS, ACCOUNT_LOOKUP_WINDOW_MS, ACCOUNT_LOOKUPS_PER_IP_PER_HOUR } from './constants.js';
import type { IdentityGate, IdentityProof } from './identity.js';
import { noticeContactChange } from './notices.js';
import { bindPhoneWithinLimit, countAccountsOnPhone, setAccountEmailIf, setPhoneIf, setSecurityEmailIf } from './store.js';

export interface ContactDeps {
  db: Db;
  clock: Clock;
  codes: CodeService;
  notifier: Notifier;
  notMe: NotMeLinks;
  identity: IdentityGate;
  phoneAccountLimit: number;
}

export function phoneOrFail(raw: string, field: string): string {
  const checked = checkPhone(raw);
  if (!checked.ok) throw validationFailed({ [field]: checked.reason });
  return checked.value;
}

export function emailOrFail(raw: string, field: string): string {
  const email = normaliseEmail(raw);
  if (!email) throw validationFailed({ [field]: 'not a valid email address' });
  return email;
}

export class ContactService {
  constructor(private readonly d: ContactDeps) {}

  private audit(trx: Trx, ctx: RequestContext, accountId: string, event: AuditEntry['event'], details: Record<string, unknown>) {
    return appendAudit(trx, this.d.clock.now(), {
      accountId, actor: { type: 'account', id: accountId }, event, result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details, sensitive: true,
    });
  }

  private async mustFind(accountId: string): Promise<AccountRow> {
    const account = await findAccountById(this.d.db, accountId);
    if (!account) throw new AppError('unauthenticated');
    return account;
  }

  private async proveNewContact(channel: 'sms' | 'email', destination: string, code: string): Promise<void> {
    if (!(await this.d.codes.verify(channel, destination, 'bind_contact', code))) throw new AppError('invalid_code', { fields: { code: 'wrong or expired code' } });
  }

  /** PUT /me/phone: bind a first number, or replace the bound one after identity verification. */
  async bindPhone(accountId: string, input: { phone: string; code: string; oldPhoneCode?: string | undefined }, ctx: RequestContext): Promise<void> {
    const phone = phoneOrFail(input.phone, 'phone');
    const account = await this.mustFind(accountId);
    if (account.phone === phone) {
      await this.proveNewContact('sms', phone, input.code);
      return;
    }
    if (account.phone) {
      await this.d.identity.require(account.id, { channel: 'sms', destination: account.phone, field: 'oldPhoneCode' }, { code: input.oldPhoneCode });
    }
    // Early, non-binding check so a full number does not cost the user their codes; the
    // transaction below is what enforces the limit.
    if ((await countAccountsOnPhone(this.d.db, phone, account.id)) >= this.d.phoneAccountLimit) throw this.limitError();
    await this.proveNewContact('sms', phone, input.code);
    await this.rebind(account, phone, ctx, { type: 'account', id: account.id }, {});
  }

  private limitError(): AppError {
    return new AppError('phone_limit_reached', { limit: this.d.phoneAccountLimit });
  }

  /**
   * Moves the account to `phone` within the limit, audits and notifies, in the caller's
   * transaction when given one (operator approval) or in its own.
   */
  async rebind(account: AccountRow, phone: string, ctx: RequestContext, actor: AuditEntry['actor'], extra: Record<string, unknown>, trx?: Trx): Promise<void> {
    const work = async (t: Trx) => {
      const now = this.d.clock.now();
      const outcome = await bindPhoneWithinLimit(t, account.id, account.phone, phone, this.d.phoneAccountLimit, now);
      if (outcome === 'limit_reached') throw this.limitError();
      if (outcome === 'changed_meanwhile') throw new AppError('conflict', { reason: 'the phone number changed meanwhile; reload and try again' });
      const event = account.phone ? 'contact.phone_changed' : 'contact.phone_bound';
      await appendAudit(t, now, {
        accountId: account.id, actor, event, result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, sensitive: true,
        details: { from: account.phone ? maskPhone(account.phone) : null, to: maskPhone(phone), ...extra },
      });
      const detail = account.phone ? `mobile phone ${maskPhone(account.phone)} → ${maskPhone(phone)}` : `mobile phone ${maskPhone(phone)} bound`;
      await noticeContactChange(this.d, t, account, { ...account, phone }, detail, ctx.ip, now);
    };
    if (trx) await work(trx);
    else await this.d.db.transaction().execute(work);
  }

  /** DELETE /me/phone: releases the number (it then counts for no one) after identity verification. */
  async unbindPhone(accountId: string, proof: IdentityProof, ctx: RequestContext): Promise<void> {
    const account = await this.mustFind(accountId);
    const old = account.phone;
    if (!old) throw new AppError('not_found', { reason: 'no phone number is bound' });
    await this.d.identity.require(account.id, { channel: 'sms', destination: old, field: 'code' }, proof);
    await this.d.db.transaction().execute(async (trx) => {
      const now = this.d.clock.now();
      if (!(await setPhoneIf(trx, account.id, old, null, now))) throw new AppError('conflict', { reason: 'the phone number changed meanwhile; reload and try again' });
      await this.audit(trx, ctx, account.id, 'contact.phone_unbound', { from: maskPhone(old) });
      await noticeContactChange(this.d, trx, account, { ...account, phone: null }, `mobile phone ${maskPhone(old)} unbound`, ctx.ip, now);
    });
  }

  /** PUT /me/security-email: receives codes and notices only; never a sign-in identifier. */
  async setSecurityEmail(accountId: string, input: { email: string; code: string; oldEmailCode?: string | undefined }, ctx: RequestContext): Promise<void> {
    const email = emailOrFail(input.email, 'email');
    const account = await this.mustFind(accountId);
    if (account.security_email === email) {
      await this.proveNewContact('email', email, input.code);
      return;
    }
    if (account.security_email) {
      await this.d.identity.require(account.id, { channel: 'email', destination: account.security_email, field: 'oldEmailCode' }, { code: input.oldEmailCode });
    }
    await this.proveNewContact('email', email, input.code);
    await this.d.db.transaction().execute(async (trx) => {
      const now = this.d.clock.now();
      if (!(await setSecurityEmailIf(trx, account.id, account.security_email, email, now))) throw new AppError('conflict', { reason: 'the security email changed meanwhile; reload and try again' });
      await this.audit(trx, ctx, account.id, 'contact.security_email_changed', { from: account.security_email ? maskEmail(account.security_email) : null, to: maskEmail(email) });
      const detail = account.security_email ? `security email ${maskEmail(account.security_email)} → ${maskEmail(email)}` : `security email ${maskEmail(email)} set`;
      await noticeContactChange(this.d, trx, account, { ...account, security_email: email }, detail, ctx.ip, now);
    });
  }

  /** PUT /me/email: the account email is a sign-in identifier, so it stays unique (409 email_taken). */
  async changeAccountEmail(accountId: string, input: { email: string; code: string; oldEmailCode?: string | undefined }, ctx: RequestContext): Promise<void> {
    const email = emailOrFail(input.email, 'email');
    const account = await this.mustFind(accountId);
    if (account.email === email) {
      await this.proveNewContact('email', email, input.code);
      return;
    }
    if (await emailExists(this.d.db, email)) throw new AppError('email_taken');
    await this.d.identity.require(account.id, { channel: 'email', destination: account.email, field: 'oldEmailCode' }, { code: input.oldEmailCode });
    await this.proveNewContact('email', email, input.code);
    try {
      await this.d.db.transaction().execute(async (trx) => {
        const now = this.d.clock.now();
        if (!(await setAccountEmailIf(trx, account.id, account.email, email, now))) throw new AppError('conflict', { reason: 'the account email changed meanwhile; reload and try again' });
        await this.audit(trx, ctx, account.id, 'contact.email_changed', { from: maskEmail(account.email), to: maskEmail(email) });
        await noticeContactChange(this.d, trx, account, { ...account, email }, `account email ${maskEmail(account.email)} → ${maskEmail(email)}`, ctx.ip, now);
      });
    } catch (err) {
      // Someone registered or moved to the address between the check and the update: the unique index decided.
      if (!(err instanceof AppError) && (await emailExists(this.d.db, email))) throw new AppError('email_taken');
      throw err;
    }
  }

  /**
   * "Which accounts use this phone?" (seed 001, Retrieve Account page). Nothing is read
   * before the code (purpose `verify`) is proven, so an unknown number and a known one answer
   * alike until then; afterwards the phone's owner sees ids and masked emails only.
   */
  async lookupByPhone(input: { phone: string; code: string }, ctx: RequestContext): Promise<{ accounts: Array<{ id: string; maskedEmail: string }> }> {
    const phone = phoneOrFail(input.phone, 'phone');
    const now = this.d.clock.now();
    await consume(this.d.db, { name: 'account-lookup-ip', max: ACCOUNT_LOOKUPS_PER_IP_PER_HOUR, windowMs: ACCOUNT_LOOKUP_WINDOW_MS }, ctx.ip, now);
    if (!(await this.d.codes.verify('sms', phone, 'verify', input.code))) throw new AppError('invalid_code', { fields: { code: 'wrong or expired code' } });
    const accounts = await findAccountsByPhone(this.d.db, phone, ACCOUNT_LOOKUP_MAX_RESULTS);
    if (accounts.length > 0) {
      await this.d.db.transaction().execute(async (trx) => {
        for (const a of accounts) {
          await appendAudit(trx, now, {
            accountId: a.id, actor: { type: 'anonymous', id: null }, event: 'contact.accounts_looked_up', result: 'success',
            ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { phone: maskPhone(phone), accountsListed: accounts.length },
          });
        }
      });
    }
    return { accounts: accounts.map((a) => ({ id: a.id, maskedEmail: maskEmail(a.email) })) };
  }
}
