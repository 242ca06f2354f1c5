/**
 * The signed-in account's own pages: profile and settings, sessions, sign-in history, the
 * message centre and the audit trail. Views are allow-lists: nothing leaves that is not named.
 */
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { toIso } from '../platform/clock.js';
import { AppError } from '../platform/http/errors.js';
import type { RequestContext } from '../platform/http/context.js';
import { appendAudit, listAudit } from '../platform/audit/audit.js';
import { findAccountById, findSecuritySettings } from '../accounts/store.js';
import { maskEmail, maskPhone } from '../accounts/service.js';
import { noticeTargetOf } from '../accounts/notice-target.js';
import type { SessionService } from '../sessions/service.js';
import type { Notifier } from '../notify/notifier.js';
import { formatNoticeTime } from '../notify/format.js';
import type { Locale } from '../notify/templates/index.js';
import { countUnread, inboxOf, markRead } from '../notify/store.js';
import { listSignIns } from '../signin/store.js';
import { formatTimeCursor, parseTimeCursor } from '../platform/db/time-cursor.js';

export interface MfaDeviceView {
  id: string;
  type: 'totp' | 'webauthn' | 'hardware_token';
  name: string;
  createdAt: string;
}

/** Lets the MFA module list an account's devices on `/me` without `me` knowing its tables. */
export type MfaLister = (accountId: string) => Promise<MfaDeviceView[]>;

export class MeService {
  private mfaLister: MfaLister = async () => [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly notifier: Notifier,
  ) {}

  setMfaLister(lister: MfaLister): void {
    this.mfaLister = lister;
  }

  async profile(accountId: string) {
    const account = await findAccountById(this.db, accountId);
    if (!account) throw new AppError('unauthenticated');
    const settings = await findSecuritySettings(this.db, accountId);
    return {
      account: {
        id: account.id,
        email: account.email,
        locale: account.locale,
        createdAt: toIso(Number(account.created_at)),
        realNameStatus: account.realname_status,
        type: account.parent_account_id ? 'sub' : 'root',
        passwordChangedAt: account.password_changed_at ? toIso(Number(account.password_changed_at)) : null,
        lastSignInAt: account.last_sign_in_at ? toIso(Number(account.last_sign_in_at)) : null,
      },
      contacts: {
        email: account.email,
        phone: account.phone ? maskPhone(account.phone) : null,
        securityEmail: account.security_email ? maskEmail(account.security_email) : null,
      },
      security: {
        loginProtection: { enabled: settings?.login_protection === 1, methods: JSON.parse(settings?.login_protection_methods ?? '[]') as string[] },
        operationProtection: { enabled: settings?.operation_protection === 1, methods: JSON.parse(settings?.operation_protection_methods ?? '[]') as string[] },
        remoteLoginProtection: { enabled: settings?.remote_login_protection === 1 },
      },
      mfa: await this.mfaLister(accountId),
    };
  }

  async logins(accountId: string, limit: number, cursor?: string) {
    const rows = await listSignIns(this.db, accountId, limit + 1, parseTimeCursor(cursor));
    const page = rows.slice(0, limit);
    return {
      logins: page.map((r) => {
        const location = JSON.parse(r.location) as Record<string, unknown>;
        return {
          id: r.id,
          at: toIso(Number(r.at)),
          ip: r.ip,
          location: { country: location.country ?? null, region: location.region ?? null, city: location.city ?? null },
          method: r.method,
          result: r.result,
          reason: r.reason,
          userAgent: r.user_agent,
          risk: JSON.parse(r.risk) as Record<string, unknown>,
        };
      }),
      nextCursor: rows.length > limit ? formatTimeCursor(page[page.length - 1]!.at, page[page.length - 1]!.id) : null,
    };
  }

  async revokeSession(accountId: string, sessionId: string, ctx: RequestContext): Promise<void> {
    const now = this.clock.now();
    const ok = await this.db.transaction().execute(async (trx) => {
      const revoked = await this.sessions.revoke(trx, 'account', accountId, sessionId, 'revoked_by_owner');
      if (revoked) {
        await appendAudit(trx, now, { accountId, actor: { type: 'account', id: accountId }, event: 'session.revoked', result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { sessionId } });
      }
      return revoked;
    });
    if (!ok) throw new AppError('not_found');
  }

  /** The seed's "log out from all logins": every session, this one included. */
  async revokeAllSessions(accountId: string, ctx: RequestContext): Promise<void> {
    const now = this.clock.now();
    const account = await findAccountById(this.db, accountId);
    if (!account) throw new AppError('unauthenticated');
    await this.db.transaction().execute(async (trx) => {
      const ended = await this.sessions.revokeAll(trx, 'account', accountId, 'signed_out_everywhere');
      await appendAudit(trx, now, { accountId, actor: { type: 'account', id: accountId }, event: 'sessions.revoked_all', result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { sessionsEnded: ended } });
      await this.notifier.notice(trx, noticeTargetOf(account), 'sessions_revoked', { time: formatNoticeTime(now, account.locale as Locale), ip: ctx.ip }, now);
    });
  }

  async messages(accountId: string, limit: number, cursor?: string) {
    const rows = await inboxOf(this.db, accountId, limit + 1, parseTimeCursor(cursor));
    const page = rows.slice(0, limit);
    return {
      messages: page.map((m) => ({ id: m.id, template: m.template, subject: m.subject, text: m.body, createdAt: toIso(Number(m.created_at)), readAt: m.read_at ? toIso(Number(m.read_at)) : null })),
      unread: await countUnread(this.db, accountId),
      nextCursor: rows.length > limit ? formatTimeCursor(page[page.length - 1]!.created_at, page[page.length - 1]!.id) : null,
    };
  }

  async markMessageRead(accountId: string, id: string): Promise<void> {
    await markRead(this.db, accountId, id, this.clock.now());
  }

  audit(accountId: string, q: { from?: number; to?: number; event?: string; sensitive?: boolean; cursor?: string; limit: number }) {
    return listAudit(this.db, { accountId, ...q });
  }
}
