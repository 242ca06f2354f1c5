/** What the self-diagnosis reads: recent messages to a destination and the latest code issued to it. */
import type { Db } from '../../platform/db/database.js';
import { ms } from '../../platform/db/sql.js';

/** Recent SMS/email messages to a destination (the service decides which of them may be shown). */
export async function recentMessages(db: Db, channel: 'sms' | 'email', destination: string, since: number, limit: number) {
  return db
    .selectFrom('messages')
    .select(['id', 'template', 'status', 'params', 'attempts', 'last_error', 'next_attempt_at', 'created_at', 'sent_at'])
    .where('channel', '=', channel)
    .where('destination', '=', destination)
    .where('created_at', '>=', ms(since))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Code rows are written whether or not an account is behind the destination (see codes/service.ts). */
export async function latestCodeIssuedAt(db: Db, channel: 'sms' | 'email', destination: string): Promise<number | null> {
  const row = await db
    .selectFrom('verification_codes')
    .select('created_at')
    .where('channel', '=', channel)
    .where('destination', '=', destination)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.created_at) : null;
}
