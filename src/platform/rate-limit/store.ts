import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { ms } from '../db/sql.js';
import type { WindowState } from './policy.js';

/** Counts one event in the key's window with a single atomic upsert (see policy.nextWindow). */
export async function countEvent(db: Db, key: string, windowMs: number, now: number): Promise<WindowState> {
  const expired = sql<boolean>`rate_limits.window_started_at + ${ms(windowMs)} <= ${ms(now)}`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_started_at: now, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when ${expired} then 1 else rate_limits.count + 1 end`,
        window_started_at: sql<number>`case when ${expired} then ${ms(now)} else rate_limits.window_started_at end`,
      }),
    )
    .returning(['window_started_at', 'count'])
    .executeTakeFirstOrThrow();
  return { windowStartedAt: Number(row.window_started_at), count: Number(row.count) };
}

export async function peekWindow(db: Db, key: string): Promise<WindowState | null> {
  const row = await db.selectFrom('rate_limits').select(['window_started_at', 'count']).where('key', '=', key).executeTakeFirst();
  return row ? { windowStartedAt: Number(row.window_started_at), count: Number(row.count) } : null;
}

export async function clearWindow(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
