/**
 * Links audit entries to the request's context without threading ids through every module:
 * when a protected operation redeems its step-up verification, every audit entry the same
 * request writes for that account carries `details.verificationId` (the seed's "the audit entry
 * of the operation links to its verification"). The store is opened per request by a hook
 * (protection/hook.ts); outside a request nothing is linked.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface Links {
  verification?: { id: string; accountId: string };
}

const storage = new AsyncLocalStorage<Links>();

export function runWithAuditLinks<T>(fn: () => T): T {
  return storage.run({}, fn);
}

export function linkVerification(id: string, accountId: string): void {
  const store = storage.getStore();
  if (store) store.verification = { id, accountId };
}

/** The verification this request redeemed for `accountId`, if any. */
export function linkedVerification(accountId: string | null): string | null {
  const v = storage.getStore()?.verification;
  return v && accountId !== null && v.accountId === accountId ? v.id : null;
}
