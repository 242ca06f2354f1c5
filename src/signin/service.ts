/**
 * Password sign-in, start to finish:
 *
 *   identifier → account (or none) → PasswordGate (IP limit, 3/10/24h guard, captcha, argon2id)
 *   → risk record (usual cities, travel, device, interval) → second step owed?
 *       yes → challenge row + 202 `verification_required` (login or remote-login protection)
 *       no  → session + history row + audit + notices (remote_login, long_interval_login), one transaction
 *
 * Every outcome, failures included, is audited in the transaction of the change it records.
 * Unknown identifiers walk the same path with a guard keyed by a hash of the identifier and a
 * dummy password hash, so status, body and timing match a real account's.
 */
import type { Db, Trx } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { MINUTE_MS, toIso } from '../platform/clock.js';
import { AppError } from '../platform/http/errors.js';
import type { RequestContext } from '../platform/http/context.js';
import { appendAudit, type AuditEntry } from '../platform/audit/audit.js';
import { newId, randomTokenBase64Url, sha256Base64Url, type KeyRing } from '../platform/crypto.js';
import type { PasswordHasher } from '../platform/password-hasher.js';
import type { CaptchaService } from '../captcha/service.js';
import { classifyIdentifier } from '../accounts/identifiers.js';
import { findAccountByEmail, findAccountById, findAccountsByPhone, findSecuritySettings, recordSignInTime, updatePasswordHash, type AccountRow } from '../accounts/store.js';
import { noticeTargetOf } from '../accounts/notice-target.js';
import type { SessionService } from '../sessions/service.js';
import type { Notifier } from '../notify/notifier.js';
import { formatLocation, formatNoticeTime } from '../notify/format.js';
import type { Locale } from '../notify/templates/index.js';
import type { FactorRegistry, FactorProof } from '../factors/factor.js';
import type { PasswordGate } from './password-gate.js';
import type { RiskRecord, SignInRiskAssessor } from './risk-port.js';
import { CHALLENGE_MAX_ATTEMPTS, completeChallenge, findChallenge, insertChallenge, spendChallengeAttempt } from './challenges.js';
import { insertSignIn } from './store.js';
import type { NotMeLinks } from './not-me-links.js';
import { noticeFacts } from '../risk/notice-facts.js';
import { loginMethods } from '../protection/policy.js';
import { GuardKeys } from './guard-keys.js';

const CHALLENGE_TTL_MS = 10 * MINUTE_MS;

export type SignInResult =
  | { kind: 'session'; token: string; sessionId: string; expiresAt: number; accountId: string }
  | { kind: 'challenge'; ticket: string; reason: 'login_protection' | 'remote_login_protection'; methods: string[] };

export interface SignInDeps {
  db: Db;
  clock: Clock;
  keyRing: KeyRing;
  hasher: PasswordHasher;
  gate: PasswordGate;
  captcha: CaptchaService;
  sessions: SessionService;
  notifier: Notifier;
  risk: SignInRiskAssessor;
  factors: FactorRegistry;
  notMe: NotMeLinks;
}

export class SignInService {
  private readonly guardKeys: GuardKeys;

  constructor(private readonly d: SignInDeps) {
    this.guardKeys = new GuardKeys(d.keyRing);
  }

  private async resolve(identifier: string): Promise<AccountRow | undefined> {
    const id = classifyIdentifier(identifier);
    if (!id) return undefined;
    if (id.kind === 'email') return findAccountByEmail(this.d.db, id.value);
    if (id.kind === 'account_id') return findAccountById(this.d.db, id.value);
    // A number shared by several accounts cannot say which one is meant: sign in by email or id.
    const owners = await findAccountsByPhone(this.d.db, id.value, 2);
    return owners.length === 1 ? owners[0] : undefined;
  }

  private audit(trx: Trx, entry: Omit<AuditEntry, 'ip' | 'userAgent' | 'location'>, ctx: RequestContext) {
    return appendAudit(trx, this.d.clock.now(), { ...entry, ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location });
  }

  async signInWithPassword(input: { identifier: string; password: string; captcha?: string }, ctx: RequestContext): Promise<SignInResult> {
    const account = await this.resolve(input.identifier);
    const normalised = classifyIdentifier(input.identifier)?.value ?? input.identifier.trim().toLowerCase();
    const guardKey = this.guardKeys.forAccountSignIn(account?.id ?? null, normalised);
    if (account && (account.locked_reason || account.status !== 'active')) {
      await this.d.hasher.verifyDummy(input.password);
      await this.failureAudit(account, 'account_locked', ctx);
      throw new AppError('account_locked', { lockedUntil: null, reason: account.locked_reason ?? 'disabled' });
    }
    const gate = await this.d.gate.pass({ guardKey, passwordHash: account?.password_hash ?? null, password: input.password, captcha: input.captcha, ip: ctx.ip });
    switch (gate.kind) {
      case 'captcha_required':
        await this.failureAudit(account, gate.captchaRejected ? 'captcha_invalid' : 'captcha_required', ctx, 'signin.captcha_required');
        throw new AppError('captcha_required', { captcha: await this.d.captcha.challenge(), ...(gate.captchaRejected ? { reason: 'captcha_invalid' } : {}) });
      case 'locked':
        await this.failureAudit(account, 'locked', ctx);
        throw new AppError('account_locked', { lockedUntil: toIso(gate.lockedUntil) });
      case 'locked_now':
        await this.lockedNow(account, gate.lockedUntil, gate.failures, ctx);
        throw new AppError('account_locked', { lockedUntil: toIso(gate.lockedUntil) });
      case 'wrong_password':
        await this.failureAudit(account, 'invalid_credentials', ctx, 'signin.failed', { failures: gate.failures });
        throw new AppError('invalid_credentials');
      case 'ok':
        break;
    }
    const signedIn = account!;
    if (gate.needsRehash) {
      await updatePasswordHash(this.d.db, signedIn.id, await this.d.hasher.hash(input.password), this.d.clock.now(), false);
    }
    return this.afterFirstFactor(signedIn, 'password', ctx);
  }

  /**
   * The first factor is proven (password, or an SMS code for code sign-in). Decide whether a
   * second step is owed; if not, complete the sign-in.
   */
  async afterFirstFactor(account: AccountRow, firstFactor: string, ctx: RequestContext): Promise<SignInResult> {
    const now = this.d.clock.now();
    const risk = await this.d.risk.assess(account.id, ctx, now);
    const settings = await findSecuritySettings(this.d.db, account.id);
    let reason: 'login_protection' | 'remote_login_protection' | null = null;
    let allowed: string[] | undefined;
    if (settings?.login_protection === 1) {
      reason = 'login_protection';
      allowed = JSON.parse(settings.login_protection_methods) as string[];
    } else if (settings?.remote_login_protection === 1 && risk.unusualLocation) {
      reason = 'remote_login_protection';
    }
    if (reason) {
      // The first factor never counts as the second: a code sign-in cannot be confirmed by the same phone.
      const methods = loginMethods(allowed ?? [], await this.d.factors.availableFor(account)).filter((m) => m !== firstFactor);
      if (methods.length > 0) return this.openChallenge(account, reason, methods, firstFactor, risk, ctx);
    }
    return this.complete(account, [firstFactor], risk, ctx);
  }

  private async openChallenge(account: AccountRow, reason: 'login_protection' | 'remote_login_protection', methods: string[], firstFactor: string, risk: RiskRecord, ctx: RequestContext): Promise<SignInResult> {
    const now = this.d.clock.now();
    const ticket = randomTokenBase64Url(32);
    await this.d.db.transaction().execute(async (trx) => {
      await insertChallenge(trx, {
        id: newId(),
        ticket_hash: sha256Base64Url(ticket),
        account_id: account.id,
        reason,
        methods: JSON.stringify(methods),
        first_factor: firstFactor,
        risk: JSON.stringify(risk),
        ip: ctx.ip,
        user_agent: ctx.userAgent,
        attempts: 0,
        created_at: now,
        expires_at: now + CHALLENGE_TTL_MS,
        completed_at: null,
      });
      await insertSignIn(trx, this.historyRow(account.id, now, firstFactor, 'challenged', reason, ctx, risk));
      await this.audit(trx, { accountId: account.id, actor: { type: 'account', id: account.id }, event: 'signin.challenged', result: 'success', details: { reason, methods, risk: riskSummary(risk) } }, ctx);
    });
    return { kind: 'challenge', ticket, reason, methods };
  }

  private async liveChallenge(ticket: string) {
    const row = typeof ticket === 'string' && ticket.length <= 128 ? await findChallenge(this.d.db, sha256Base64Url(ticket)) : undefined;
    if (!row || row.completed_at !== null || Number(row.expires_at) <= this.d.clock.now() || row.attempts >= CHALLENGE_MAX_ATTEMPTS) {
      throw new AppError('ticket_expired');
    }
    const account = await findAccountById(this.d.db, row.account_id);
    if (!account) throw new AppError('ticket_expired');
    return { row, account };
  }

  /** Sends the code (sms/email) or returns the options (WebAuthn) a challenge method needs. */
  async prepareChallenge(ticket: string, method: string, ctx: RequestContext): Promise<Record<string, unknown>> {
    const { row, account } = await this.liveChallenge(ticket);
    const methods = JSON.parse(row.methods) as string[];
    const factor = this.d.factors.get(method);
    if (!factor || !methods.includes(method) || !factor.prepare) throw new AppError('validation_failed', { fields: { method: `must be one of ${methods.join(', ')}` } });
    return (await factor.prepare(account, ctx, row.id)) ?? {};
  }

  async completeChallenge(ticket: string, method: string, proof: FactorProof, ctx: RequestContext): Promise<SignInResult> {
    const { row, account } = await this.liveChallenge(ticket);
    const methods = JSON.parse(row.methods) as string[];
    const factor = this.d.factors.get(method);
    if (!factor || !methods.includes(method)) throw new AppError('validation_failed', { fields: { method: `must be one of ${methods.join(', ')}` } });
    const now = this.d.clock.now();
    if (!(await spendChallengeAttempt(this.d.db, row.id, now))) throw new AppError('ticket_expired');
    if (!(await factor.verify(account, proof, ctx, row.id))) {
      await this.d.db.transaction().execute((trx) =>
        this.audit(trx, { accountId: account.id, actor: { type: 'account', id: account.id }, event: 'signin.failed', result: 'failure', details: { reason: 'invalid_code', method, challenge: row.reason } }, ctx),
      );
      throw new AppError('invalid_code');
    }
    if (!(await completeChallenge(this.d.db, row.id, now))) throw new AppError('ticket_expired');
    return this.complete(account, [row.first_factor, method], JSON.parse(row.risk) as RiskRecord, ctx);
  }

  private historyRow(accountId: string, now: number, method: string, result: 'success' | 'failure' | 'challenged' | 'locked', reason: string | null, ctx: RequestContext, risk: RiskRecord | null) {
    return {
      id: newId(),
      account_id: accountId,
      at: now,
      method,
      result,
      reason,
      ip: ctx.ip,
      user_agent: ctx.userAgent,
      device_id: risk?.deviceId ?? '',
      location: JSON.stringify(ctx.location),
      city_key: risk?.cityKey ?? null,
      risk: JSON.stringify(risk ? riskSummary(risk) : {}),
    };
  }

  private async complete(account: AccountRow, factors: string[], risk: RiskRecord, ctx: RequestContext): Promise<SignInResult> {
    const now = this.d.clock.now();
    const session = await this.d.db.transaction().execute(async (trx) => {
      const created = await this.d.sessions.create(trx, { subjectType: 'account', subjectId: account.id, ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, authMethods: factors });
      await insertSignIn(trx, this.historyRow(account.id, now, factors.join('+'), 'success', null, ctx, risk));
      await recordSignInTime(trx, account.id, now);
      await this.audit(trx, { accountId: account.id, actor: { type: 'account', id: account.id }, event: 'signin.succeeded', result: 'success', details: { methods: factors, sessionId: created.id, risk: riskSummary(risk) } }, ctx);
      await this.riskNotices(trx, account, risk, ctx, now);
      return created;
    });
    return { kind: 'session', token: session.token, sessionId: session.id, expiresAt: session.expiresAt, accountId: account.id };
  }

  /** The seed's two reminders that cannot be turned off. */
  private async riskNotices(trx: Trx, account: AccountRow, risk: RiskRecord, ctx: RequestContext, now: number): Promise<void> {
    const locale = account.locale as Locale;
    const target = noticeTargetOf(account);
    const common = { time: formatNoticeTime(now, locale), ip: ctx.ip, location: formatLocation(ctx.location) };
    if (risk.unusualLocation) {
      const notMeUrl = await this.d.notMe.issue(trx, account.id, 'remote_login', now);
      await this.d.notifier.notice(trx, target, 'remote_login', { ...common, device: risk.deviceLabel, notMeUrl, ...noticeFacts(risk.signals) }, now);
    }
    if (risk.longInterval && risk.previousSignInAt !== null) {
      const notMeUrl = await this.d.notMe.issue(trx, account.id, 'long_interval_login', now);
      await this.d.notifier.notice(trx, target, 'long_interval_login', { ...common, previousTime: formatNoticeTime(risk.previousSignInAt, locale), notMeUrl }, now);
    }
  }

  private async failureAudit(account: AccountRow | undefined, reason: string, ctx: RequestContext, event: 'signin.failed' | 'signin.captcha_required' = 'signin.failed', extra: Record<string, unknown> = {}): Promise<void> {
    const now = this.d.clock.now();
    await this.d.db.transaction().execute(async (trx) => {
      if (account) await insertSignIn(trx, this.historyRow(account.id, now, 'password', 'failure', reason, ctx, null));
      await this.audit(
        trx,
        {
          accountId: account?.id ?? null,
          actor: account ? { type: 'account', id: account.id } : { type: 'anonymous', id: null },
          event,
          result: 'failure',
          details: { reason, ...extra },
        },
        ctx,
      );
    });
  }

  private async lockedNow(account: AccountRow | undefined, lockedUntil: number, failures: number, ctx: RequestContext): Promise<void> {
    const now = this.d.clock.now();
    await this.d.db.transaction().execute(async (trx) => {
      const actor = account ? ({ type: 'account', id: account.id } as const) : ({ type: 'anonymous', id: null } as const);
      if (account) await insertSignIn(trx, this.historyRow(account.id, now, 'password', 'locked', 'invalid_credentials', ctx, null));
      await this.audit(trx, { accountId: account?.id ?? null, actor, event: 'signin.failed', result: 'failure', details: { reason: 'invalid_credentials', failures } }, ctx);
      await this.audit(trx, { accountId: account?.id ?? null, actor: { type: 'system', id: null }, event: 'account.locked', result: 'success', details: { reason: 'too_many_wrong_passwords', failures, lockedUntil: toIso(lockedUntil) } }, ctx);
      if (account) {
        const locale = account.locale as Locale;
        await this.d.notifier.notice(trx, noticeTargetOf(account), 'account_locked', { lockedUntil: formatNoticeTime(lockedUntil, locale), ip: ctx.ip }, now);
      }
    });
  }
}

/** What of a risk record is stored with history and shown to the owner (an allow-list). */
export function riskSummary(risk: RiskRecord) {
  return {
    unusualLocation: risk.unusualLocation,
    longInterval: risk.longInterval,
    impossibleTravel: risk.impossibleTravel,
    newDevice: risk.newDevice,
    score: risk.score,
    device: risk.deviceLabel,
    signals: risk.signals,
  };
}
