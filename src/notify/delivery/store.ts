/**
 * Queries of the delivery worker: claiming due rows (messages and webhook deliveries share
 * the same state columns), finishing a claim, and the per-attempt delivery log.
 *
 * Claiming. PostgreSQL: one transaction selects due rows `FOR UPDATE SKIP LOCKED` and marks
 * them 'sending' with this worker's id and a lease (next_attempt_at = now + lease), so several
 * processes share the queue and never take the same row. SQLite: one atomic
 * `UPDATE … WHERE id IN (SELECT … LIMIT n) RETURNING *` (SQLite serialises writers; the
 * deployment is one process). In both, a 'sending' row whose lease has run out is due again:
 * that is how a crashed worker's claims come back.
 */
import { sql, type Kysely } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { ms } from '../../platform/db/sql.js';
import type { DeliveryAttemptsTable } from './schema.js';

export type QueueTable = 'messages' | 'webhook_deliveries';

export interface ClaimRequest {
  table: QueueTable;
  dialect: 'sqlite' | 'postgres';
  workerId: string;
  now: number;
  leaseMs: number;
  limit: number;
}

export async function claimDue<Row>(db: Db, r: ClaimRequest): Promise<Row[]> {
  const any = db as unknown as Kysely<any>;
  const due = (qb: Kysely<any>) =>
    qb
      .selectFrom(r.table)
      .select('id')
      .where('status', 'in', ['queued', 'sending'])
      .where('next_attempt_at', '<=', ms(r.now))
      .orderBy('next_attempt_at')
      .limit(r.limit);
  const mark = (qb: Kysely<any>) =>
    qb.updateTable(r.table).set({
      status: 'sending',
      claimed_by: r.workerId,
      attempts: sql`attempts + 1`,
      next_attempt_at: ms(r.now + r.leaseMs),
    });
  if (r.dialect === 'sqlite') {
    return (await mark(any).where('id', 'in', due(any)).returningAll().execute()) as Row[];
  }
  return any.transaction().execute(async (trx) => {
    const ids = (await due(trx).forUpdate().skipLocked().execute()).map((x: { id: string }) => x.id);
    if (ids.length === 0) return [];
    return (await mark(trx).where('id', 'in', ids).returningAll().execute()) as Row[];
  });
}

export interface FinishClaim {
  status: 'sent' | 'queued' | 'failed';
  nextAttemptAt: number;
  lastError: string | null;
  sentAt: number | null;
  extra?: Record<string, unknown>;
}

/** Ends this worker's claim; false when the lease was lost (another worker took the row). */
export async function finishClaim(db: Db, table: QueueTable, id: string, workerId: string, f: FinishClaim): Promise<boolean> {
  const any = db as unknown as Kysely<any>;
  const r = await any
    .updateTable(table)
    .set({ status: f.status, next_attempt_at: ms(f.nextAttemptAt), last_error: f.lastError, sent_at: f.sentAt === null ? null : ms(f.sentAt), claimed_by: null, ...(f.extra ?? {}) })
    .where('id', '=', id)
    .where('claimed_by', '=', workerId)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertAttempt(db: Db, row: DeliveryAttemptsTable): Promise<void> {
  await db.insertInto('delivery_attempts').values(row).execute();
}

export async function attemptsOf(db: Db, messageIds: readonly string[]): Promise<DeliveryAttemptsTable[]> {
  if (messageIds.length === 0) return [];
  return db.selectFrom('delivery_attempts').selectAll().where('message_id', 'in', messageIds).orderBy('message_id').orderBy('attempt').execute();
}

export interface MessageFilter {
  to?: string;
  status?: string;
  channel?: 'sms' | 'email' | 'inbox';
  since?: number;
  limit: number;
}

/** Messages newest first, for the operator delivery log and the self-diagnosis. */
export async function findMessages(db: Db, f: MessageFilter) {
  let q = db
    .selectFrom('messages')
    .select(['id', 'account_id', 'channel', 'destination', 'template', 'locale', 'status', 'attempts', 'next_attempt_at', 'last_error', 'provider', 'provider_message_id', 'created_at', 'sent_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit);
  if (f.to !== undefined) q = q.where('destination', '=', f.to);
  if (f.status !== undefined) q = q.where('status', '=', f.status as 'queued');
  if (f.channel !== undefined) q = q.where('channel', '=', f.channel);
  if (f.since !== undefined) q = q.where('created_at', '>=', ms(f.since));
  return q.execute();
}
