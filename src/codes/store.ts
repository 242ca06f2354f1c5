/** Verification-code rows: at most one live code per (channel, destination, purpose). */
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';
import { ms } from '../platform/db/sql.js';
import { CODE_MAX_ATTEMPTS } from './constants.js';
import type { VerificationCodesTable } from './schema.js';

/** Writes the new code; the unique target key makes it replace (void) any older one. */
export async function replaceCode(db: Db, row: VerificationCodesTable): Promise<void> {
  await db
    .insertInto('verification_codes')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['channel', 'destination', 'purpose']).doUpdateSet({
        id: row.id,
        code_hash: row.code_hash,
        attempts: 0,
        created_at: row.created_at,
        expires_at: row.expires_at,
        consumed_at: null,
      }),
    )
    .execute();
}

/**
 * Spends one try on the live code in a single atomic UPDATE and returns it, or nothing when
 * there is no live code (absent, expired, consumed, or out of tries). Counting before the
 * comparison means parallel guesses cannot share a try.
 */
export async function spendAttempt(db: Db, channel: string, destination: string, purpose: string, now: number): Promise<Pick<VerificationCodesTable, 'id' | 'code_hash'> | undefined> {
  return db
    .updateTable('verification_codes')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('channel', '=', channel as VerificationCodesTable['channel'])
    .where('destination', '=', destination)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .where('attempts', '<', CODE_MAX_ATTEMPTS)
    .where('expires_at', '>', ms(now))
    .returning(['id', 'code_hash'])
    .executeTakeFirst();
}

/** Marks the code used; false if another request consumed it first. */
export async function consumeCode(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db.updateTable('verification_codes').set({ consumed_at: now }).where('id', '=', id).where('consumed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function latestCodeFor(db: Db, channel: string, destination: string, purpose: string): Promise<VerificationCodesTable | undefined> {
  return db
    .selectFrom('verification_codes')
    .selectAll()
    .where('channel', '=', channel as VerificationCodesTable['channel'])
    .where('destination', '=', destination)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

export async function deleteExpiredCodes(db: Db, now: number): Promise<void> {
  await db.deleteFrom('verification_codes').where('expires_at', '<=', ms(now)).execute();
}
