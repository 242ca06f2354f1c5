/**
 * The three protections an owner switches (PATCH /me/security): login protection (a second
 * factor on every sign-in), operation protection (step-up for sensitive operations) and
 * remote-login protection (a second factor from an unusual city). Turning any of them off, or
 * changing the methods of one that is on, is the `security.disable` operation (always verified);
 * turning protections on is `security.change`. Audited and notified in the transaction that changes them.
 */
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { validationFailed } from '../platform/http/errors.js';
import type { RequestContext } from '../platform/http/context.js';
import { appendAudit } from '../platform/audit/audit.js';
import { findAccountById, findSecuritySettings } from '../accounts/store.js';
import { noticeTargetOf } from '../accounts/notice-target.js';
import type { Notifier } from '../notify/notifier.js';
import { formatNoticeTime } from '../notify/format.js';
import type { Locale } from '../notify/templates/index.js';
import type { FactorRegistry } from '../factors/factor.js';
import { AppError } from '../platform/http/errors.js';
import type { OperationName } from './operations.js';

export const PROTECTION_METHODS = ['totp', 'webauthn', 'hardware_token', 'sms', 'email'] as const;

export interface SecurityPatch {
  loginProtection?: { enabled?: boolean; methods?: string[] };
  operationProtection?: { enabled?: boolean; methods?: string[] };
  remoteLoginProtection?: { enabled?: boolean };
}

interface SettingsState {
  login: boolean;
  loginMethods: string[];
  operation: boolean;
  operationMethods: string[];
  remote: boolean;
}

export function settingsView(s: SettingsState) {
  return {
    loginProtection: { enabled: s.login, methods: s.loginMethods },
    operationProtection: { enabled: s.operation, methods: s.operationMethods },
    remoteLoginProtection: { enabled: s.remote },
  };
}

/** Pure: the state after the patch. */
export function applyPatch(s: SettingsState, p: SecurityPatch): SettingsState {
  return {
    login: p.loginProtection?.enabled ?? s.login,
    loginMethods: p.loginProtection?.methods ? [...new Set(p.loginProtection.methods)] : s.loginMethods,
    operation: p.operationProtection?.enabled ?? s.operation,
    operationMethods: p.operationProtection?.methods ? [...new Set(p.operationProtection.methods)] : s.operationMethods,
    remote: p.remoteLoginProtection?.enabled ?? s.remote,
  };
}

/**
 * Pure: which operation a change is. Turning a protection off, or changing the methods of one that
 * stays on (which way is "weaker" depends on what a thief holds, so every such change counts),
 * is `security.disable` — always verified. Turning protections on is `security.change`.
 */
export function operationFor(before: SettingsState, after: SettingsState): OperationName {
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((m) => b.includes(m));
  const weaker = (before.login && !after.login) || (before.operation && !after.operation) || (before.remote && !after.remote)
    || (before.login && after.login && !same(before.loginMethods, after.loginMethods))
    || (before.operation && after.operation && !same(before.operationMethods, after.operationMethods));
  return weaker ? 'security.disable' : 'security.change';
}

export class SecuritySettingsService {
  constructor(private readonly d: { db: Db; clock: Clock; notifier: Notifier; factors: FactorRegistry }) {}

  async current(accountId: string): Promise<SettingsState> {
    const row = await findSecuritySettings(this.d.db, accountId);
    return {
      login: row?.login_protection === 1,
      loginMethods: JSON.parse(row?.login_protection_methods ?? '[]') as string[],
      operation: row?.operation_protection === 1,
      operationMethods: JSON.parse(row?.operation_protection_methods ?? '[]') as string[],
      remote: row?.remote_login_protection === 1,
    };
  }

  /** Validates the patch against what the account can actually use, and names the operation it is. */
  async plan(accountId: string, patch: SecurityPatch): Promise<{ before: SettingsState; after: SettingsState; operation: OperationName }> {
    const account = await findAccountById(this.d.db, accountId);
    if (!account) throw new AppError('unauthenticated');
    const before = await this.current(accountId);
    const after = applyPatch(before, patch);
    const available = await this.d.factors.availableFor(account);
    const fields: Record<string, string> = {};
    for (const [name, on, methods] of [['loginProtection', after.login, after.loginMethods], ['operationProtection', after.operation, after.operationMethods]] as const) {
      const unknown = methods.filter((m) => !(PROTECTION_METHODS as readonly string[]).includes(m));
      if (unknown.length > 0) fields[`${name}.methods`] = `unknown method(s): ${unknown.join(', ')}; use ${PROTECTION_METHODS.join(', ')}`;
      else if (on && methods.length > 0 && !methods.some((m) => (available as string[]).includes(m))) fields[`${name}.methods`] = 'none of these methods is set up on the account yet';
    }
    if (Object.keys(fields).length > 0) throw validationFailed(fields);
    return { before, after, operation: operationFor(before, after) };
  }

  async save(accountId: string, before: SettingsState, after: SettingsState, ctx: RequestContext) {
    const account = await findAccountById(this.d.db, accountId);
    if (!account) throw new AppError('unauthenticated');
    const now = this.d.clock.now();
    const changed = (Object.keys(after) as (keyof SettingsState)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    if (changed.length === 0) return settingsView(after);
    await this.d.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('security_settings')
        .set({
          login_protection: after.login ? 1 : 0, login_protection_methods: JSON.stringify(after.loginMethods),
          operation_protection: after.operation ? 1 : 0, operation_protection_methods: JSON.stringify(after.operationMethods),
          remote_login_protection: after.remote ? 1 : 0, updated_at: now,
        })
        .where('account_id', '=', accountId)
        .execute();
      await appendAudit(trx, now, {
        accountId, actor: { type: 'account', id: accountId }, event: 'security.settings_changed', result: 'success',
        ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { before: settingsView(before), after: settingsView(after) },
      });
      const detail = changed.map((k) => describe(k, after)).join('; ');
      await this.d.notifier.notice(trx, noticeTargetOf(account), 'security_setting_changed', { time: formatNoticeTime(now, account.locale as Locale), ip: ctx.ip, detail }, now);
    });
    return settingsView(after);
  }
}

function describe(key: keyof SettingsState, s: SettingsState): string {
  switch (key) {
    case 'login': return `login protection ${s.login ? 'on' : 'off'}`;
    case 'loginMethods': return `login protection methods: ${s.loginMethods.join(', ') || 'any'}`;
    case 'operation': return `operation protection ${s.operation ? 'on' : 'off'}`;
    case 'operationMethods': return `operation protection methods: ${s.operationMethods.join(', ') || 'any'}`;
    case 'remote': return `remote-login protection ${s.remote ? 'on' : 'off'}`;
  }
}
