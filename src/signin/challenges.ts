/** Sign-in challenge rows (the second step a 202 answer owes). */
import type { Db } from '../platform/db/database.js';
import { ms } from '../platform/db/sql.js';
import { sql } from 'kysely';
import type { SignInChallengesTable } from './schema.js';

export const CHALLENGE_MAX_ATTEMPTS = 5;

export async function insertChallenge(db: Db, row: SignInChallengesTable): Promise<void> {
  await db.insertInto('signin_challenges').values(row).execute();
}

export async function findChallenge(db: Db, ticketHash: string): Promise<SignInChallengesTable | undefined> {
  return db.selectFrom('signin_challenges').selectAll().where('ticket_hash', '=', ticketHash).executeTakeFirst();
}

/** Spends one verification try on a live challenge; false when none is left. */
export async function spendChallengeAttempt(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db
    .updateTable('signin_challenges')
    .set({ attempts: sql<number>`attempts + 1` })
    .where('id', '=', id)
    .where('completed_at', 'is', null)
    .where('expires_at', '>', ms(now))
    .where('attempts', '<', CHALLENGE_MAX_ATTEMPTS)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Completes the challenge exactly once. */
export async function completeChallenge(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db.updateTable('signin_challenges').set({ completed_at: now }).where('id', '=', id).where('completed_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
