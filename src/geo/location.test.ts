import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cityKey, INTRANET_LOCATION, parseCityKey, UNKNOWN_LOCATION, type GeoLocation } from './location.js';

const base: GeoLocation = { country: null, region: null, city: null, countryCode: null, latitude: null, longitude: null, source: 'geolite2' };

const cases: Array<{ name: string; loc: GeoLocation; key: string | null }> = [
  { name: 'Chinese city', loc: { ...base, country: 'China', countryCode: 'CN', region: '广东省', city: '深圳市', source: 'ip2region' }, key: 'CN|广东省|深圳市' },
  { name: 'US city', loc: { ...base, country: 'United States', countryCode: 'US', region: 'California', city: 'Mountain View' }, key: 'US|California|Mountain View' },
  { name: 'region only', loc: { ...base, countryCode: 'CN', region: '广东省' }, key: 'CN|广东省|' },
  { name: 'country only', loc: { ...base, countryCode: 'US' }, key: 'US||' },
  { name: 'lower-case code', loc: { ...base, countryCode: 'de', city: 'Berlin' }, key: 'DE||Berlin' },
  { name: 'separator inside a name', loc: { ...base, countryCode: 'US', city: 'A|B', source: 'override' }, key: 'US||A/B' },
  { name: 'intranet', loc: INTRANET_LOCATION, key: null },
  { name: 'unknown', loc: UNKNOWN_LOCATION, key: null },
  { name: 'no country code', loc: { ...base, country: 'Somewhere', city: 'X' }, key: null },
];

for (const c of cases) {
  test(`cityKey: ${c.name}`, () => {
    assert.equal(cityKey(c.loc), c.key);
    if (c.key) {
      const parts = parseCityKey(c.key);
      assert.ok(parts);
      assert.equal(parts.countryCode, c.key.split('|')[0]);
    }
  });
}

test('parseCityKey round trip and rejects', () => {
  assert.deepEqual(parseCityKey('CN|广东省|深圳市'), { countryCode: 'CN', region: '广东省', city: '深圳市' });
  assert.deepEqual(parseCityKey('US||'), { countryCode: 'US', region: null, city: null });
  assert.equal(parseCityKey('CN|广东省'), null);
  assert.equal(parseCityKey('||x'), null);
  assert.equal(parseCityKey('a|b|c|d'), null);
});
