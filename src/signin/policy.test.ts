import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../platform/clock.js';
import { countAttempt, decideAttempt, isLockingFailure, refundAttempt, windowOver, type GuardState } from './policy.js';

const T0 = Date.UTC(2026, 5, 1, 23, 50); // ten minutes before midnight: day roll-over cases

/** Replays n wrong passwords, each `gapMs` apart, as the store would apply them. */
function wrongPasswords(n: number, gapMs = MINUTE_MS, start = T0): { state: GuardState | null; now: number } {
  let state: GuardState | null = null;
  let now = start;
  for (let i = 0; i < n; i++) {
    const d = decideAttempt(state, now, true);
    assert.equal(d.kind, 'proceed', `attempt ${i + 1} should proceed`);
    state = countAttempt(state, now);
    now += gapMs;
  }
  return { state, now };
}

describe('sign-in guard policy (seed 001: 3 free, captcha after, lock on the 10th for 24 h from the first)', () => {
  const cases: Array<{ name: string; failures: number; captcha: boolean; expect: 'proceed' | 'captcha_required' | 'locked' }> = [
    { name: 'no history: nothing needed', failures: 0, captcha: false, expect: 'proceed' },
    { name: '1 wrong: nothing needed', failures: 1, captcha: false, expect: 'proceed' },
    { name: '2 wrong: nothing needed', failures: 2, captcha: false, expect: 'proceed' },
    { name: 'exactly 3 wrong: captcha owed', failures: 3, captcha: false, expect: 'captcha_required' },
    { name: '3 wrong with captcha: proceed', failures: 3, captcha: true, expect: 'proceed' },
    { name: '9 wrong with captcha: proceed', failures: 9, captcha: true, expect: 'proceed' },
    { name: '9 wrong without captcha: captcha owed', failures: 9, captcha: false, expect: 'captcha_required' },
    { name: 'exactly 10 wrong: locked even with captcha', failures: 10, captcha: true, expect: 'locked' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const { state, now } = wrongPasswords(c.failures);
      assert.equal(decideAttempt(state, now, c.captcha).kind, c.expect);
    });
  }

  test('the 10th wrong password is the locking one, not the 9th or 11th', () => {
    assert.equal(isLockingFailure(9), false);
    assert.equal(isLockingFailure(10), true);
    assert.equal(isLockingFailure(11), false);
    const { state } = wrongPasswords(10);
    assert.equal(state!.failures, 10);
  });

  test('the lock ends 24 hours after the first wrong password, not the 10th', () => {
    const { state } = wrongPasswords(10, HOUR_MS);
    assert.equal(state!.lockedUntil, T0 + DAY_MS);
    assert.equal(decideAttempt(state, T0 + DAY_MS - 1, true).kind, 'locked');
    assert.equal(decideAttempt(state, T0 + DAY_MS, false).kind, 'proceed');
  });

  test('the window rolls over 24 hours after its first wrong password, resetting the count', () => {
    const { state } = wrongPasswords(3);
    assert.equal(windowOver(state!, T0 + DAY_MS - 1), false);
    assert.equal(decideAttempt(state, T0 + DAY_MS - 1, false).kind, 'captcha_required');
    assert.equal(windowOver(state!, T0 + DAY_MS), true);
    const next = countAttempt(state, T0 + DAY_MS);
    assert.deepEqual(next, { windowStartedAt: T0 + DAY_MS, failures: 1, lockedUntil: 0 });
  });

  test('midnight is not a boundary: failures either side of it share one window', () => {
    const { state, now } = wrongPasswords(3, 10 * MINUTE_MS); // 23:50, 00:00, 00:10
    assert.ok(new Date(now).getUTCDate() !== new Date(T0).getUTCDate());
    assert.equal(decideAttempt(state, now, false).kind, 'captcha_required');
  });

  test('a right password gives back its counted attempt, and any lock it would have set', () => {
    const { state } = wrongPasswords(9);
    const counted = countAttempt(state, T0 + HOUR_MS);
    assert.equal(counted.failures, 10);
    assert.ok(counted.lockedUntil > 0);
    const refunded = refundAttempt(counted, counted.failures);
    assert.deepEqual(refunded, { windowStartedAt: T0, failures: 9, lockedUntil: 0 });
    const below = refundAttempt(countAttempt(null, T0), 1);
    assert.equal(below.failures, 0);
  });
});
