/**
 * "This wasn't me": every security notice carries a single-use link. Following it (the
 * console page posts the token; a GET never acts, since mail scanners prefetch links) signs
 * the account out everywhere and locks password sign-in until the owner resets the password —
 * the seed's advice (change the password, log out from all logins) done in one step.
 */
import type { Db, Trx } from '../platform/db/database.js';
import { DAY_MS } from '../platform/clock.js';
import { newId, randomTokenBase64Url, sha256Base64Url } from '../platform/crypto.js';
import { ms } from '../platform/db/sql.js';

const NOT_ME_LINK_TTL_MS = 30 * DAY_MS;

export class NotMeLinks {
  constructor(private readonly publicUrl: string) {}

  async issue(trx: Trx, accountId: string, notice: string, now: number): Promise<string> {
    const token = randomTokenBase64Url(32);
    await trx
      .insertInto('not_me_tokens')
      .values({ id: newId(), token_hash: sha256Base64Url(token), account_id: accountId, notice, created_at: now, expires_at: now + NOT_ME_LINK_TTL_MS, used_at: null })
      .execute();
    return `${this.publicUrl}/not-me/${token}`;
  }

  /** Spends the token; returns the account and notice it was issued for, once. */
  async redeem(db: Db, token: string, now: number): Promise<{ accountId: string; notice: string } | null> {
    if (typeof token !== 'string' || token.length > 128) return null;
    const row = await db
      .updateTable('not_me_tokens')
      .set({ used_at: now })
      .where('token_hash', '=', sha256Base64Url(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', ms(now))
      .returning(['account_id', 'notice'])
      .executeTakeFirst();
    return row ? { accountId: row.account_id, notice: row.notice } : null;
  }
}
