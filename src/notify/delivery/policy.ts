/**
 * What happens to a message after one attempt: a pure decision of the attempt's result, the
 * number of attempts made, and `now`.
 */
import { MAX_DELIVERY_ATTEMPTS, RETRY_BACKOFF_MS } from './constants.js';

export type AttemptOutcome = { ok: true } | { ok: false; retryable: boolean };

export type NextStep =
  | { status: 'sent' }
  | { status: 'queued'; nextAttemptAt: number }
  | { status: 'failed' };

export function afterAttempt(outcome: AttemptOutcome, attempts: number, now: number, schedule: readonly number[] = RETRY_BACKOFF_MS, maxAttempts = MAX_DELIVERY_ATTEMPTS): NextStep {
  if (outcome.ok) return { status: 'sent' };
  if (!outcome.retryable || attempts >= maxAttempts) return { status: 'failed' };
  const wait = schedule[Math.min(Math.max(attempts, 1), schedule.length) - 1] ?? schedule[schedule.length - 1] ?? 0;
  return { status: 'queued', nextAttemptAt: now + wait };
}
