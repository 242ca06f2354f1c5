/** Lost-MFA unbind request queries. */
import type { Db } from '../../platform/db/database.js';
import { ms } from '../../platform/db/sql.js';
import type { MfaUnbindRequestsTable } from '../schema.js';

export type UnbindRow = MfaUnbindRequestsTable;

export async function insertUnbindRequest(db: Db, row: UnbindRow): Promise<void> {
  await db.insertInto('mfa_unbind_requests').values(row).execute();
}

export async function findUnbindRequest(db: Db, id: string): Promise<UnbindRow | undefined> {
  return db.selectFrom('mfa_unbind_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUnbindRequests(db: Db, status: UnbindRow['status'] | undefined, limit: number): Promise<UnbindRow[]> {
  let q = db.selectFrom('mfa_unbind_requests').selectAll();
  if (status) q = q.where('status', '=', status);
  return q.orderBy('created_at', 'desc').limit(limit).execute();
}

/** Moves a request from one status to the next exactly once; false when it was not in `from`. */
export async function transition(db: Db, id: string, from: UnbindRow['status'][], set: Partial<UnbindRow>): Promise<boolean> {
  const r = await db.updateTable('mfa_unbind_requests').set(set).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function dueUnbindRequests(db: Db, now: number, limit = 100): Promise<UnbindRow[]> {
  return db.selectFrom('mfa_unbind_requests').selectAll().where('status', '=', 'approved').where('effective_at', '<=', ms(now)).orderBy('effective_at', 'asc').limit(limit).execute();
}

export async function unbindRequestsOfAccount(db: Db, accountId: string, limit = 20): Promise<UnbindRow[]> {
  return db.selectFrom('mfa_unbind_requests').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').limit(limit).execute();
}
