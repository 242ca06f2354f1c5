/**
 * A code sent to the account's bound phone (sms) or its security/account email (email). The
 * destination is always the one on file — never one the client names — so a second factor
 * cannot be redirected.
 */
import type { AccountRow } from '../accounts/store.js';
import type { CodeService } from '../codes/service.js';
import type { Locale } from '../notify/templates/index.js';
import type { RequestContext } from '../platform/http/context.js';
import type { FactorProof, SecondFactor } from './factor.js';

export function noticeEmailOf(account: AccountRow): string {
  return account.security_email ?? account.email;
}

export class ContactCodeFactor implements SecondFactor {
  constructor(
    readonly method: 'sms' | 'email',
    private readonly codes: CodeService,
  ) {}

  private destination(account: AccountRow): string | null {
    return this.method === 'sms' ? account.phone : noticeEmailOf(account);
  }

  async available(account: AccountRow): Promise<boolean> {
    return this.destination(account) !== null;
  }

  async prepare(account: AccountRow, ctx: RequestContext): Promise<void> {
    const to = this.destination(account);
    if (!to) return;
    await this.codes.issueToAccount({ channel: this.method, to, purpose: 'second_factor', ip: ctx.ip, locale: account.locale as Locale, accountId: account.id });
  }

  async verify(account: AccountRow, proof: FactorProof): Promise<boolean> {
    const to = this.destination(account);
    if (!to || typeof proof.code !== 'string') return false;
    return this.codes.verify(this.method, to, 'second_factor', proof.code);
  }
}
