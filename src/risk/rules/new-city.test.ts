import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cityKey, INTRANET_LOCATION, UNKNOWN_LOCATION, type GeoLocation } from '../../geo/location.js';
import { newCityRule } from './new-city.js';

const at = (countryCode: string, region: string | null, city: string | null): GeoLocation => ({
  country: countryCode, region, city, countryCode, latitude: null, longitude: null, source: 'ip2region',
});
const SHENZHEN = at('CN', '广东省', '深圳市');
const BEIJING_KEY = 'CN|北京|北京市';

const cases: Array<{ name: string; location: GeoLocation; key?: string | null; usual: string[]; fires: boolean }> = [
  { name: 'city not among usual cities fires', location: SHENZHEN, usual: [BEIJING_KEY], fires: true },
  { name: 'city among usual cities', location: SHENZHEN, usual: [BEIJING_KEY, 'CN|广东省|深圳市'], fires: false },
  { name: 'no usual cities yet (first sign-in): no signal', location: SHENZHEN, usual: [], fires: false },
  { name: 'intranet never fires', location: INTRANET_LOCATION, usual: [BEIJING_KEY], fires: false },
  { name: 'unknown location never fires', location: UNKNOWN_LOCATION, usual: [BEIJING_KEY], fires: false },
  { name: 'explicit null key never fires', location: SHENZHEN, key: null, usual: [BEIJING_KEY], fires: false },
  { name: 'province-only sign-in consistent with a usual city in it: no signal', location: at('CN', '广东省', null), usual: ['CN|广东省|深圳市'], fires: false },
  { name: 'country-only sign-in consistent with a usual city: no signal', location: at('US', null, null), usual: ['US|California|Mountain View'], fires: false },
  { name: 'province-only sign-in in another province fires', location: at('CN', '浙江省', null), usual: ['CN|广东省|深圳市'], fires: true },
  { name: 'coarse usual entry does not vouch for a city inside it', location: SHENZHEN, usual: ['CN||'], fires: true },
  { name: 'same city name in another country fires', location: at('US', 'Oregon', 'Portland'), usual: ['US|Maine|Portland'], fires: true },
  { name: 'another country fires', location: at('DE', 'Berlin', 'Berlin'), usual: [BEIJING_KEY], fires: true },
];

for (const c of cases) {
  test(c.name, () => {
    const key = c.key !== undefined ? c.key : cityKey(c.location);
    const signal = newCityRule({ location: c.location, cityKey: key, usualCities: c.usual });
    if (!c.fires) return assert.equal(signal, null);
    assert.deepEqual(signal, { rule: 'new-city', details: { city: key, usualCities: c.usual } });
  });
}

test('details are a copy, not the caller’s array', () => {
  const usual = [BEIJING_KEY];
  const signal = newCityRule({ location: SHENZHEN, cityKey: cityKey(SHENZHEN), usualCities: usual });
  usual.push('x');
  assert.deepEqual(signal?.details.usualCities, [BEIJING_KEY]);
});
