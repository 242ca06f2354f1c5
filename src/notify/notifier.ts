/**
 * Turns "tell this account X" into message rows, written in the caller's transaction (the
 * transactional outbox): the notice exists if and only if the event committed. Delivery is
 * someone else's job — the outbox worker in `deliver` mode; nobody in `outbox` mode, where the
 * rows are what `/api/v1/dev/outbox` shows.
 */
import type { Db } from '../platform/db/database.js';
import { newId } from '../platform/crypto.js';
import { renderMessage, type Brand, type Locale, type TemplateId, type TemplateParams } from './templates/index.js';
import type { MessagesTable } from './schema.js';
import { insertMessages } from './store.js';

export interface NotifyTarget {
  accountId: string | null;
  locale: Locale;
  email: string | null;
  phone: string | null;
}

export type NoticeChannel = 'email' | 'sms' | 'inbox';

export class Notifier {
  constructor(
    private readonly brand: Brand,
    private readonly mode: 'outbox' | 'deliver',
  ) {}

  private row<T extends TemplateId>(channel: NoticeChannel, to: string, target: NotifyTarget, template: T, params: TemplateParams[T], now: number): MessagesTable {
    const id = newId();
    const rendered = renderMessage({ id, channel: channel === 'sms' ? 'sms' : 'email', to, template, locale: target.locale, params, brand: this.brand });
    const stored = channel === 'inbox' || this.mode === 'outbox';
    return {
      id,
      account_id: target.accountId,
      channel,
      destination: to,
      template,
      locale: target.locale,
      subject: rendered.subject,
      body: rendered.text,
      params: JSON.stringify({ params, smsParams: rendered.smsParams ?? null, html: rendered.html ?? null }),
      status: stored ? 'stored' : 'queued',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      provider: null,
      provider_message_id: null,
      created_at: now,
      sent_at: null,
      read_at: null,
    };
  }

  /** One message on one channel (verification codes go only where they were asked for). */
  async send<T extends TemplateId>(trx: Db, channel: 'email' | 'sms', to: string, target: NotifyTarget, template: T, params: TemplateParams[T], now: number): Promise<void> {
    await insertMessages(trx, [this.row(channel, to, target, template, params, now)]);
  }

  /**
   * A security notice on every bound channel: SMS to the phone, email, and the in-app
   * message centre. The seed's reminders "cannot be turned off", so there is no opt-out here.
   */
  async notice<T extends TemplateId>(trx: Db, target: NotifyTarget, template: T, params: TemplateParams[T], now: number): Promise<void> {
    const rows: MessagesTable[] = [];
    if (target.phone) rows.push(this.row('sms', target.phone, target, template, params, now));
    if (target.email) rows.push(this.row('email', target.email, target, template, params, now));
    if (target.accountId) rows.push(this.row('inbox', target.accountId, target, template, params, now));
    await insertMessages(trx, rows);
  }
}
