/**
 * Verification codes: issue one to an email or phone, and prove one. Issuing answers the
 * same whether or not an account stands behind the destination (Kratos' "unknown address:
 * pretend we sent a code"): a code row is written either way, and a message only when
 * someone is there to receive it for that purpose.
 */
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import type { KeyRing } from '../platform/crypto.js';
import { keyedHash, keyedHashMatches, newId, randomDigits } from '../platform/crypto.js';
import { consume } from '../platform/rate-limit/limiter.js';
import { ipRateKey } from '../platform/http/client-ip.js';
import { validationFailed } from '../platform/http/errors.js';
import { checkPhone, normaliseEmail } from '../accounts/identifiers.js';
import { findAccountByEmail, findAccountsByPhone } from '../accounts/store.js';
import type { Notifier } from '../notify/notifier.js';
import type { Locale } from '../notify/templates/index.js';
import {
  CODE_DIGITS, CODE_RESEND_INTERVAL_MS, CODE_TTL_MS, CODES_PER_DESTINATION_PER_HOUR, CODES_PER_IP_PER_HOUR, HOUR,
  type CodeChannel, type CodePurpose, type InternalCodePurpose, type PublicCodePurpose,
} from './constants.js';

const CODE_TIMINGS = { expiresIn: CODE_TTL_MS / 1000, resendAfter: CODE_RESEND_INTERVAL_MS / 1000 } as const;
import { consumeCode, replaceCode, spendAttempt } from './store.js';

const HASH_PURPOSE = 'verification-code';

export interface IssueRequest {
  channel: CodeChannel;
  to: string;
  purpose: PublicCodePurpose;
  ip: string;
  locale: Locale;
}

export function normaliseDestination(channel: CodeChannel, raw: string): string {
  if (channel === 'sms') {
    const phone = checkPhone(raw);
    if (!phone.ok) throw validationFailed({ to: phone.reason });
    return phone.value;
  }
  const email = normaliseEmail(raw);
  if (!email) throw validationFailed({ to: 'not a valid email address' });
  return email;
}

export class CodeService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly keyRing: KeyRing,
    private readonly notifier: Notifier,
  ) {}

  async issue(req: IssueRequest): Promise<{ expiresIn: number; resendAfter: number }> {
    const destination = normaliseDestination(req.channel, req.to);
    const now = this.clock.now();
    await consume(this.db, { name: 'code-ip', max: CODES_PER_IP_PER_HOUR, windowMs: HOUR }, ipRateKey(req.ip), now);
    await consume(this.db, { name: 'code-resend', max: 1, windowMs: CODE_RESEND_INTERVAL_MS }, destination, now);
    await consume(this.db, { name: 'code-dest', max: CODES_PER_DESTINATION_PER_HOUR, windowMs: HOUR }, destination, now);

    const recipient = await this.recipientFor(req.channel, destination, req.purpose);
    await this.write(req.channel, destination, req.purpose, recipient.send ? { accountId: null, locale: recipient.locale ?? req.locale } : null, now);
    return CODE_TIMINGS;
  }

  /** A code to a destination already on file for `accountId` (second factor, step-up). */
  async issueToAccount(req: Omit<IssueRequest, 'purpose'> & { accountId: string; purpose: InternalCodePurpose }): Promise<{ expiresIn: number; resendAfter: number }> {
    const now = this.clock.now();
    await consume(this.db, { name: 'code-ip', max: CODES_PER_IP_PER_HOUR, windowMs: HOUR }, ipRateKey(req.ip), now);
    await consume(this.db, { name: 'code-resend', max: 1, windowMs: CODE_RESEND_INTERVAL_MS }, `${req.to}:${req.purpose}`, now);
    await consume(this.db, { name: 'code-dest', max: CODES_PER_DESTINATION_PER_HOUR, windowMs: HOUR }, req.to, now);
    await this.write(req.channel, req.to, req.purpose, { accountId: req.accountId, locale: req.locale }, now);
    return CODE_TIMINGS;
  }

  /** Replaces the live code for the target and, when someone is there, queues the message — atomically. */
  private async write(channel: CodeChannel, destination: string, purpose: CodePurpose, recipient: { accountId: string | null; locale: Locale } | null, now: number): Promise<void> {
    const code = randomDigits(CODE_DIGITS);
    await this.db.transaction().execute(async (trx) => {
      await replaceCode(trx, {
        id: newId(),
        channel,
        destination,
        purpose,
        code_hash: keyedHash(this.keyRing, HASH_PURPOSE, code),
        attempts: 0,
        created_at: now,
        expires_at: now + CODE_TTL_MS,
        consumed_at: null,
      });
      if (recipient) {
        const target = { accountId: recipient.accountId, locale: recipient.locale, email: null, phone: null };
        await this.notifier.send(trx, channel, destination, target, 'verification_code', { code, purpose, expiresInMinutes: CODE_TTL_MS / 60_000 }, now);
      }
    });
  }

  /** Whether a message goes out: codes that sign in or reset need an account at the destination. */
  private async recipientFor(channel: CodeChannel, destination: string, purpose: PublicCodePurpose): Promise<{ send: boolean; accountId: string | null; locale: Locale | null }> {
    if (purpose !== 'login' && purpose !== 'reset_password') return { send: true, accountId: null, locale: null };
    const account = channel === 'email' ? await findAccountByEmail(this.db, destination) : (await findAccountsByPhone(this.db, destination, 1))[0];
    return account ? { send: true, accountId: null, locale: account.locale as Locale } : { send: false, accountId: null, locale: null };
  }

  /**
   * Proves a code: true once for the right code, false otherwise. The try is spent before the
   * comparison; the right code is consumed, so it works exactly once.
   */
  async verify(channel: CodeChannel, destination: string, purpose: CodePurpose, code: string): Promise<boolean> {
    const now = this.clock.now();
    const live = await spendAttempt(this.db, channel, destination, purpose, now);
    if (!live) return false;
    if (!keyedHashMatches(this.keyRing, HASH_PURPOSE, code, live.code_hash)) return false;
    return consumeCode(this.db, live.id, now);
  }
}
