import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterAttempt } from './policy.js';
import { MAX_DELIVERY_ATTEMPTS, RETRY_BACKOFF_MS } from './constants.js';

test('delivery retry decisions', () => {
  const now = 1_000_000;
  const cases: Array<[Parameters<typeof afterAttempt>[0], number, ReturnType<typeof afterAttempt>]> = [
    [{ ok: true }, 1, { status: 'sent' }],
    [{ ok: true }, MAX_DELIVERY_ATTEMPTS, { status: 'sent' }],
    [{ ok: false, retryable: true }, 1, { status: 'queued', nextAttemptAt: now + RETRY_BACKOFF_MS[0]! }],
    [{ ok: false, retryable: true }, 2, { status: 'queued', nextAttemptAt: now + RETRY_BACKOFF_MS[1]! }],
    [{ ok: false, retryable: true }, MAX_DELIVERY_ATTEMPTS - 1, { status: 'queued', nextAttemptAt: now + RETRY_BACKOFF_MS[RETRY_BACKOFF_MS.length - 1]! }],
    [{ ok: false, retryable: true }, MAX_DELIVERY_ATTEMPTS, { status: 'failed' }],
    [{ ok: false, retryable: false }, 1, { status: 'failed' }],
  ];
  for (const [outcome, attempts, expected] of cases) assert.deepEqual(afterAttempt(outcome, attempts, now), expected, JSON.stringify({ outcome, attempts }));
});
