import type { NotifyTarget } from '../notify/notifier.js';
import type { Locale } from '../notify/templates/index.js';
import type { AccountRow } from './store.js';

/** Where an account's security notices go: bound phone, security email (else account email), inbox. */
export function noticeTargetOf(account: AccountRow): NotifyTarget {
  return { accountId: account.id, locale: account.locale as Locale, email: account.security_email ?? account.email, phone: account.phone };
}
