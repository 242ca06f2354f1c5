/** Sign-in guard and sign-in history queries. */
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';
import { ms } from '../platform/db/sql.js';
import { FREE_WRONG_PASSWORDS_PER_WINDOW, GUARD_WINDOW_MS, WRONG_PASSWORDS_BEFORE_LOCK } from './constants.js';
import type { GuardState } from './policy.js';
import type { SignInsTable } from './schema.js';
import type { TimeCursor } from '../platform/db/time-cursor.js';

function toState(row: { window_started_at: number; failures: number; locked_until: number }): GuardState {
  return { windowStartedAt: Number(row.window_started_at), failures: Number(row.failures), lockedUntil: Number(row.locked_until) };
}

/**
 * Counts an attempt in one atomic upsert, but only if policy.decideAttempt would let it
 * proceed; returns the new state, or null when the attempt is refused (locked or captcha
 * owed — read the state to say which). This is policy.countAttempt written in SQL, so
 * fifty parallel attempts get fifty distinct counts and no more than three pass uncaptcha'd.
 */
export async function reserveAttempt(db: Db, key: string, now: number, captchaSolved: boolean): Promise<GuardState | null> {
  const g = 'signin_guards';
  const over = sql<boolean>`${sql.ref(`${g}.window_started_at`)} + ${ms(GUARD_WINDOW_MS)} <= ${ms(now)}`;
  const mayProceed = captchaSolved
    ? sql<boolean>`${sql.ref(`${g}.locked_until`)} <= ${ms(now)}`
    : sql<boolean>`${sql.ref(`${g}.locked_until`)} <= ${ms(now)} and ${sql.ref(`${g}.failures`)} < ${FREE_WRONG_PASSWORDS_PER_WINDOW}`;
  const row = await db
    .insertInto('signin_guards')
    .values({ key, window_started_at: now, failures: 1, locked_until: 0 })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          failures: sql<number>`case when ${over} then 1 else ${sql.ref(`${g}.failures`)} + 1 end`,
          window_started_at: sql<number>`case when ${over} then ${ms(now)} else ${sql.ref(`${g}.window_started_at`)} end`,
          locked_until: sql<number>`case when ${over} then 0
            when ${sql.ref(`${g}.failures`)} + 1 >= ${WRONG_PASSWORDS_BEFORE_LOCK} then ${sql.ref(`${g}.window_started_at`)} + ${ms(GUARD_WINDOW_MS)}
            else ${sql.ref(`${g}.locked_until`)} end`,
        })
        .where(sql<boolean>`(${over}) or (${mayProceed})`),
    )
    .returning(['window_started_at', 'failures', 'locked_until'])
    .executeTakeFirst();
  return row ? toState(row) : null;
}

/** policy.refundAttempt in SQL; a no-op if the window has since been replaced. */
export async function refundAttempt(db: Db, key: string, reserved: GuardState): Promise<void> {
  await db
    .updateTable('signin_guards')
    .set({
      failures: sql<number>`case when failures > 0 then failures - 1 else 0 end`,
      locked_until: reserved.failures >= WRONG_PASSWORDS_BEFORE_LOCK ? 0 : sql<number>`locked_until`,
    })
    .where('key', '=', key)
    .where('window_started_at', '=', reserved.windowStartedAt)
    .execute();
}

export async function readGuard(db: Db, key: string): Promise<GuardState | null> {
  const row = await db.selectFrom('signin_guards').select(['window_started_at', 'failures', 'locked_until']).where('key', '=', key).executeTakeFirst();
  return row ? toState(row) : null;
}

/** Clears the counter (password reset, operator unlock). */
export async function clearGuard(db: Db, key: string): Promise<void> {
  await db.deleteFrom('signin_guards').where('key', '=', key).execute();
}

export async function insertSignIn(db: Db, row: SignInsTable): Promise<void> {
  await db.insertInto('sign_ins').values(row).execute();
}

export async function listSignIns(db: Db, accountId: string, limit: number, before?: TimeCursor): Promise<SignInsTable[]> {
  let q = db.selectFrom('sign_ins').selectAll().where('account_id', '=', accountId).orderBy('at', 'desc').orderBy('id', 'desc').limit(limit);
  if (before) {
    const { at, id } = before;
    q = id === null ? q.where('at', '<', at) : q.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
  }
  return q.execute();
}

/**
 * Successful sign-ins since `since`, newest first, only the columns the risk engine reads. The
 * limit bounds the work per sign-in: the newest 200 sightings are plenty to know an account's
 * usual cities and devices.
 */
export async function successfulSignInsSince(db: Db, accountId: string, since: number, limit = 200): Promise<Array<Pick<SignInsTable, 'at' | 'city_key' | 'location' | 'device_id' | 'method'>>> {
  return db
    .selectFrom('sign_ins')
    .select(['at', 'city_key', 'location', 'device_id', 'method'])
    .where('account_id', '=', accountId)
    .where('result', '=', 'success')
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
}
