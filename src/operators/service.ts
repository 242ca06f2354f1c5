/**
 * The platform's staff. Operators are not customer accounts: their own table, sign-in endpoint
 * and cookie, but the same argon2id hashing and the same 3/10/24-hour brute-force gate. Every
 * operator action on an account is audited with the operator as actor, on that account's trail.
 */
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { toIso } from '../platform/clock.js';
import { AppError, validationFailed } from '../platform/http/errors.js';
import type { RequestContext } from '../platform/http/context.js';
import { appendAudit } from '../platform/audit/audit.js';
import type { AuditEventName } from '../platform/audit/events.js';
import { newId, type KeyRing } from '../platform/crypto.js';
import type { PasswordHasher } from '../platform/password-hasher.js';
import type { CaptchaService } from '../captcha/service.js';
import type { SessionService } from '../sessions/service.js';
import type { PasswordGate } from '../signin/password-gate.js';
import { clearGuard, readGuard } from '../signin/store.js';
import { normaliseEmail, normalisePhone } from '../accounts/identifiers.js';
import { commonPasswords } from '../accounts/password-blocklist.js';
import { passwordWeaknesses } from '../accounts/password-policy.js';
import { findAccountByEmail, findAccountById, findAccountsByPhone, setAccountLock, type AccountRow } from '../accounts/store.js';
import type { OperatorRole, OperatorsTable } from './schema.js';
import { GuardKeys } from '../signin/guard-keys.js';

export const OPERATOR_ROLES: readonly OperatorRole[] = ['admin', 'reviewer'];

export interface OperatorDeps {
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  gate: PasswordGate;
  captcha: CaptchaService;
  sessions: SessionService;
  keyRing: KeyRing;
}

export class OperatorService {
  private readonly guardKeys: GuardKeys;

  constructor(private readonly d: OperatorDeps) {
    this.guardKeys = new GuardKeys(d.keyRing);
  }

  async create(input: { email: string; name: string; password: string; role: OperatorRole }): Promise<{ id: string }> {
    const email = normaliseEmail(input.email);
    if (!email) throw validationFailed({ email: 'not a valid email address' });
    if (!OPERATOR_ROLES.includes(input.role)) throw validationFailed({ role: `must be one of ${OPERATOR_ROLES.join(', ')}` });
    const reasons = passwordWeaknesses(input.password, email, commonPasswords());
    if (reasons.length > 0) throw new AppError('weak_password', { reasons });
    const id = newId();
    const now = this.d.clock.now();
    const hash = await this.d.hasher.hash(input.password);
    await this.d.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('operators').select('id').where('email', '=', email).executeTakeFirst();
      if (existing) throw new AppError('conflict', { fields: { email: 'an operator with this email exists' } });
      await trx.insertInto('operators').values({ id, email, name: input.name, password_hash: hash, role: input.role, created_at: now, disabled_at: null }).execute();
      await appendAudit(trx, now, { accountId: null, actor: { type: 'system', id: null }, event: 'operator.created', result: 'success', ip: null, userAgent: 'gatehouse-cli', location: null, details: { operatorId: id, email, role: input.role } });
    });
    return { id };
  }

  async signIn(input: { email: string; password: string; captcha?: string }, ctx: RequestContext): Promise<{ token: string; sessionId: string; expiresAt: number; operator: { id: string; role: OperatorRole } }> {
    const email = normaliseEmail(input.email);
    const operator = email ? await this.d.db.selectFrom('operators').selectAll().where('email', '=', email).where('disabled_at', 'is', null).executeTakeFirst() : undefined;
    const guardKey = this.guardKeys.forOperatorSignIn(operator?.id ?? null, email ?? input.email);
    const gate = await this.d.gate.pass({ guardKey, passwordHash: operator?.password_hash ?? null, password: input.password, captcha: input.captcha, ip: ctx.ip });
    const now = this.d.clock.now();
    const audit = (event: AuditEventName, result: 'success' | 'failure', details: Record<string, unknown>) =>
      this.d.db.transaction().execute((trx) =>
        appendAudit(trx, now, { accountId: null, actor: operator ? { type: 'operator', id: operator.id } : { type: 'anonymous', id: null }, event, result, ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details }),
      );
    switch (gate.kind) {
      case 'captcha_required':
        await audit('operator.signin.failed', 'failure', { reason: 'captcha_required' });
        throw new AppError('captcha_required', { captcha: await this.d.captcha.challenge() });
      case 'locked':
      case 'locked_now':
        await audit('operator.signin.failed', 'failure', { reason: 'locked' });
        throw new AppError('account_locked', { lockedUntil: toIso(gate.lockedUntil) });
      case 'wrong_password':
        await audit('operator.signin.failed', 'failure', { reason: 'invalid_credentials', failures: gate.failures });
        throw new AppError('invalid_credentials');
      case 'ok':
        break;
    }
    const op = operator!;
    if (gate.needsRehash) await this.d.db.updateTable('operators').set({ password_hash: await this.d.hasher.hash(input.password) }).where('id', '=', op.id).execute();
    const session = await this.d.db.transaction().execute(async (trx) => {
      const created = await this.d.sessions.create(trx, { subjectType: 'operator', subjectId: op.id, ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, authMethods: ['password'] });
      await appendAudit(trx, now, { accountId: null, actor: { type: 'operator', id: op.id }, event: 'operator.signin.succeeded', result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { sessionId: created.id } });
      return created;
    });
    return { token: session.token, sessionId: session.id, expiresAt: session.expiresAt, operator: { id: op.id, role: op.role } };
  }

  async find(id: string): Promise<OperatorsTable> {
    const op = await this.d.db.selectFrom('operators').selectAll().where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
    if (!op) throw new AppError('unauthenticated');
    return op;
  }

  async requireRole(operatorId: string, roles: readonly OperatorRole[]): Promise<OperatorsTable> {
    const op = await this.find(operatorId);
    if (!roles.includes(op.role)) throw new AppError('forbidden', { requiredRoles: roles });
    return op;
  }

  async lookup(operatorId: string, q: { id?: string; email?: string; phone?: string }, ctx: RequestContext) {
    let accounts: AccountRow[] = [];
    if (q.id) accounts = [await findAccountById(this.d.db, q.id)].filter((a): a is AccountRow => !!a);
    else if (q.email) {
      const email = normaliseEmail(q.email);
      accounts = email ? [await findAccountByEmail(this.d.db, email)].filter((a): a is AccountRow => !!a) : [];
    } else if (q.phone) {
      const phone = normalisePhone(q.phone);
      if (!phone) throw validationFailed({ phone: 'not a valid phone number' });
      accounts = await findAccountsByPhone(this.d.db, phone);
    } else throw validationFailed({ query: 'give one of id, email, phone' });
    const now = this.d.clock.now();
    const views = [];
    for (const a of accounts) {
      const guard = await readGuard(this.d.db, GuardKeys.account(a.id));
      const activeSessions = (await this.d.sessions.list('account', a.id, null)).length;
      views.push({
        id: a.id, email: a.email, phone: a.phone, securityEmail: a.security_email, status: a.status, locale: a.locale,
        realNameStatus: a.realname_status, createdAt: toIso(Number(a.created_at)), lastSignInAt: a.last_sign_in_at ? toIso(Number(a.last_sign_in_at)) : null,
        lock: {
          manual: a.locked_reason,
          lockedAt: a.locked_at ? toIso(Number(a.locked_at)) : null,
          passwordLockedUntil: guard && guard.lockedUntil > now ? toIso(guard.lockedUntil) : null,
          recentFailures: guard && guard.windowStartedAt + 86_400_000 > now ? guard.failures : 0,
        },
        activeSessions,
      });
    }
    await this.d.db.transaction().execute(async (trx) => {
      for (const a of accounts) {
        await appendAudit(trx, now, { accountId: a.id, actor: { type: 'operator', id: operatorId }, event: 'operator.account_viewed', result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { query: Object.keys(q)[0] } });
      }
    });
    return { accounts: views };
  }

  private async actOn(operatorId: string, accountId: string, ctx: RequestContext, action: (trx: Db, account: AccountRow, now: number) => Promise<{ event: AuditEventName; details: Record<string, unknown> }>): Promise<void> {
    const now = this.d.clock.now();
    await this.d.db.transaction().execute(async (trx) => {
      const account = await findAccountById(trx, accountId);
      if (!account) throw new AppError('not_found');
      const { event, details } = await action(trx, account, now);
      await appendAudit(trx, now, { accountId, actor: { type: 'operator', id: operatorId }, event, result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details });
    });
  }

  lock(operatorId: string, accountId: string, reason: string, ctx: RequestContext): Promise<void> {
    return this.actOn(operatorId, accountId, ctx, async (trx, account, now) => {
      await setAccountLock(trx, account.id, 'operator', now);
      const ended = await this.d.sessions.revokeAll(trx, 'account', account.id, 'locked_by_operator');
      return { event: 'operator.account_locked', details: { reason, sessionsEnded: ended } };
    });
  }

  /** Clears an operator lock, a "not me" lock and the brute-force counter. */
  unlock(operatorId: string, accountId: string, reason: string, ctx: RequestContext): Promise<void> {
    return this.actOn(operatorId, accountId, ctx, async (trx, account, now) => {
      await setAccountLock(trx, account.id, null, now);
      await clearGuard(trx, GuardKeys.account(account.id));
      return { event: 'operator.account_unlocked', details: { reason, previous: account.locked_reason } };
    });
  }

  forceSignOut(operatorId: string, accountId: string, reason: string, ctx: RequestContext): Promise<void> {
    return this.actOn(operatorId, accountId, ctx, async (trx, account) => {
      const ended = await this.d.sessions.revokeAll(trx, 'account', account.id, 'signed_out_by_operator');
      return { event: 'operator.sessions_revoked', details: { reason, sessionsEnded: ended } };
    });
  }
}
