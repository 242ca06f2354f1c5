/**
 * Operator-managed webhook subscriptions to security events. The signing secret is made
 * here, shown once in the create answer, and stored sealed (AES-256-GCM with the key ring),
 * because signing needs it back.
 */
import type { Db } from '../../platform/db/database.js';
import type { Clock } from '../../platform/clock.js';
import { toIso } from '../../platform/clock.js';
import { newId, randomTokenBase64Url, seal, type KeyRing } from '../../platform/crypto.js';
import type { RequestContext } from '../../platform/http/context.js';
import { AppError, validationFailed } from '../../platform/http/errors.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { isWebhookEvent } from './events.js';
import type { WebhooksTable } from './schema.js';
import { activeWebhooks, deleteWebhook, deliveriesOf, insertWebhook } from './store.js';

export const webhookSecretAad = (id: string) => `webhook-secret:${id}`;

function view(w: WebhooksTable) {
  return { id: w.id, url: w.url, events: JSON.parse(w.events) as string[], createdAt: toIso(Number(w.created_at)), createdBy: w.created_by };
}

export class WebhookService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly keyRing: KeyRing,
  ) {}

  async create(operatorId: string, input: { url: string; events: string[] }, ctx: RequestContext) {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw validationFailed({ url: 'must be an http(s) URL' });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw validationFailed({ url: 'must be an http(s) URL' });
    if (url.username || url.password) throw validationFailed({ url: 'must not carry credentials; verify our signature instead' });
    const events = [...new Set(input.events)];
    const unknown = events.filter((e) => !isWebhookEvent(e));
    if (events.length === 0 || unknown.length > 0) throw validationFailed({ events: unknown.length ? `unknown events: ${unknown.join(', ')}` : 'name at least one event' });
    const id = newId();
    const secret = `whsec_${randomTokenBase64Url(32)}`;
    const now = this.clock.now();
    const row: WebhooksTable = { id, url: url.toString(), events: JSON.stringify(events), secret_sealed: seal(this.keyRing, secret, webhookSecretAad(id)), created_by: operatorId, created_at: now, deleted_at: null };
    await this.db.transaction().execute(async (trx) => {
      await insertWebhook(trx, row);
      await appendAudit(trx, now, { accountId: null, actor: { type: 'operator', id: operatorId }, event: 'webhook.created', result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { webhookId: id, url: row.url, events } });
    });
    return { webhook: view(row), secret };
  }

  async list() {
    return { webhooks: (await activeWebhooks(this.db)).map(view) };
  }

  async remove(operatorId: string, id: string, ctx: RequestContext): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      if (!(await deleteWebhook(trx, id, now))) throw new AppError('not_found');
      await appendAudit(trx, now, { accountId: null, actor: { type: 'operator', id: operatorId }, event: 'webhook.deleted', result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { webhookId: id } });
    });
  }

  async deliveries(id: string, limit: number) {
    const rows = await deliveriesOf(this.db, id, limit);
    return {
      deliveries: rows.map((d) => ({
        id: d.id, eventId: d.event_id, event: d.event, status: d.status, attempts: d.attempts, lastError: d.last_error,
        nextAttemptAt: d.status === 'queued' ? toIso(Number(d.next_attempt_at)) : null, createdAt: toIso(Number(d.created_at)), sentAt: d.sent_at === null ? null : toIso(Number(d.sent_at)),
      })),
    };
  }
}
