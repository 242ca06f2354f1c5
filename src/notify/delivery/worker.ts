/**
 * The delivery worker: takes due 'queued' message rows (written by Notifier in the event's
 * transaction), hands each to the provider for its channel, logs the attempt, and decides
 * sent / retry later / abandoned (policy.ts). A provider outage only moves next_attempt_at
 * forward; nothing is dropped until MAX_DELIVERY_ATTEMPTS have failed.
 *
 *   queued ──claim──▶ sending ──ok──▶ sent
 *     ▲                 │  └──permanent error / last attempt──▶ failed
 *     └──retry (backoff)┘  (a lost lease: the row is due again for any worker)
 */
import { hostname } from 'node:os';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/crypto.js';
import type { ChannelProvider, DeliveryResult, OutgoingMessage } from '../channel.js';
import type { MessagesTable } from '../schema.js';
import type { Locale, TemplateId } from '../templates/index.js';
import { CODE_TTL_MS } from '../../codes/constants.js';
import { CLAIM_BATCH_SIZE, CLAIM_LEASE_MS } from './constants.js';
import { afterAttempt } from './policy.js';
import { claimDue, finishClaim, insertAttempt } from './store.js';
import { OneAtATime } from '../../platform/one-at-a-time.js';

export interface DeliveryProviders {
  email?: ChannelProvider;
  sms?: ChannelProvider;
}

export interface RoundResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${newId()}`;
}

/** The stored row back into what a provider sends (SMS template variables included). */
export function outgoingOf(row: MessagesTable): OutgoingMessage {
  const stored = JSON.parse(row.params) as { smsParams?: string[] | null; html?: string | null };
  return {
    id: row.id,
    channel: row.channel === 'sms' ? 'sms' : 'email',
    to: row.destination,
    template: row.template as TemplateId,
    locale: row.locale as Locale,
    subject: row.subject,
    text: row.body,
    html: stored.html ?? null,
    ...(stored.smsParams ? { smsParams: stored.smsParams } : {}),
  };
}

export class DeliveryWorker {
  private readonly rounds = new OneAtATime();

  constructor(
    private readonly db: Db,
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly clock: Clock,
    private readonly providers: DeliveryProviders,
    readonly workerId: string = newWorkerId(),
  ) {}

  /** One round: claim a batch and deliver it. Rounds of one worker never overlap. */
  runOnce(): Promise<RoundResult> {
    return this.rounds.run(() => this.round());
  }

  /** Rounds until nothing is due (tests; draining on shutdown). */
  async drain(maxRounds = 50): Promise<RoundResult> {
    const total: RoundResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
    for (let i = 0; i < maxRounds; i++) {
      const r = await this.runOnce();
      total.claimed += r.claimed;
      total.sent += r.sent;
      total.retried += r.retried;
      total.failed += r.failed;
      if (r.claimed === 0) break;
    }
    return total;
  }

  private async round(): Promise<RoundResult> {
    const now = this.clock.now();
    const rows = await claimDue<MessagesTable>(this.db, { table: 'messages', dialect: this.dialect, workerId: this.workerId, now, leaseMs: CLAIM_LEASE_MS, limit: CLAIM_BATCH_SIZE });
    const result: RoundResult = { claimed: rows.length, sent: 0, retried: 0, failed: 0 };
    for (const row of rows) {
      const status = await this.deliver(row);
      if (status === 'sent') result.sent++;
      else if (status === 'queued') result.retried++;
      else result.failed++;
    }
    return result;
  }

  private async attempt(row: MessagesTable, provider: ChannelProvider | undefined): Promise<DeliveryResult> {
    if (!provider) return { ok: false, retryable: false, reason: `no ${row.channel} provider is configured` };
    // A code nobody can use any more is not worth sending late (it would only confuse).
    if (row.template === 'verification_code' && this.clock.now() - Number(row.created_at) > CODE_TTL_MS) {
      return { ok: false, retryable: false, reason: 'the verification code expired before it could be delivered' };
    }
    try {
      return await provider.send(outgoingOf(row));
    } catch (err) {
      // Providers promise not to throw; if one does, treat it as a transient fault.
      return { ok: false, retryable: true, reason: `provider error: ${(err as Error).message}` };
    }
  }

  private async deliver(row: MessagesTable): Promise<'sent' | 'queued' | 'failed'> {
    const provider = row.channel === 'sms' ? this.providers.sms : row.channel === 'email' ? this.providers.email : undefined;
    const started = Date.now();
    const res = await this.attempt(row, provider);
    const now = this.clock.now();
    const step = afterAttempt(res.ok ? { ok: true } : { ok: false, retryable: res.retryable }, row.attempts, now);
    const reason = res.ok ? null : res.reason.slice(0, 1000);
    await this.db.transaction().execute(async (trx) => {
      const kept = await finishClaim(trx, 'messages', row.id, this.workerId, {
        status: step.status,
        nextAttemptAt: step.status === 'queued' ? step.nextAttemptAt : now,
        lastError: reason,
        sentAt: step.status === 'sent' ? now : null,
        extra: { provider: provider?.id ?? null, provider_message_id: res.ok ? res.providerMessageId : null },
      });
      await insertAttempt(trx, {
        id: newId(),
        message_id: row.id,
        attempt: row.attempts,
        at: now,
        provider: provider?.id ?? 'none',
        ok: res.ok ? 1 : 0,
        reason: kept ? reason : `${reason ?? 'delivered'} (claim lease had expired)`,
        duration_ms: Date.now() - started,
      });
    });
    return step.status;
  }
}
