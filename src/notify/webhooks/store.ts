/** Webhook subscriptions, the fan-out cursor over the audit trail, and delivery rows. */
import type { Db, Trx } from '../../platform/db/database.js';
import type { AuditEventsTable } from '../../platform/audit/schema.js';
import type { WebhookDeliveriesTable, WebhooksTable } from './schema.js';

export async function insertWebhook(db: Db, row: WebhooksTable): Promise<void> {
  await db.insertInto('webhooks').values(row).execute();
}

export async function activeWebhooks(db: Db): Promise<WebhooksTable[]> {
  return db.selectFrom('webhooks').selectAll().where('deleted_at', 'is', null).orderBy('created_at').execute();
}

export async function findWebhook(db: Db, id: string): Promise<WebhooksTable | undefined> {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function deleteWebhook(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db.updateTable('webhooks').set({ deleted_at: now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * The cursor row, locked for this transaction on PostgreSQL so two processes do not fan out
 * the same page at once (the unique index would make that harmless, only wasteful).
 */
export async function lockCursor(trx: Trx, name: string, dialect: 'sqlite' | 'postgres', now: number): Promise<number> {
  await trx.insertInto('worker_cursors').values({ name, position: 0, updated_at: now }).onConflict((oc) => oc.column('name').doNothing()).execute();
  let q = trx.selectFrom('worker_cursors').select('position').where('name', '=', name);
  if (dialect === 'postgres') q = q.forUpdate();
  return Number((await q.executeTakeFirstOrThrow()).position);
}

export async function moveCursor(trx: Trx, name: string, position: number, now: number): Promise<void> {
  await trx.updateTable('worker_cursors').set({ position, updated_at: now }).where('name', '=', name).execute();
}

/**
 * Audit events after `seq`, in order. Reading by seq is gap-free: appendAudit takes the next
 * seq from the chain-head row, which stays locked until its transaction commits, so a later
 * seq is never visible before an earlier one.
 */
export async function auditEventsAfter(db: Db, seq: number, limit: number): Promise<AuditEventsTable[]> {
  return db.selectFrom('audit_events').selectAll().where('seq', '>', seq).orderBy('seq').limit(limit).execute();
}

export async function insertDeliveries(db: Db, rows: WebhookDeliveriesTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('webhook_deliveries').values(rows).onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doNothing()).execute();
}

export async function deliveriesOf(db: Db, webhookId: string, limit: number): Promise<WebhookDeliveriesTable[]> {
  return db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).orderBy('created_at', 'desc').limit(limit).execute();
}
