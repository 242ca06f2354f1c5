import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../../platform/clock.js';

/**
 * Wait before retry n (index n-1) after the n-th failed attempt: an explicit schedule rather
 * than a formula, so operators can read how long an outage the queue rides out. Roughly
 * doubling from 30 s; the sum (~15 h 50 min) covers an overnight provider outage. After the
 * last entry the message is abandoned ('failed').
 */
export const RETRY_BACKOFF_MS: readonly number[] = [
  30 * SECOND_MS,
  1 * MINUTE_MS,
  2 * MINUTE_MS,
  5 * MINUTE_MS,
  10 * MINUTE_MS,
  30 * MINUTE_MS,
  1 * HOUR_MS,
  2 * HOUR_MS,
  4 * HOUR_MS,
  8 * HOUR_MS,
];

/** Attempts made before a message is abandoned: one first try plus one per backoff step. */
export const MAX_DELIVERY_ATTEMPTS = RETRY_BACKOFF_MS.length + 1;

/**
 * How long a claim is held. Must exceed the longest a provider may take (SMTP's whole-send
 * cap defaults to 60 s, see channels/smtp.ts); a worker that dies mid-send leaves its claims
 * to be picked up by another once the lease has run out.
 */
export const CLAIM_LEASE_MS = 5 * MINUTE_MS;

/** Messages claimed per round; small so one slow provider does not hold many leases. */
export const CLAIM_BATCH_SIZE = 20;

/** Default pause between rounds of the timer loop (GATEHOUSE_DELIVERY_POLL_MS). */
export const DEFAULT_POLL_MS = 1 * SECOND_MS;
