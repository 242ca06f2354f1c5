import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS } from '../platform/clock.js';
import { usualCities, type CityObservation } from './usual-cities.js';

const NOW = Date.UTC(2026, 5, 1);
const BJ = 'CN|北京|北京市';
const SZ = 'CN|广东省|深圳市';
const SH = 'CN|上海|上海市';
const ago = (days: number, cityKey: string | null): CityObservation => ({ at: NOW - days * DAY_MS, cityKey });

const cases: Array<{ name: string; history: CityObservation[]; config?: { windowDays?: number; minSignIns?: number }; expect: string[] }> = [
  { name: 'no history', history: [], expect: [] },
  { name: 'two Beijing sign-ins: Beijing is usual (Shenzhen is not)', history: [ago(3, BJ), ago(1, BJ)], expect: [BJ] },
  { name: 'most frequent first', history: [ago(5, SZ), ago(4, BJ), ago(3, BJ)], expect: [BJ, SZ] },
  { name: 'ties: most recent first', history: [ago(5, SZ), ago(4, BJ)], expect: [BJ, SZ] },
  { name: 'inside the 90-day window', history: [ago(89.9, SH)], expect: [SH] },
  { name: 'exactly 90 days old is outside the window', history: [ago(90, SH), ago(1, BJ)], expect: [BJ] },
  { name: 'old city drops out of the window', history: [ago(200, SH), ago(100, SH), ago(10, BJ)], expect: [BJ] },
  { name: 'nothing in the window: fall back to the most recent located sign-in', history: [ago(300, SH), ago(120, BJ), ago(100, null)], expect: [BJ] },
  { name: 'unknown/intranet observations are ignored', history: [ago(2, null), ago(1, SZ)], expect: [SZ] },
  { name: 'minSignIns 2: a single visit is not usual', history: [ago(3, BJ), ago(2, BJ), ago(1, SZ)], config: { minSignIns: 2 }, expect: [BJ] },
  { name: 'minSignIns 2 with only single visits: none usual', history: [ago(3, BJ), ago(1, SZ)], config: { minSignIns: 2 }, expect: [] },
  { name: 'custom window of 7 days', history: [ago(8, SH), ago(6, BJ)], config: { windowDays: 7 }, expect: [BJ] },
  { name: 'future observation (clock skew) counts', history: [{ at: NOW + 1000, cityKey: SZ }], expect: [SZ] },
];

for (const c of cases) {
  test(c.name, () => assert.deepEqual(usualCities(c.history, NOW, c.config), c.expect));
}

test('invalid config is a programming error', () => {
  assert.throws(() => usualCities([], NOW, { windowDays: 0 }), RangeError);
  assert.throws(() => usualCities([], NOW, { windowDays: Number.NaN }), RangeError);
  assert.throws(() => usualCities([], NOW, { minSignIns: 0 }), RangeError);
  assert.throws(() => usualCities([], NOW, { minSignIns: 1.5 }), RangeError);
});
