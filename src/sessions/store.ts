/** Session rows. */
import type { Db } from '../platform/db/database.js';
import { ms } from '../platform/db/sql.js';
import { preparedQuery } from '../platform/db/prepared.js';
import type { SessionsTable } from './schema.js';

export type SessionRow = SessionsTable;
export type SubjectType = SessionsTable['subject_type'];

export async function insertSession(db: Db, row: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

const sessionById = preparedQuery<SessionRow, [string]>((db) => db.selectFrom('sessions').selectAll().where('id', '=', '?'));

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return (await sessionById(db, id))[0];
}

export async function activeSessionsOf(db: Db, subjectType: SubjectType, subjectId: string, now: number): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', ms(now))
    .where('idle_expires_at', '>', ms(now))
    .orderBy('created_at', 'desc')
    .execute();
}

/** Slides the idle deadline; skipped when another request already did it recently. */
export async function touchSession(db: Db, id: string, now: number, idleExpiresAt: number, notTouchedSince: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, idle_expires_at: idleExpiresAt })
    .where('id', '=', id)
    .where('last_seen_at', '<', ms(notTouchedSince))
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeSession(db: Db, subjectType: SubjectType, subjectId: string, id: string, now: number, reason: string): Promise<boolean> {
  const r = await db
    .updateTable('sessions')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('id', '=', id)
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Revokes every live session of the subject except `keepId`; returns the revoked ids. */
export async function revokeAllSessions(db: Db, subjectType: SubjectType, subjectId: string, now: number, reason: string, keepId: string | null): Promise<string[]> {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('revoked_at', 'is', null);
  if (keepId) q = q.where('id', '!=', keepId);
  const rows = await q.returning('id').execute();
  return rows.map((r) => r.id);
}
