/**
 * Webhook fan-out and delivery, run by the background loop.
 *
 * Why a cursor over the audit trail instead of inserting delivery rows where events happen:
 * every security event is already appended to the audit trail inside the transaction of the
 * change, so the trail *is* a transactional outbox. Scanning it by seq (gap-free, see
 * store.ts) sees exactly the committed events, needs no hook in each module's service, and a
 * subscription added later applies without touching them. The cost is latency (one poll
 * interval) — fine for operator alerting. Fan-out inserts are idempotent (unique
 * webhook_id + event_id), so a crash between insert and cursor move repeats nothing.
 *
 * Delivery: POST of the JSON payload with
 *   X-Gatehouse-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>
 *   X-Gatehouse-Event, Idempotency-Key (the delivery id; receivers de-duplicate on it)
 * 2xx is success; anything else (or no answer within the timeout) is retried on the same
 * backoff schedule as messages, then abandoned.
 */
import type { Clock } from '../../platform/clock.js';
import { SECOND_MS } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { newId, open, type KeyRing } from '../../platform/crypto.js';
import { SIGNATURE_HEADER, signatureHeader } from '../channels/http-sms-signature.js';
import { CLAIM_BATCH_SIZE, CLAIM_LEASE_MS } from '../delivery/constants.js';
import { afterAttempt } from '../delivery/policy.js';
import { claimDue, finishClaim, insertAttempt } from '../delivery/store.js';
import { newWorkerId } from '../delivery/worker.js';
import { webhookEventsOf } from './events.js';
import type { WebhookDeliveriesTable, WebhooksTable } from './schema.js';
import { webhookSecretAad } from './service.js';
import { activeWebhooks, auditEventsAfter, findWebhook, insertDeliveries, lockCursor, moveCursor } from './store.js';
import { OneAtATime } from '../../platform/one-at-a-time.js';

const CURSOR_NAME = 'webhook-fanout';
const FANOUT_PAGE = 500;
/** A receiver must answer within this; slow receivers should queue and answer 202. */
export const WEBHOOK_TIMEOUT_MS = 10 * SECOND_MS;
const MAX_REASON_CHARS = 500;

export class WebhookDispatcher {
  private readonly rounds = new OneAtATime();

  constructor(
    private readonly db: Db,
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly clock: Clock,
    private readonly keyRing: KeyRing,
    readonly workerId: string = newWorkerId(),
  ) {}

  runOnce(): Promise<{ fannedOut: number; sent: number; retried: number; failed: number }> {
    return this.rounds.run(async () => {
      const fannedOut = await this.fanOut();
      return { fannedOut, ...(await this.deliverDue()) };
    });
  }

  /** Turns new audit events into delivery rows for matching subscriptions; returns rows made. */
  async fanOut(): Promise<number> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const position = await lockCursor(trx, CURSOR_NAME, this.dialect, now);
      const events = await auditEventsAfter(trx, position, FANOUT_PAGE);
      if (events.length === 0) return 0;
      const hooks = await activeWebhooks(trx);
      const rows: WebhookDeliveriesTable[] = [];
      for (const e of events) {
        const names = webhookEventsOf(e);
        for (const hook of hooks) {
          // A subscription only hears about events from after it was made.
          if (Number(e.at) < Number(hook.created_at)) continue;
          const wanted = JSON.parse(hook.events) as string[];
          const match = names.find((n) => wanted.includes(n));
          if (!match) continue;
          const payload = JSON.stringify({
            id: e.id,
            type: match,
            occurredAt: new Date(Number(e.at)).toISOString(),
            accountId: e.account_id,
            data: { auditEvent: e.event, result: e.result, actor: { type: e.actor_type, id: e.actor_id }, ip: e.ip, location: e.location ? JSON.parse(e.location) : null, details: JSON.parse(e.details) },
          });
          rows.push({ id: newId(), webhook_id: hook.id, event_id: e.id, event: match, payload, status: 'queued', attempts: 0, next_attempt_at: now, claimed_by: null, last_error: null, created_at: now, sent_at: null });
        }
      }
      await insertDeliveries(trx, rows);
      await moveCursor(trx, CURSOR_NAME, Number(events[events.length - 1]!.seq), now);
      return rows.length;
    });
  }

  private async post(hook: WebhooksTable, d: WebhookDeliveriesTable): Promise<{ ok: true } | { ok: false; reason: string }> {
    const secret = open(this.keyRing, hook.secret_sealed, webhookSecretAad(hook.id)).toString('utf8');
    const t = Math.floor(this.clock.now() / 1000);
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signatureHeader(secret, t, d.payload), 'x-gatehouse-event': d.event, 'idempotency-key': d.id, 'user-agent': 'Gatehouse-Webhook/1' },
        body: d.payload,
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await res.body?.cancel();
      return res.status >= 200 && res.status < 300 ? { ok: true } : { ok: false, reason: `HTTP ${res.status} ${res.statusText}`.trim() };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      return { ok: false, reason: `${e.name === 'TimeoutError' ? 'timed out' : (e.cause?.code ?? e.message)}` };
    }
  }

  private async deliverDue(): Promise<{ sent: number; retried: number; failed: number }> {
    const now = this.clock.now();
    const rows = await claimDue<WebhookDeliveriesTable>(this.db, { table: 'webhook_deliveries', dialect: this.dialect, workerId: this.workerId, now, leaseMs: CLAIM_LEASE_MS, limit: CLAIM_BATCH_SIZE });
    const tally = { sent: 0, retried: 0, failed: 0 };
    for (const d of rows) {
      const hook = await findWebhook(this.db, d.webhook_id);
      const started = Date.now();
      const res = hook ? await this.post(hook, d) : { ok: false as const, reason: 'the subscription was deleted' };
      const at = this.clock.now();
      const step = afterAttempt(res.ok ? { ok: true } : { ok: false, retryable: hook !== undefined }, d.attempts, at);
      const reason = res.ok ? null : res.reason.slice(0, MAX_REASON_CHARS);
      await this.db.transaction().execute(async (trx) => {
        await finishClaim(trx, 'webhook_deliveries', d.id, this.workerId, { status: step.status, nextAttemptAt: step.status === 'queued' ? step.nextAttemptAt : at, lastError: reason, sentAt: step.status === 'sent' ? at : null });
        await insertAttempt(trx, { id: newId(), message_id: d.id, attempt: d.attempts, at, provider: 'webhook', ok: res.ok ? 1 : 0, reason, duration_ms: Date.now() - started });
      });
      tally[step.status === 'sent' ? 'sent' : step.status === 'queued' ? 'retried' : 'failed']++;
    }
    return tally;
  }
}
