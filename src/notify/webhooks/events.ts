/**
 * What an operator can subscribe a webhook to. Named security events derived from the audit
 * trail (a remote login is a successful or challenged sign-in whose risk record says
 * `unusualLocation`), plus any audit event name taken as is (`account.locked`, …).
 */
import { AUDIT_EVENTS } from '../../platform/audit/events.js';
import type { AuditEventsTable } from '../../platform/audit/schema.js';

export const DERIVED_WEBHOOK_EVENTS = ['signin.remote_login', 'signin.long_interval', 'signin.impossible_travel', 'sessions.revoked', 'password.changed_or_reset'] as const;

export function isWebhookEvent(name: string): boolean {
  return (DERIVED_WEBHOOK_EVENTS as readonly string[]).includes(name) || Object.hasOwn(AUDIT_EVENTS, name);
}

/** Every subscribable name this audit event answers to (its own name first). */
export function webhookEventsOf(row: Pick<AuditEventsTable, 'event' | 'details' | 'result'>): string[] {
  const names = [row.event];
  let details: { risk?: { unusualLocation?: boolean; longInterval?: boolean; impossibleTravel?: boolean }; reason?: string } = {};
  try {
    details = JSON.parse(row.details) as typeof details;
  } catch {
    // details are always JSON; a damaged row still fans out under its own name
  }
  if (row.event === 'signin.succeeded' || (row.event === 'signin.challenged' && details.reason === 'remote_login_protection')) {
    if (details.risk?.unusualLocation) names.push('signin.remote_login');
    if (details.risk?.impossibleTravel) names.push('signin.impossible_travel');
    if (row.event === 'signin.succeeded' && details.risk?.longInterval) names.push('signin.long_interval');
  }
  if (row.event === 'sessions.revoked_all' || row.event === 'session.revoked' || row.event === 'operator.sessions_revoked') names.push('sessions.revoked');
  if (row.event === 'password.changed' || row.event === 'password.reset') names.push('password.changed_or_reset');
  return names;
}
