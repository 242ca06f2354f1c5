import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cityKey, INTRANET_LOCATION, type GeoLocation } from '../geo/location.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../platform/clock.js';
import { ONE_MONTH_MS, RISK_WEIGHTS } from './constants.js';
import { evaluateSignIn, type PreviousSignIn, type SignInRiskInput } from './evaluate.js';

const NOW = Date.UTC(2026, 5, 1, 12);
const loc = (region: string, city: string, latitude: number, longitude: number): GeoLocation => ({
  country: 'China', region, city, countryCode: 'CN', latitude, longitude, source: 'ip2region',
});
const BEIJING = loc('北京', '北京市', 39.9, 116.41);
const SHENZHEN = loc('广东省', '深圳市', 22.54, 114.06);
const NEW_YORK: GeoLocation = { country: 'United States', region: 'New York', city: 'New York', countryCode: 'US', latitude: 40.7128, longitude: -74.006, source: 'geolite2' };

const signIn = (at: number, where: GeoLocation, deviceId = 'chrome:windows'): PreviousSignIn => ({
  at, cityKey: cityKey(where), latitude: where.latitude, longitude: where.longitude, deviceId,
});

const base = (over: Partial<SignInRiskInput>): SignInRiskInput => ({
  now: NOW,
  location: BEIJING,
  deviceId: 'chrome:windows',
  previousSignIns: [signIn(NOW - 2 * DAY_MS, BEIJING), signIn(NOW - DAY_MS, BEIJING)],
  ...over,
});

type Flags = { unusualLocation: boolean; longInterval: boolean; impossibleTravel: boolean; newDevice: boolean };
const none: Flags = { unusualLocation: false, longInterval: false, impossibleTravel: false, newDevice: false };

const cases: Array<{ name: string; input: SignInRiskInput; flags: Flags; rules: string[]; score: number }> = [
  {
    name: 'routine sign-in: nothing fires',
    input: base({}),
    flags: none, rules: [], score: 0,
  },
  {
    name: 'two sign-ins from Beijing, then Shenzhen a day later: unusual location',
    input: base({ location: SHENZHEN }),
    flags: { ...none, unusualLocation: true }, rules: ['new-city'], score: RISK_WEIGHTS['new-city'],
  },
  {
    name: 'first sign-in ever: nothing to compare',
    input: base({ location: SHENZHEN, previousSignIns: [] }),
    flags: none, rules: [], score: 0,
  },
  {
    name: 'registration city counts as usual',
    input: base({ location: SHENZHEN, previousSignIns: [], registration: { at: NOW - DAY_MS, cityKey: cityKey(SHENZHEN) } }),
    flags: none, rules: [], score: 0,
  },
  {
    name: 'first sign-in from another city than registration',
    input: base({ location: SHENZHEN, previousSignIns: [], registration: { at: NOW - DAY_MS, cityKey: cityKey(BEIJING) } }),
    flags: { ...none, unusualLocation: true }, rules: ['new-city'], score: RISK_WEIGHTS['new-city'],
  },
  {
    name: 'Shenzhen 30 minutes after Beijing: impossible travel and new city',
    input: base({ location: SHENZHEN, previousSignIns: [signIn(NOW - DAY_MS, BEIJING), signIn(NOW - 30 * MINUTE_MS, BEIJING)] }),
    flags: { ...none, unusualLocation: true, impossibleTravel: true }, rules: ['impossible-travel', 'new-city'],
    score: RISK_WEIGHTS['impossible-travel'] + RISK_WEIGHTS['new-city'],
  },
  {
    name: 'new device only',
    input: base({ deviceId: 'safari:ios', deviceLabel: 'Safari on iOS' }),
    flags: { ...none, newDevice: true }, rules: ['new-device'], score: RISK_WEIGHTS['new-device'],
  },
  {
    name: 'exactly one month since the last sign-in: not long',
    input: base({ previousSignIns: [signIn(NOW - ONE_MONTH_MS, BEIJING)] }),
    flags: none, rules: [], score: 0,
  },
  {
    name: 'one month and a minute: long interval (Beijing still usual via fallback)',
    input: base({ previousSignIns: [signIn(NOW - ONE_MONTH_MS - MINUTE_MS, BEIJING)] }),
    flags: { ...none, longInterval: true }, rules: ['long-interval'], score: RISK_WEIGHTS['long-interval'],
  },
  {
    name: 'registration 40 days ago and no sign-in since: long interval',
    input: base({ previousSignIns: [], registration: { at: NOW - 40 * DAY_MS, cityKey: cityKey(BEIJING) } }),
    flags: { ...none, longInterval: true }, rules: ['long-interval'], score: RISK_WEIGHTS['long-interval'],
  },
  {
    name: 'impossible travel + new city + new device reaches 100',
    input: base({
      location: NEW_YORK,
      deviceId: 'firefox:linux',
      previousSignIns: [signIn(NOW - 2 * HOUR_MS, BEIJING), signIn(NOW - HOUR_MS, BEIJING)],
    }),
    flags: { unusualLocation: true, longInterval: false, impossibleTravel: true, newDevice: true },
    rules: ['impossible-travel', 'new-city', 'new-device'], score: 100,
  },
  {
    name: 'long interval + new city + new device (a 40-day gap leaves time to fly anywhere)',
    input: base({
      location: NEW_YORK,
      deviceId: 'firefox:linux',
      previousSignIns: [signIn(NOW - 40 * DAY_MS - HOUR_MS, BEIJING), signIn(NOW - 40 * DAY_MS, BEIJING)],
    }),
    flags: { unusualLocation: true, longInterval: true, impossibleTravel: false, newDevice: true },
    rules: ['new-city', 'new-device', 'long-interval'],
    score: RISK_WEIGHTS['new-city'] + RISK_WEIGHTS['new-device'] + RISK_WEIGHTS['long-interval'],
  },
  {
    name: 'intranet sign-in: no location signals, device still judged',
    input: base({ location: INTRANET_LOCATION, deviceId: 'firefox:linux' }),
    flags: { ...none, newDevice: true }, rules: ['new-device'], score: RISK_WEIGHTS['new-device'],
  },
  {
    name: 'last sign-in was intranet: travel is judged from the last located one',
    input: base({
      location: NEW_YORK,
      previousSignIns: [signIn(NOW - 2 * HOUR_MS, BEIJING), { at: NOW - HOUR_MS, cityKey: null, latitude: null, longitude: null, deviceId: 'chrome:windows' }],
    }),
    flags: { ...none, unusualLocation: true, impossibleTravel: true }, rules: ['impossible-travel', 'new-city'],
    score: RISK_WEIGHTS['impossible-travel'] + RISK_WEIGHTS['new-city'],
  },
  {
    name: 'history order does not matter',
    input: base({ location: SHENZHEN, previousSignIns: [signIn(NOW - 30 * MINUTE_MS, BEIJING), signIn(NOW - 3 * DAY_MS, BEIJING)] }),
    flags: { ...none, unusualLocation: true, impossibleTravel: true }, rules: ['impossible-travel', 'new-city'],
    score: RISK_WEIGHTS['impossible-travel'] + RISK_WEIGHTS['new-city'],
  },
  {
    name: 'usual-city config is honoured (minSignIns 3: Beijing twice is not yet usual)',
    input: base({ location: SHENZHEN, usualCityConfig: { minSignIns: 3 } }),
    flags: none, rules: [], score: 0,
  },
];

for (const c of cases) {
  test(c.name, () => {
    const r = evaluateSignIn(c.input);
    assert.deepEqual(
      { unusualLocation: r.unusualLocation, longInterval: r.longInterval, impossibleTravel: r.impossibleTravel, newDevice: r.newDevice },
      c.flags,
    );
    assert.deepEqual(r.signals.map((s) => s.rule), c.rules);
    assert.equal(r.score, c.score);
    assert.deepEqual(JSON.parse(JSON.stringify(r)), r, 'the assessment is plain JSON for storage');
  });
}

test('the scenario end to end: Beijing, Beijing, then Shenzhen is flagged with explainable details', () => {
  const r = evaluateSignIn(base({ location: SHENZHEN }));
  assert.deepEqual(r.signals, [{ rule: 'new-city', details: { city: 'CN|广东省|深圳市', usualCities: ['CN|北京|北京市'] } }]);
  assert.deepEqual(r.usualCities, ['CN|北京|北京市']);
});

test('an explicit cityKey overrides the one derived from the location', () => {
  const r = evaluateSignIn(base({ location: SHENZHEN, cityKey: 'CN|北京|北京市' }));
  assert.equal(r.unusualLocation, false);
});
