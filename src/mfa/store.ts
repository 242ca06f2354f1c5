/** MFA queries: devices, hardware tokens, recovery codes, WebAuthn challenges. */

import type { Db } from '../platform/db/database.js';
import { ms } from '../platform/db/sql.js';
import type { HardwareTokensTable, MfaDevicesTable, RecoveryCodesTable, WebauthnChallengesTable } from './schema.js';

export type MfaDeviceRow = MfaDevicesTable;
export type HardwareTokenRow = HardwareTokensTable;

export async function insertDevice(db: Db, row: MfaDevicesTable): Promise<void> {
  await db.insertInto('mfa_devices').values(row).execute();
}

export async function findDevice(db: Db, accountId: string, id: string): Promise<MfaDeviceRow | undefined> {
  return db.selectFrom('mfa_devices').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export async function activeDevices(db: Db, accountId: string, type?: MfaDevicesTable['type']): Promise<MfaDeviceRow[]> {
  let q = db.selectFrom('mfa_devices').selectAll().where('account_id', '=', accountId).where('status', '=', 'active');
  if (type) q = q.where('type', '=', type);
  return q.orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
}

export async function countActiveDevices(db: Db, accountId: string): Promise<number> {
  const r = await db.selectFrom('mfa_devices').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).where('status', '=', 'active').executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Confirms a pending device exactly once; false when it was not pending. */
export async function activateDevice(db: Db, accountId: string, id: string, step: number, now: number): Promise<boolean> {
  const r = await db
    .updateTable('mfa_devices')
    .set({ status: 'active', activated_at: now, last_used_step: step, last_used_at: now })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('status', '=', 'pending')
    .where('last_used_step', '<', ms(step))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Spends a one-time code's step: succeeds for exactly one caller per step, so two parallel
 * requests with the same code cannot both pass (RFC 6238 §5.2).
 */
export async function spendStep(db: Db, id: string, step: number, now: number): Promise<boolean> {
  const r = await db
    .updateTable('mfa_devices')
    .set({ last_used_step: step, last_used_at: now })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where('last_used_step', '<', ms(step))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** WebAuthn counters only move forward; a clone replaying an old counter fails here. */
export async function advanceSignCount(db: Db, id: string, previous: number, next: number, now: number): Promise<boolean> {
  const r = await db
    .updateTable('mfa_devices')
    .set({ sign_count: next, last_used_at: now })
    .where('id', '=', id)
    .where('sign_count', '=', ms(previous))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function renameDevice(db: Db, accountId: string, id: string, name: string): Promise<boolean> {
  const r = await db.updateTable('mfa_devices').set({ name }).where('id', '=', id).where('account_id', '=', accountId).where('status', '=', 'active').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteDevice(db: Db, accountId: string, id: string): Promise<MfaDeviceRow | undefined> {
  const row = await findDevice(db, accountId, id);
  if (!row) return undefined;
  const r = await db.deleteFrom('mfa_devices').where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) return undefined;
  if (row.hardware_token_id) await releaseHardwareToken(db, row.hardware_token_id);
  return row;
}

export async function deleteAllDevices(db: Db, accountId: string): Promise<number> {
  await db.updateTable('hardware_tokens').set({ bound_account_id: null }).where('bound_account_id', '=', accountId).execute();
  const r = await db.deleteFrom('mfa_devices').where('account_id', '=', accountId).executeTakeFirst();
  await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
  return Number(r.numDeletedRows);
}

/** Pending TOTP enrolments left unconfirmed are dropped after a while. */
export async function deleteStalePending(db: Db, accountId: string, before: number): Promise<void> {
  await db.deleteFrom('mfa_devices').where('account_id', '=', accountId).where('status', '=', 'pending').where('created_at', '<', ms(before)).execute();
}

export async function findDeviceByCredentialId(db: Db, credentialId: string): Promise<MfaDeviceRow | undefined> {
  return db.selectFrom('mfa_devices').selectAll().where('credential_id', '=', credentialId).executeTakeFirst();
}

// --- hardware tokens -------------------------------------------------------------------------

/** Inserts a token unless its serial is already known; true when inserted. */
export async function insertHardwareToken(db: Db, row: HardwareTokensTable): Promise<boolean> {
  const r = await db.insertInto('hardware_tokens').values(row).onConflict((oc) => oc.column('serial').doNothing()).returning('id').executeTakeFirst();
  return r !== undefined;
}

export async function findHardwareTokenBySerial(db: Db, serial: string): Promise<HardwareTokenRow | undefined> {
  return db.selectFrom('hardware_tokens').selectAll().where('serial', '=', serial).executeTakeFirst();
}

export async function findHardwareToken(db: Db, id: string): Promise<HardwareTokenRow | undefined> {
  return db.selectFrom('hardware_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Claims an unbound token for an account; false when someone else holds it. */
export async function claimHardwareToken(db: Db, id: string, accountId: string): Promise<boolean> {
  const r = await db.updateTable('hardware_tokens').set({ bound_account_id: accountId }).where('id', '=', id).where('bound_account_id', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function releaseHardwareToken(db: Db, id: string): Promise<void> {
  await db.updateTable('hardware_tokens').set({ bound_account_id: null }).where('id', '=', id).execute();
}

// --- recovery codes --------------------------------------------------------------------------

export async function replaceRecoveryCodes(db: Db, accountId: string, rows: RecoveryCodesTable[]): Promise<void> {
  await db.deleteFrom('recovery_codes').where('account_id', '=', accountId).execute();
  await db.insertInto('recovery_codes').values(rows).execute();
}

export async function countUnusedRecoveryCodes(db: Db, accountId: string): Promise<number> {
  const r = await db.selectFrom('recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).where('used_at', 'is', null).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Spends a recovery code atomically; true for exactly one caller. */
export async function spendRecoveryCode(db: Db, accountId: string, codeHash: string, now: number): Promise<boolean> {
  const r = await db.updateTable('recovery_codes').set({ used_at: now }).where('account_id', '=', accountId).where('code_hash', '=', codeHash).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// --- WebAuthn challenges ---------------------------------------------------------------------

export async function insertWebauthnChallenge(db: Db, row: WebauthnChallengesTable): Promise<void> {
  await db.insertInto('webauthn_challenges').values(row).execute();
}

/** Takes (deletes) the newest live challenge of this purpose and context: each is usable once. */
export async function takeWebauthnChallenge(db: Db, accountId: string, purpose: WebauthnChallengesTable['purpose'], contextId: string | null, now: number): Promise<string | null> {
  let q = db.selectFrom('webauthn_challenges').select(['id', 'challenge']).where('account_id', '=', accountId).where('purpose', '=', purpose).where('expires_at', '>', ms(now));
  q = contextId === null ? q.where('context_id', 'is', null) : q.where('context_id', '=', contextId);
  const row = await q.orderBy('created_at', 'desc').executeTakeFirst();
  if (!row) return null;
  const r = await db.deleteFrom('webauthn_challenges').where('id', '=', row.id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1 ? row.challenge : null;
}

export async function purgeWebauthnChallenges(db: Db, now: number): Promise<void> {
  await db.deleteFrom('webauthn_challenges').where('expires_at', '<=', ms(now)).execute();
}

