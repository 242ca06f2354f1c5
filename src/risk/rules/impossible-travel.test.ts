import { test } from 'node:test';
import assert from 'node:assert/strict';
import { haversineKm } from '../../geo/distance.js';
import { HOUR_MS, MINUTE_MS } from '../../platform/clock.js';
import { MAX_TRAVEL_SPEED_KMH, MIN_TRAVEL_DISTANCE_KM } from '../constants.js';
import { impossibleTravelRule, type TravelPoint } from './impossible-travel.js';

const NOW = Date.UTC(2026, 5, 1, 12);
const BEIJING: TravelPoint = { latitude: 39.9, longitude: 116.41, cityKey: 'CN|北京|北京市' };
const SHENZHEN: TravelPoint = { latitude: 22.54, longitude: 114.06, cityKey: 'CN|广东省|深圳市' };
const GUANGZHOU: TravelPoint = { latitude: 23.13, longitude: 113.26, cityKey: 'CN|广东省|广州市' };
const NEW_YORK: TravelPoint = { latitude: 40.7128, longitude: -74.006, cityKey: 'US|New York|New York' };
const BJ_SZ_KM = haversineKm(39.9, 116.41, 22.54, 114.06); // ≈ 1,943 km
/** Elapsed time at which Beijing→Shenzhen is exactly the threshold speed. */
const AT_THRESHOLD_MS = (BJ_SZ_KM / MAX_TRAVEL_SPEED_KMH) * HOUR_MS;

// A point due north of (0, 0) at a given distance, for distance-threshold boundaries.
const north = (km: number): TravelPoint => ({ latitude: (km / 6371.0088) * (180 / Math.PI), longitude: 0 });
const ORIGIN: TravelPoint = { latitude: 0, longitude: 0 };

const cases: Array<{ name: string; from: TravelPoint | null; to: TravelPoint; elapsedMs: number; fires: boolean }> = [
  { name: 'Beijing → Shenzhen in 30 minutes', from: BEIJING, to: SHENZHEN, elapsedMs: 30 * MINUTE_MS, fires: true },
  { name: 'Beijing → Shenzhen in 4 hours (a flight)', from: BEIJING, to: SHENZHEN, elapsedMs: 4 * HOUR_MS, fires: false },
  { name: 'speed a hair over the threshold (1 ms too quick)', from: BEIJING, to: SHENZHEN, elapsedMs: Math.floor(AT_THRESHOLD_MS) - 1, fires: true },
  { name: 'speed at the threshold (to the ms) does not fire', from: BEIJING, to: SHENZHEN, elapsedMs: Math.ceil(AT_THRESHOLD_MS), fires: false },
  { name: 'speed a minute under the threshold', from: BEIJING, to: SHENZHEN, elapsedMs: AT_THRESHOLD_MS + 60_000, fires: false },
  { name: 'zero elapsed time fires with a finite speed', from: BEIJING, to: NEW_YORK, elapsedMs: 0, fires: true },
  { name: 'previous sign-in in the future (clock skew) is treated as zero elapsed', from: BEIJING, to: SHENZHEN, elapsedMs: -5 * MINUTE_MS, fires: true },
  { name: 'Shenzhen → Guangzhou in 1 minute: under the minimum distance', from: SHENZHEN, to: GUANGZHOU, elapsedMs: MINUTE_MS, fires: false },
  { name: 'just under the minimum distance, simultaneous', from: ORIGIN, to: north(MIN_TRAVEL_DISTANCE_KM - 1), elapsedMs: 0, fires: false },
  { name: 'at the minimum distance, simultaneous', from: ORIGIN, to: north(MIN_TRAVEL_DISTANCE_KM + 0.001), elapsedMs: 0, fires: true },
  { name: 'same place, no time', from: BEIJING, to: BEIJING, elapsedMs: 0, fires: false },
  { name: 'no previous sign-in', from: null, to: SHENZHEN, elapsedMs: 0, fires: false },
  { name: 'current location has no coordinates', from: BEIJING, to: { latitude: null, longitude: null }, elapsedMs: 0, fires: false },
  { name: 'previous location has no coordinates', from: { latitude: null, longitude: null }, to: SHENZHEN, elapsedMs: 0, fires: false },
];

for (const c of cases) {
  test(c.name, () => {
    const signal = impossibleTravelRule({ now: NOW, current: c.to, previous: c.from && { ...c.from, at: NOW - c.elapsedMs } });
    assert.equal(signal !== null, c.fires);
    if (!signal) return;
    const d = signal.details;
    assert.ok(Number.isFinite(d.speedKmh) && d.speedKmh >= MAX_TRAVEL_SPEED_KMH, `${d.speedKmh}`); // rounded for display
    assert.ok(d.distanceKm >= MIN_TRAVEL_DISTANCE_KM);
    assert.equal(d.elapsedMinutes, Math.round((Math.max(0, c.elapsedMs) / MINUTE_MS) * 10) / 10);
    assert.equal(d.maxSpeedKmh, MAX_TRAVEL_SPEED_KMH);
    assert.equal(d.previousAt, NOW - c.elapsedMs);
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(signal)));
  });
}

test('details for Beijing → Shenzhen in 30 minutes', () => {
  const signal = impossibleTravelRule({ now: NOW, current: SHENZHEN, previous: { ...BEIJING, at: NOW - 30 * MINUTE_MS } });
  assert.deepEqual(signal, {
    rule: 'impossible-travel',
    details: {
      distanceKm: Math.round(BJ_SZ_KM),
      elapsedMinutes: 30,
      speedKmh: Math.round(BJ_SZ_KM * 2),
      maxSpeedKmh: MAX_TRAVEL_SPEED_KMH,
      previousAt: NOW - 30 * MINUTE_MS,
      fromCity: 'CN|北京|北京市',
      toCity: 'CN|广东省|深圳市',
    },
  });
});
