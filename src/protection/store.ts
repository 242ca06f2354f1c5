/** Step-up verification queries; every state change is one conditional UPDATE. */
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';
import { ms } from '../platform/db/sql.js';
import type { StepUpVerificationsTable } from './schema.js';

export const VERIFICATION_MAX_ATTEMPTS = 5;

export async function insertVerification(db: Db, row: StepUpVerificationsTable): Promise<void> {
  await db.insertInto('step_up_verifications').values(row).execute();
}

export async function findVerificationByTicket(db: Db, ticketHash: string): Promise<StepUpVerificationsTable | undefined> {
  return db.selectFrom('step_up_verifications').selectAll().where('ticket_hash', '=', ticketHash).executeTakeFirst();
}

export async function spendVerificationAttempt(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('step_up_verifications')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('id', '=', id)
    .where('verified_at', 'is', null)
    .where('expires_at', '>', ms(now))
    .where('attempts', '<', VERIFICATION_MAX_ATTEMPTS)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records the proof and the token's hash, once per ticket. */
export async function markVerified(db: Db, id: string, method: string, tokenHash: string, tokenExpiresAt: number, now: number): Promise<boolean> {
  const r = await db
    .updateTable('step_up_verifications')
    .set({ verified_at: now, method, token_hash: tokenHash, token_expires_at: tokenExpiresAt })
    .where('id', '=', id)
    .where('verified_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Redeems a token for one operation of one account, exactly once: the WHERE names the account,
 * the operation, the expiry and "not used yet", so a stolen token fails anywhere else and a
 * replay fails everywhere. Returns the verification id the operation's audit entry links to.
 */
export async function redeemToken(db: Db, tokenHash: string, accountId: string, operation: string, now: number): Promise<string | null> {
  const row = await db
    .updateTable('step_up_verifications')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('account_id', '=', accountId)
    .where('operation', '=', operation)
    .where('used_at', 'is', null)
    .where('token_expires_at', '>', ms(now))
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
