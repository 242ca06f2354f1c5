/** Queries for IP-location reports and the overrides accepted from them. */
import type { Db } from '../platform/db/database.js';
import { ms } from '../platform/db/sql.js';
import type { IpLocationOverridesTable, IpLocationReportsTable } from './schema.js';

export async function insertReport(db: Db, row: IpLocationReportsTable): Promise<void> {
  await db.insertInto('ip_location_reports').values(row).execute();
}

export async function listReports(db: Db, status: IpLocationReportsTable['status'] | undefined, limit: number): Promise<IpLocationReportsTable[]> {
  let q = db.selectFrom('ip_location_reports').selectAll().orderBy('created_at', 'asc').orderBy('id').limit(limit);
  if (status) q = q.where('status', '=', status);
  return q.execute();
}

/** Moves a pending report to its decision atomically; undefined when it was not pending. */
export async function decideReport(db: Db, id: string, d: { status: 'accepted' | 'rejected'; by: string; at: number; reason: string; overrideId: string | null }): Promise<IpLocationReportsTable | undefined> {
  return db
    .updateTable('ip_location_reports')
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, decision_reason: d.reason, override_id: d.overrideId })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

export async function reportsOf(db: Db, accountId: string, limit: number): Promise<IpLocationReportsTable[]> {
  return db.selectFrom('ip_location_reports').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

export async function revokeOverride(db: Db, id: string, now: number): Promise<IpLocationOverridesTable | undefined> {
  return db.updateTable('ip_location_overrides').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
}

export async function findReport(db: Db, id: string): Promise<IpLocationReportsTable | undefined> {
  return db.selectFrom('ip_location_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertOverride(db: Db, row: IpLocationOverridesTable): Promise<void> {
  await db.insertInto('ip_location_overrides').values(row).execute();
}

/** Overrides in force at `now`, oldest first (for identical prefixes the later one wins). */
export async function liveOverrides(db: Db, now: number): Promise<IpLocationOverridesTable[]> {
  return db
    .selectFrom('ip_location_overrides')
    .selectAll()
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', ms(now))]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
