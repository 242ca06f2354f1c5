import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS } from '../../platform/clock.js';
import { ONE_MONTH_MS } from '../constants.js';
import { longIntervalRule } from './long-interval.js';

const NOW = Date.UTC(2026, 5, 1);

test('one month is exactly 30 days', () => assert.equal(ONE_MONTH_MS, 30 * DAY_MS));

const cases: Array<{ name: string; previousAt: number | null; fires: boolean; elapsedDays?: number }> = [
  { name: 'exactly one month: does not fire', previousAt: NOW - ONE_MONTH_MS, fires: false },
  { name: 'one month + 1 ms fires', previousAt: NOW - ONE_MONTH_MS - 1, fires: true, elapsedDays: 30 },
  { name: 'one month − 1 ms', previousAt: NOW - ONE_MONTH_MS + 1, fires: false },
  { name: '45 days', previousAt: NOW - 45 * DAY_MS, fires: true, elapsedDays: 45 },
  { name: 'a calendar month of 31 days (May) fires', previousAt: Date.UTC(2026, 4, 1), fires: true, elapsedDays: 31 },
  { name: 'yesterday', previousAt: NOW - DAY_MS, fires: false },
  { name: 'no previous sign-in', previousAt: null, fires: false },
  { name: 'previous in the future (clock skew)', previousAt: NOW + DAY_MS, fires: false },
];

for (const c of cases) {
  test(c.name, () => {
    const signal = longIntervalRule({ now: NOW, previousAt: c.previousAt });
    if (!c.fires) return assert.equal(signal, null);
    assert.deepEqual(signal, { rule: 'long-interval', details: { previousAt: c.previousAt, elapsedDays: c.elapsedDays, thresholdDays: 30 } });
  });
}
