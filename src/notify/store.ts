/** Message rows: the transactional outbox every channel is written to. */
import type { Db } from '../platform/db/database.js';
import type { MessagesTable } from './schema.js';
import type { TimeCursor } from '../platform/db/time-cursor.js';

export async function insertMessages(db: Db, rows: MessagesTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('messages').values(rows).execute();
}

export async function messagesTo(db: Db, destination: string, limit: number): Promise<MessagesTable[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where((eb) => eb.or([eb('destination', '=', destination), eb('account_id', '=', destination)]))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function inboxOf(db: Db, accountId: string, limit: number, before?: TimeCursor): Promise<MessagesTable[]> {
  let q = db
    .selectFrom('messages')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('channel', '=', 'inbox')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (before) {
    const { at, id } = before;
    q = id === null ? q.where('created_at', '<', at) : q.where((eb) => eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]));
  }
  return q.execute();
}

export async function countUnread(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('channel', '=', 'inbox')
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markRead(db: Db, accountId: string, id: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('messages')
    .set({ read_at: now })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('channel', '=', 'inbox')
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
