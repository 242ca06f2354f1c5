/** Account and security-settings queries. */
import { randomInt } from 'node:crypto';
import type { Db } from '../platform/db/database.js';
import { preparedQuery } from '../platform/db/prepared.js';
import type { AccountsTable, SecuritySettingsTable } from './schema.js';

export type AccountRow = AccountsTable;

export function newAccountId(): string {
  // 12 digits, first one 1-9: 9e11 possible ids, so a random pick rarely collides and ids
  // do not reveal how many accounts exist.
  return String(100_000_000_000 + randomInt(0, 899_999_999_999));
}

export async function insertAccount(db: Db, row: AccountsTable, settings: SecuritySettingsTable): Promise<void> {
  await db.insertInto('accounts').values(row).execute();
  await db.insertInto('security_settings').values(settings).execute();
}

// Placeholders in the builders below are replaced by the call's parameters (prepared.ts).
const accountById = preparedQuery<AccountRow, [string]>((db) => db.selectFrom('accounts').selectAll().where('id', '=', '?'));

export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return (await accountById(db, id))[0];
}

export async function findAccountByEmail(db: Db, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findAccountsByPhone(db: Db, phone: string, limit = 50): Promise<AccountRow[]> {
  return db.selectFrom('accounts').selectAll().where('phone', '=', phone).orderBy('created_at', 'asc').limit(limit).execute();
}

export async function emailExists(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

export async function updatePasswordHash(db: Db, id: string, hash: string, now: number, changed: boolean): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ password_hash: hash, updated_at: now, ...(changed ? { password_changed_at: now } : {}) })
    .where('id', '=', id)
    .execute();
}

export async function setAccountLock(db: Db, id: string, reason: AccountsTable['locked_reason'], now: number): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ locked_reason: reason, locked_at: reason ? now : null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function recordSignInTime(db: Db, id: string, now: number): Promise<void> {
  await db.updateTable('accounts').set({ last_sign_in_at: now }).where('id', '=', id).execute();
}

const settingsByAccount = preparedQuery<SecuritySettingsTable, [string]>((db) => db.selectFrom('security_settings').selectAll().where('account_id', '=', '?'));

export async function findSecuritySettings(db: Db, accountId: string): Promise<SecuritySettingsTable | undefined> {
  return (await settingsByAccount(db, accountId))[0];
}
