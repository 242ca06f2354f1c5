/**
 * Operation protection (step-up verification):
 *
 *   protected request ──no valid X-Verification-Token──→ 403 verification_required {ticket, methods}
 *   POST /verifications/{ticket}/send {method}          → code sent (sms/email) or WebAuthn options
 *   POST /verifications/{ticket} {method, code|assertion} → {verificationToken, expiresAt}
 *   retried request with X-Verification-Token          → token redeemed (once, for this operation
 *                                                         and account), operation runs, its audit
 *                                                         entries carry `verificationId`
 *
 * Tickets and tokens are random 256-bit strings stored only as SHA-256 hashes.
 */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { MINUTE_MS, toIso } from '../platform/clock.js';
import { newId, randomTokenBase64Url, sha256Base64Url } from '../platform/crypto.js';
import { AppError, validationFailed } from '../platform/http/errors.js';
import type { RequestContext } from '../platform/http/context.js';
import { appendAudit, type AuditEntry } from '../platform/audit/audit.js';
import { linkVerification } from '../platform/audit/request-links.js';
import { findAccountById, findSecuritySettings, type AccountRow } from '../accounts/store.js';
import type { FactorProof, FactorRegistry } from '../factors/factor.js';
import { OPERATIONS, type OperationName } from './operations.js';
import { decideStepUp } from './policy.js';
import { findVerificationByTicket, insertVerification, markVerified, redeemToken, spendVerificationAttempt } from './store.js';

/** Time to complete the verification after the 403. */
export const TICKET_TTL_MS = 10 * MINUTE_MS;
/** A verification token is for the retry that follows at once, not for later. */
export const TOKEN_TTL_MS = 5 * MINUTE_MS;
export const VERIFICATION_TOKEN_HEADER = 'x-verification-token';

export class ProtectionService {
  constructor(private readonly d: { db: Db; clock: Clock; factors: FactorRegistry; context: (request: FastifyRequest) => RequestContext }) {}

  private audit(accountId: string, event: AuditEntry['event'], result: 'success' | 'failure', details: Record<string, unknown>, ctx: RequestContext) {
    return this.d.db.transaction().execute((trx) =>
      appendAudit(trx, this.d.clock.now(), { accountId, actor: { type: 'account', id: accountId }, event, result, ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details }),
    );
  }

  /**
   * The one-line guard for a protected route: returns the redeemed verification's id (or null
   * when none was needed), or throws 403 `verification_required` with a fresh ticket.
   */
  async require(request: FastifyRequest, operation: OperationName): Promise<{ verificationId: string | null }> {
    const session = request.session;
    if (!session || session.subjectType !== 'account') throw new AppError('unauthenticated');
    const account = await findAccountById(this.d.db, session.subjectId);
    if (!account) throw new AppError('unauthenticated');
    const decision = await this.decide(account, operation);
    if (!decision.required) return { verificationId: null };
    const ctx = this.d.context(request);
    const header = request.headers[VERIFICATION_TOKEN_HEADER];
    const token = typeof header === 'string' && header.length > 0 && header.length <= 128 ? header : null;
    if (token) {
      const id = await redeemToken(this.d.db, sha256Base64Url(token), account.id, operation, this.d.clock.now());
      if (id) {
        linkVerification(id, account.id);
        return { verificationId: id };
      }
      await this.audit(account.id, 'verification.token_rejected', 'failure', { operation }, ctx);
    }
    const ticket = await this.openTicket(account, operation, decision.methods, ctx);
    throw new AppError('verification_required', { ticket, methods: decision.methods, operation, ...(token ? { reason: 'token_invalid' } : {}) });
  }

  async decide(account: AccountRow, operation: OperationName) {
    const settings = await findSecuritySettings(this.d.db, account.id);
    const available = await this.d.factors.availableFor(account);
    return decideStepUp(OPERATIONS[operation], {
      operationProtection: settings?.operation_protection === 1,
      operationMethods: JSON.parse(settings?.operation_protection_methods ?? '[]') as string[],
    }, available);
  }

  private async openTicket(account: AccountRow, operation: OperationName, methods: string[], ctx: RequestContext): Promise<string> {
    const now = this.d.clock.now();
    const ticket = randomTokenBase64Url(32);
    const id = newId();
    await this.d.db.transaction().execute(async (trx) => {
      await insertVerification(trx, {
        id, ticket_hash: sha256Base64Url(ticket), account_id: account.id, operation, methods: JSON.stringify(methods), attempts: 0,
        created_at: now, expires_at: now + TICKET_TTL_MS, verified_at: null, method: null, token_hash: null, token_expires_at: null, used_at: null,
      });
      await appendAudit(trx, now, { accountId: account.id, actor: { type: 'account', id: account.id }, event: 'verification.required', result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { verificationId: id, operation, methods } });
    });
    return ticket;
  }

  private async live(accountId: string, ticket: string) {
    const row = ticket.length <= 128 ? await findVerificationByTicket(this.d.db, sha256Base64Url(ticket)) : undefined;
    // Another account's ticket looks exactly like an expired one.
    if (!row || row.account_id !== accountId || row.verified_at !== null || Number(row.expires_at) <= this.d.clock.now()) throw new AppError('ticket_expired');
    const account = await findAccountById(this.d.db, accountId);
    if (!account) throw new AppError('ticket_expired');
    return { row, account, methods: JSON.parse(row.methods) as string[] };
  }

  private factorFor(methods: string[], method: string) {
    const factor = this.d.factors.get(method);
    if (!factor || !methods.includes(method)) throw validationFailed({ method: `must be one of ${methods.join(', ')}` });
    return factor;
  }

  /** Sends the code (sms/email) or returns WebAuthn options for the ticket. */
  async prepare(accountId: string, ticket: string, method: string, ctx: RequestContext): Promise<Record<string, unknown>> {
    const { row, account, methods } = await this.live(accountId, ticket);
    const factor = this.factorFor(methods, method);
    if (!factor.prepare) throw validationFailed({ method: `${method} needs nothing sent; submit the code` });
    return (await factor.prepare(account, ctx, row.id)) ?? {};
  }

  async verify(accountId: string, ticket: string, method: string, proof: FactorProof, ctx: RequestContext): Promise<{ verificationToken: string; expiresAt: string }> {
    const { row, account, methods } = await this.live(accountId, ticket);
    const factor = this.factorFor(methods, method);
    const now = this.d.clock.now();
    if (!(await spendVerificationAttempt(this.d.db, row.id, now))) throw new AppError('ticket_expired');
    if (!(await factor.verify(account, proof, ctx, row.id))) {
      await this.audit(account.id, 'verification.failed', 'failure', { verificationId: row.id, operation: row.operation, method }, ctx);
      throw new AppError(method === 'webauthn' ? 'invalid_assertion' : 'invalid_code');
    }
    const token = randomTokenBase64Url(32);
    const expiresAt = now + TOKEN_TTL_MS;
    if (!(await markVerified(this.d.db, row.id, method, sha256Base64Url(token), expiresAt, now))) throw new AppError('ticket_expired');
    await this.audit(account.id, 'verification.succeeded', 'success', { verificationId: row.id, operation: row.operation, method }, ctx);
    return { verificationToken: token, expiresAt: toIso(expiresAt) };
  }
}
