/** Audit trail queries. Appends must run inside the caller's transaction. */
import type { Db, Trx } from '../db/database.js';
import type { AuditEventsTable } from './schema.js';

export async function advanceChainHead(trx: Trx): Promise<{ seq: number; prevHash: string }> {
  // The UPDATE takes the head row's write lock until commit, which serialises appends across
  // processes on PostgreSQL; SQLite serialises writers anyway.
  const head = await trx
    .updateTable('audit_chain')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['last_seq', 'last_hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(head.last_seq), prevHash: head.last_hash };
}

export async function insertEvent(trx: Trx, row: AuditEventsTable): Promise<void> {
  await trx.insertInto('audit_events').values(row).execute();
  await trx.updateTable('audit_chain').set({ last_hash: row.hash }).where('id', '=', 1).execute();
}

export interface AuditQuery {
  accountId?: string;
  from?: number;
  to?: number;
  event?: string;
  sensitive?: boolean;
  /** Return entries with seq below this (newest first paging). */
  beforeSeq?: number;
  limit: number;
}

export async function findEvents(db: Db, q: AuditQuery): Promise<AuditEventsTable[]> {
  let query = db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(q.limit);
  if (q.accountId !== undefined) query = query.where('account_id', '=', q.accountId);
  if (q.from !== undefined) query = query.where('at', '>=', q.from);
  if (q.to !== undefined) query = query.where('at', '<', q.to);
  if (q.event !== undefined) query = query.where('event', '=', q.event);
  if (q.sensitive !== undefined) query = query.where('sensitive', '=', q.sensitive ? 1 : 0);
  if (q.beforeSeq !== undefined) query = query.where('seq', '<', q.beforeSeq);
  return query.execute();
}

export async function eventsFrom(db: Db, afterSeq: number, limit: number): Promise<AuditEventsTable[]> {
  return db.selectFrom('audit_events').selectAll().where('seq', '>', afterSeq).orderBy('seq', 'asc').limit(limit).execute();
}

export async function chainHead(db: Db): Promise<{ lastSeq: number; lastHash: string }> {
  const head = await db.selectFrom('audit_chain').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { lastSeq: Number(head.last_seq), lastHash: head.last_hash };
}
