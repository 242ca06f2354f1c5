import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY_MS, ManualClock } from '../platform/clock.js';
import { cityKey, type GeoLocation } from './location.js';
import { openGeoLocator, type GeoLocator } from './locator.js';

// Integration tests against the databases shipped in node_modules. Expected values
// are what that data says (checked by hand when writing the tests); if a data
// update moves an address, fix the expectation, not the code.

const clock = new ManualClock(Date.UTC(2026, 5, 1));
let geo: GeoLocator;
before(async () => {
  geo = await openGeoLocator({ clock });
});

type Expect = Partial<GeoLocation> & { key?: string | null; hasCoords?: boolean };
const cases: Array<{ name: string; ip: string; expect: Expect }> = [
  {
    name: 'Shenzhen (GeoLite2 knows only "CN" here; ip2region names the city)',
    ip: '183.3.226.35',
    expect: { source: 'ip2region', country: 'China', countryCode: 'CN', region: '广东省', city: '深圳市', key: 'CN|广东省|深圳市', hasCoords: true },
  },
  {
    name: 'Beijing, China Unicom',
    ip: '123.125.114.144',
    expect: { source: 'ip2region', countryCode: 'CN', region: '北京', city: '北京市', key: 'CN|北京|北京市', hasCoords: true },
  },
  {
    name: 'Beijing, China Telecom',
    ip: '220.181.38.148',
    expect: { source: 'ip2region', countryCode: 'CN', region: '北京', city: '北京市', key: 'CN|北京|北京市' },
  },
  {
    name: 'Hangzhou: GeoLite2 agrees on the province, so its coordinates are used',
    ip: '223.5.5.5',
    expect: { source: 'ip2region', region: '浙江省', city: '杭州市', latitude: 30.2943, longitude: 120.1663 },
  },
  {
    name: '8.8.8.8: the data says United States, country level only, so no centroid coordinates',
    ip: '8.8.8.8',
    expect: { source: 'geolite2', country: 'United States', countryCode: 'US', region: null, city: null, latitude: null, longitude: null, key: 'US||' },
  },
  {
    name: 'MaxMind test address in Bracknell, England',
    ip: '81.2.69.142',
    expect: { source: 'geolite2', country: 'United Kingdom', countryCode: 'GB', region: 'England', city: 'Bracknell', key: 'GB|England|Bracknell', hasCoords: true },
  },
  {
    name: 'Hong Kong is GeoLite2/English, keeps its (city-sized) centroid',
    ip: '203.198.0.1',
    expect: { source: 'geolite2', country: 'Hong Kong', countryCode: 'HK', hasCoords: true },
  },
  {
    name: 'IPv6, Google Frankfurt',
    ip: '2a00:1450:4001:80e::200e',
    expect: { source: 'geolite2', countryCode: 'DE', city: 'Frankfurt am Main', key: 'DE|Hesse|Frankfurt am Main', hasCoords: true },
  },
  {
    name: 'IPv6, China Mobile Beijing: same name as the IPv4 data uses',
    ip: '2409:8a00::1',
    expect: { source: 'ip2region', countryCode: 'CN', region: '北京', city: '北京市', key: 'CN|北京|北京市', hasCoords: true },
  },
  {
    name: 'IPv6, China Telecom Guangzhou',
    ip: '240e:47d:c20:1627:30a3:ba0d:a5e6:ec19',
    expect: { source: 'ip2region', region: '广东省', city: '广州市', key: 'CN|广东省|广州市' },
  },
  { name: 'IPv4-mapped public address resolves as IPv4', ip: '::ffff:183.3.226.35', expect: { source: 'ip2region', city: '深圳市' } },
];

describe('lookup against shipped data', () => {
  for (const c of cases) {
    test(c.name, () => {
      const loc = geo.lookup(c.ip);
      const { key, hasCoords, ...fields } = c.expect;
      for (const [field, value] of Object.entries(fields)) assert.equal(loc[field as keyof GeoLocation], value, `${field} of ${c.ip}`);
      if (key !== undefined) assert.equal(cityKey(loc), key);
      if (hasCoords !== undefined) assert.equal(loc.latitude !== null && loc.longitude !== null, hasCoords);
    });
  }
});

describe('intranet addresses', () => {
  for (const ip of ['10.1.2.3', '127.0.0.1', '192.168.1.20', '172.16.5.4', '100.64.0.1', '169.254.1.1', '::1', 'fe80::1%eth0', 'fd12:3456::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1']) {
    test(ip, () => {
      const loc = geo.lookup(ip);
      assert.deepEqual(loc, { country: 'intranet', region: null, city: null, countryCode: null, latitude: null, longitude: null, source: 'intranet' });
      assert.equal(cityKey(loc), null);
    });
  }
});

describe('garbage never throws and is unknown', () => {
  const inputs: unknown[] = ['', 'garbage', '999.1.1.1', '1.2.3', '::ffff:', '2001:db8::g', 'x'.repeat(10_000), ' 8.8.8.8', null, undefined, 42, {}];
  for (const input of inputs) {
    test(String(typeof input === 'string' && input.length > 20 ? `${input.slice(0, 20)}…` : JSON.stringify(input)), () => {
      const loc = geo.lookup(input as string);
      assert.equal(loc.source, 'unknown');
      assert.equal(loc.country, null);
    });
  }
});

describe('overrides', () => {
  const t = clock.now();
  test('single IP and prefix, longest wins, expiry follows the clock, names normalised', () => {
    const result = geo.setOverrides([
      { id: 'net', cidr: '183.3.226.0/24', location: { country: 'China', region: 'Guangdong', city: 'Dongguan', countryCode: 'cn' }, expiresAt: null },
      { id: 'host', cidr: '183.3.226.35', location: { country: 'China', region: '广东', city: '惠州', countryCode: 'CN' }, expiresAt: t + DAY_MS },
      { id: 'office', cidr: '10.20.0.0/16', location: { country: 'Germany', region: 'Berlin', city: 'Berlin', countryCode: 'DE', latitude: 52.52, longitude: 13.405 }, expiresAt: null },
      { id: 'v6', cidr: '2a00:1450::/32', location: { country: 'Ireland', region: null, city: 'Dublin', countryCode: 'IE' }, expiresAt: t - 1 },
      { id: 'broken', cidr: '183.3.226.0/99', location: { country: 'X', region: null, city: null }, expiresAt: null },
    ]);
    assert.deepEqual(result.rejected.map((r) => r.id), ['broken']);

    // Single IP beats the /24, and 广东 / 惠州 are respelled as the database spells them.
    const host = geo.lookup('183.3.226.35');
    assert.equal(host.source, 'override');
    assert.equal(cityKey(host), 'CN|广东省|惠州市');
    assert.ok(host.latitude !== null, 'Chinese override without coordinates gets the reference point');

    // A neighbour gets the /24; English GeoLite2-style names map onto the same vocabulary.
    const neighbour = geo.lookup('183.3.226.36');
    assert.equal(cityKey(neighbour), 'CN|广东省|东莞市');
    assert.equal(neighbour.country, 'China');

    // Overrides apply before the intranet rule, so an operator can name an office range.
    const office = geo.lookup('10.20.3.4');
    assert.equal(office.source, 'override');
    assert.equal(cityKey(office), 'DE|Berlin|Berlin');
    assert.equal(office.latitude, 52.52);
    assert.equal(geo.lookup('10.21.0.1').source, 'intranet');

    // Already expired: the database answer stands.
    assert.equal(geo.lookup('2a00:1450:4001:80e::200e').source, 'geolite2');

    // One day later the host override has expired and the /24 takes over.
    clock.advance(DAY_MS);
    assert.equal(cityKey(geo.lookup('183.3.226.35')), 'CN|广东省|东莞市');
    clock.set(t);
  });

  test('setOverrides replaces the whole set', () => {
    geo.setOverrides([]);
    assert.equal(geo.lookup('183.3.226.35').source, 'ip2region');
    assert.equal(geo.lookup('10.20.3.4').source, 'intranet');
  });

  test('invalid override locations are rejected, not applied', () => {
    const result = geo.setOverrides([
      { id: 'lat-only', cidr: '1.2.3.4', location: { country: 'X', region: null, city: null, latitude: 10 }, expiresAt: null },
      { id: 'bad-code', cidr: '1.2.3.5', location: { country: 'X', region: null, city: null, countryCode: 'XYZ' }, expiresAt: null },
      { id: 'lat-range', cidr: '1.2.3.6', location: { country: 'X', region: null, city: null, latitude: 91, longitude: 0 }, expiresAt: null },
    ]);
    assert.deepEqual(result.rejected.map((r) => r.id), ['lat-only', 'bad-code', 'lat-range']);
    assert.equal(result.accepted, 0);
    geo.setOverrides([]);
  });
});
