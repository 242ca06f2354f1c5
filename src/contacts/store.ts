/** Contact queries: binding a phone within the per-number limit, and phone change requests. */
import type { Db, Trx } from '../platform/db/database.js';
import { ms } from '../platform/db/sql.js';
import type { PhoneChangeRequestsTable } from './schema.js';

export type BindOutcome = 'bound' | 'limit_reached' | 'changed_meanwhile';

/**
 * Moves `accountId` from `oldPhone` (null: none) to `newPhone`, unless `newPhone` already
 * serves `limit` other accounts. Atomic across instances: the upsert locks the number's row
 * until the transaction ends, so a parallel bind of the same number waits and then counts
 * this one (PostgreSQL READ COMMITTED takes a fresh snapshot per statement; SQLite runs one
 * writer at a time). The update is conditional on the old number, so a concurrent change of
 * the same account is reported rather than overwritten. The old number is released simply by
 * no longer being counted.
 */
export async function bindPhoneWithinLimit(trx: Trx, accountId: string, oldPhone: string | null, newPhone: string, limit: number, now: number): Promise<BindOutcome> {
  await trx
    .insertInto('phone_binding_locks')
    .values({ phone: newPhone, locked_at: now })
    .onConflict((oc) => oc.column('phone').doUpdateSet({ locked_at: now }))
    .execute();
  const { n } = await trx
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('phone', '=', newPhone)
    .where('id', '<>', accountId)
    .executeTakeFirstOrThrow();
  if (Number(n) >= limit) return 'limit_reached';
  const moved = await setPhoneIf(trx, accountId, oldPhone, newPhone, now);
  return moved ? 'bound' : 'changed_meanwhile';
}

/** Sets the account's phone if it still is `expected`; false otherwise. */
export async function setPhoneIf(db: Db, accountId: string, expected: string | null, phone: string | null, now: number): Promise<boolean> {
  const r = await db
    .updateTable('accounts')
    .set({ phone, updated_at: now })
    .where('id', '=', accountId)
    .where('phone', expected === null ? 'is' : '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countAccountsOnPhone(db: Db, phone: string, exceptAccountId: string): Promise<number> {
  const { n } = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('phone', '=', phone)
    .where('id', '<>', exceptAccountId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function setSecurityEmailIf(db: Db, accountId: string, expected: string | null, email: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('accounts')
    .set({ security_email: email, updated_at: now })
    .where('id', '=', accountId)
    .where('security_email', expected === null ? 'is' : '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The account email is unique: a racing taker makes this throw, which the caller maps to email_taken. */
export async function setAccountEmailIf(db: Db, accountId: string, expected: string, email: string, now: number): Promise<boolean> {
  const r = await db.updateTable('accounts').set({ email, updated_at: now }).where('id', '=', accountId).where('email', '=', expected).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertPhoneChangeRequest(db: Db, row: PhoneChangeRequestsTable): Promise<void> {
  await db.insertInto('phone_change_requests').values(row).execute();
}

export async function findPhoneChangeRequest(db: Db, id: string): Promise<PhoneChangeRequestsTable | undefined> {
  return db.selectFrom('phone_change_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listPhoneChangeRequests(db: Db, status: string | undefined, limit: number, beforeCreatedAt?: number): Promise<Omit<PhoneChangeRequestsTable, 'documents_sealed'>[]> {
  let q = db
    .selectFrom('phone_change_requests')
    .select(['id', 'account_id', 'account_identifier', 'new_phone', 'contact_email', 'note', 'documents_meta', 'status', 'reason', 'reviewed_by', 'reviewed_at', 'locale', 'ip', 'created_at', 'updated_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit);
  if (status) q = q.where('status', '=', status as PhoneChangeRequestsTable['status']);
  if (beforeCreatedAt !== undefined) q = q.where('created_at', '<', ms(beforeCreatedAt));
  return q.execute();
}

/** Moves a pending request to its verdict; false when someone else reviewed it first. */
export async function claimPhoneChangeRequest(db: Db, id: string, status: 'approved' | 'rejected', operatorId: string, reason: string | null, now: number): Promise<boolean> {
  const r = await db
    .updateTable('phone_change_requests')
    .set({ status, reason, reviewed_by: operatorId, reviewed_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
