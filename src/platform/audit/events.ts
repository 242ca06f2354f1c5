/**
 * The closed list of audited events (the seed's CloudAudit). `sensitive` marks the ones the
 * seed tells owners to look for after a suspicious sign-in ("check whether there are
 * sensitive operations"); a writer may still pass a different flag for a particular entry.
 */
export const AUDIT_EVENTS = {
  'account.registered': { sensitive: true },
  'signin.succeeded': { sensitive: false },
  'signin.failed': { sensitive: false },
  'signin.captcha_required': { sensitive: false },
  'signin.challenged': { sensitive: false },
  'account.locked': { sensitive: true },
  'account.unlocked': { sensitive: true },
  'password.changed': { sensitive: true },
  'password.reset': { sensitive: true },
  'session.revoked': { sensitive: true },
  'sessions.revoked_all': { sensitive: true },
  'operator.created': { sensitive: true },
  'operator.signin.succeeded': { sensitive: false },
  'operator.signin.failed': { sensitive: false },
  'operator.account_locked': { sensitive: true },
  'operator.account_unlocked': { sensitive: true },
  'operator.sessions_revoked': { sensitive: true },
  'operator.account_viewed': { sensitive: false },
  'contact.phone_bound': { sensitive: true },
  'contact.phone_changed': { sensitive: true },
  'contact.phone_unbound': { sensitive: true },
  'contact.security_email_changed': { sensitive: true },
  'contact.email_changed': { sensitive: true },
  'contact.accounts_looked_up': { sensitive: false },
  'phone_change_request.submitted': { sensitive: true },
  'phone_change_request.viewed': { sensitive: true },
  'phone_change_request.approved': { sensitive: true },
  'phone_change_request.rejected': { sensitive: true },
} as const satisfies Record<string, { sensitive: boolean }>;

export type AuditEventName = keyof typeof AUDIT_EVENTS;
