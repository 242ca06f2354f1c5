/**
 * "Every change notifies the old and the new contact": the account's notice target after the
 * change (new phone, security or account email, inbox) gets `contact_changed`, and so does the
 * contact that was replaced or removed — it is the one an attacker would want kept quiet.
 */
import type { Trx } from '../platform/db/database.js';
import type { Notifier } from '../notify/notifier.js';
import type { Locale } from '../notify/templates/index.js';
import { formatNoticeTime } from '../notify/format.js';
import { noticeTargetOf } from '../accounts/notice-target.js';
import type { AccountRow } from '../accounts/store.js';
import type { NotMeLinks } from '../signin/not-me-links.js';

export async function noticeContactChange(
  deps: { notifier: Notifier; notMe: NotMeLinks },
  trx: Trx,
  before: AccountRow,
  after: AccountRow,
  detail: string,
  ip: string | null,
  now: number,
): Promise<void> {
  const locale = after.locale as Locale;
  const notMeUrl = await deps.notMe.issue(trx, after.id, 'contact_changed', now);
  const params = { time: formatNoticeTime(now, locale), ...(ip ? { ip } : {}), detail, notMeUrl };
  const target = noticeTargetOf(after);
  await deps.notifier.notice(trx, target, 'contact_changed', params, now);
  const old = noticeTargetOf(before);
  const quiet = { ...target, accountId: null };
  if (old.phone && old.phone !== target.phone) await deps.notifier.send(trx, 'sms', old.phone, quiet, 'contact_changed', params, now);
  if (old.email && old.email !== target.email) await deps.notifier.send(trx, 'email', old.email, quiet, 'contact_changed', params, now);
  // The account email still receives notices as itself only when no security email is set;
  // when the account email itself changed, its old address hears about it too.
  if (before.email !== after.email && before.email !== old.email && before.email !== target.email) {
    await deps.notifier.send(trx, 'email', before.email, quiet, 'contact_changed', params, now);
  }
}
