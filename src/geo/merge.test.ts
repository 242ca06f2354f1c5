import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GeoLite2Place } from './geolite2.js';
import type { Ip2RegionPlace } from './ip2region-place.js';
import type { GeoLocation } from './location.js';
import { mergeLocation } from './merge.js';

const geo = (over: Partial<GeoLite2Place>): GeoLite2Place => ({
  countryCode: 'CN', countryName: 'China', region: null, city: null, latitude: 34.7732, longitude: 113.722, precise: false, ...over,
});
const cn = (province: string | null, city: string | null): Ip2RegionPlace => ({ countryCode: 'CN', province, city });

const cases: Array<{ name: string; china: Ip2RegionPlace | null; geo: GeoLite2Place | null; expect: Partial<GeoLocation> }> = [
  {
    name: 'ip2region names the city; GeoLite2 country-level centroid is ignored for coordinates',
    china: cn('广东省', '深圳市'), geo: geo({}),
    expect: { source: 'ip2region', country: 'China', region: '广东省', city: '深圳市', latitude: 22.54, longitude: 114.06 },
  },
  {
    name: 'GeoLite2 coordinates used when its city is in the same province',
    china: cn('广东省', '深圳市'), geo: geo({ region: 'Guangdong', city: 'Shenzhen', latitude: 22.5455, longitude: 114.0683, precise: true }),
    expect: { region: '广东省', city: '深圳市', latitude: 22.5455, longitude: 114.0683 },
  },
  {
    name: 'GeoLite2 contradicting the province is not used for coordinates',
    china: cn('四川省', '成都市'), geo: geo({ region: 'Beijing', city: 'Beijing', latitude: 39.911, longitude: 116.395, precise: true }),
    expect: { region: '四川省', city: '成都市', latitude: 30.57, longitude: 104.07 },
  },
  {
    name: 'ip2region knows only the country: GeoLite2 province/city translated into the same spelling',
    china: cn(null, null), geo: geo({ region: 'Guangdong', city: 'Shenzhen', latitude: 22.5455, longitude: 114.0683, precise: true }),
    expect: { source: 'ip2region', region: '广东省', city: '深圳市', latitude: 22.5455 },
  },
  {
    name: 'ip2region knows the province only: city borrowed from GeoLite2 via the table',
    china: cn('广东省', null), geo: geo({ region: 'Guangdong', city: 'Foshan', latitude: 23.0268, longitude: 113.1315, precise: true }),
    expect: { region: '广东省', city: '佛山市', latitude: 23.0268 },
  },
  {
    name: 'an English city we cannot translate is dropped rather than mixed in',
    china: cn('广东省', null), geo: geo({ region: 'Guangdong', city: 'Meizhou', latitude: 24.29, longitude: 116.12, precise: true }),
    expect: { region: '广东省', city: null, latitude: 24.29 },
  },
  {
    name: 'neither source has a province: no coordinates',
    china: cn(null, null), geo: geo({}),
    expect: { source: 'ip2region', region: null, city: null, latitude: null, longitude: null },
  },
  {
    name: 'GeoLite2-only Chinese answer still uses Chinese names',
    china: null, geo: geo({ region: 'Beijing', city: 'Beijing', latitude: 39.911, longitude: 116.395, precise: true }),
    expect: { source: 'geolite2', region: '北京', city: '北京市', latitude: 39.911 },
  },
  {
    name: 'foreign country-level answer drops the centroid',
    china: null, geo: geo({ countryCode: 'US', countryName: 'United States', latitude: 37.751, longitude: -97.822 }),
    expect: { source: 'geolite2', country: 'United States', region: null, city: null, latitude: null, longitude: null },
  },
  {
    name: 'city-state keeps its centroid',
    china: { countryCode: 'HK', province: null, city: null }, geo: geo({ countryCode: 'HK', countryName: 'Hong Kong', latitude: 22.2578, longitude: 114.1657 }),
    expect: { source: 'geolite2', countryCode: 'HK', latitude: 22.2578 },
  },
  {
    name: 'HK known only to ip2region: country only',
    china: { countryCode: 'HK', province: null, city: null }, geo: null,
    expect: { source: 'ip2region', country: 'Hong Kong', countryCode: 'HK', region: null, latitude: null },
  },
  { name: 'nothing known', china: null, geo: null, expect: { source: 'unknown', country: null } },
];

for (const c of cases) {
  test(c.name, () => {
    const loc = mergeLocation(c.china, c.geo);
    for (const [field, value] of Object.entries(c.expect)) assert.equal(loc[field as keyof GeoLocation], value, field);
  });
}
