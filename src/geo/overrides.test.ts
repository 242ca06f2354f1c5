import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIp } from './ip.js';
import type { GeoLocation } from './location.js';
import { OverrideIndex, parseCidr, type IpLocationOverride } from './overrides.js';

const T0 = Date.UTC(2026, 0, 1);

function override(id: string, cidr: string, expiresAt: number | null = null): IpLocationOverride {
  return { id, cidr, location: { country: 'Testland', region: null, city: id }, expiresAt };
}

// Tags each answer with the override id so the tests can see which one won.
const toLocation = (o: IpLocationOverride): GeoLocation => ({
  country: o.location.country, region: null, city: o.id, countryCode: 'TL', latitude: null, longitude: null, source: 'override',
});

function winner(index: OverrideIndex, ip: string, now = T0): string | null {
  const parsed = parseIp(ip);
  assert.ok(parsed);
  return index.match(parsed, now)?.city ?? null;
}

describe('parseCidr', () => {
  const cases: Array<{ cidr: string; version?: 4 | 6; prefix?: number }> = [
    { cidr: '203.0.113.7', version: 4, prefix: 32 },
    { cidr: '203.0.113.0/24', version: 4, prefix: 24 },
    { cidr: '10.1.2.3/8', version: 4, prefix: 8 },
    { cidr: '0.0.0.0/0', version: 4, prefix: 0 },
    { cidr: '2001:db8::1', version: 6, prefix: 128 },
    { cidr: '2001:db8::/32', version: 6, prefix: 32 },
    { cidr: '::ffff:10.0.0.0/104', version: 4, prefix: 8 },
    { cidr: '::ffff:10.0.0.1', version: 4, prefix: 32 },
    { cidr: '203.0.113.0/33' },
    { cidr: '2001:db8::/129' },
    { cidr: '203.0.113.0/' },
    { cidr: '203.0.113.0/2x' },
    { cidr: '::ffff:0.0.0.0/80' },
    { cidr: 'nonsense/8' },
  ];
  for (const c of cases) {
    test(`${c.cidr} → ${c.version ? `v${c.version}/${c.prefix}` : 'rejected'}`, () => {
      const parsed = parseCidr(c.cidr);
      if (!c.version) return assert.equal(parsed, null);
      assert.ok(parsed);
      assert.equal(parsed.ip.version, c.version);
      assert.equal(parsed.prefix, c.prefix);
    });
  }
});

describe('OverrideIndex.match', () => {
  const { index, result } = OverrideIndex.build(
    [
      override('v4-wide', '203.0.0.0/8'),
      override('v4-net', '203.0.113.0/24'),
      override('v4-host', '203.0.113.7'),
      override('v4-expired-host', '198.51.100.9', T0),
      override('v4-net-under-expired', '198.51.100.0/24'),
      override('v6-net', '2001:db8::/32'),
      override('v6-host', '2001:db8::1'),
      override('v6-odd-prefix', '2001:db8:ff00::/41'),
      override('dup-first', '192.0.2.0/24'),
      override('dup-second', '192.0.2.0/24'),
      override('dup-live-then-expired-a', '192.0.3.0/24'),
      override('dup-live-then-expired-b', '192.0.3.0/24', T0 - 1),
      override('bad', 'not-an-ip'),
    ],
    toLocation,
  );

  test('load result reports rejects without dropping the rest', () => {
    assert.equal(result.accepted, 12);
    assert.deepEqual(result.rejected.map((r) => r.id), ['bad']);
    assert.equal(index.size, 12);
  });

  const cases: Array<{ name: string; ip: string; now?: number; expect: string | null }> = [
    { name: 'single IP beats its /24 and /8', ip: '203.0.113.7', expect: 'v4-host' },
    { name: 'neighbour falls to the /24', ip: '203.0.113.8', expect: 'v4-net' },
    { name: 'outside the /24 falls to the /8', ip: '203.0.114.1', expect: 'v4-wide' },
    { name: 'uncovered address', ip: '8.8.8.8', expect: null },
    { name: 'just before expiry it applies', ip: '198.51.100.9', now: T0 - 1, expect: 'v4-expired-host' },
    { name: 'at expiresAt it no longer applies; next prefix wins', ip: '198.51.100.9', now: T0, expect: 'v4-net-under-expired' },
    { name: 'IPv4-mapped address matches IPv4 overrides', ip: '::ffff:203.0.113.7', expect: 'v4-host' },
    { name: 'v6 host', ip: '2001:db8::1', expect: 'v6-host' },
    { name: 'v6 prefix', ip: '2001:db8:1::5', expect: 'v6-net' },
    { name: 'v6 non-word-aligned prefix, inside', ip: '2001:db8:ff7f::1', expect: 'v6-odd-prefix' },
    { name: 'v6 non-word-aligned prefix, outside', ip: '2001:db8:ff80::1', expect: 'v6-net' },
    { name: 'same prefix twice: later entry wins', ip: '192.0.2.1', expect: 'dup-second' },
    { name: 'same prefix twice: later one expired, earlier applies', ip: '192.0.3.1', expect: 'dup-live-then-expired-a' },
  ];
  for (const c of cases) test(c.name, () => assert.equal(winner(index, c.ip, c.now), c.expect));
});

test('thousands of overrides stay a handful of probes', () => {
  const list: IpLocationOverride[] = [];
  for (let i = 0; i < 5000; i++) list.push(override(`o${i}`, `100.${(i >> 8) & 255}.${i & 255}.0/24`));
  const { index } = OverrideIndex.build(list, toLocation);
  assert.equal(winner(index, '100.19.135.77'), `o${19 * 256 + 135}`);
  const parsed = parseIp('100.19.135.77')!;
  const start = process.hrtime.bigint();
  for (let i = 0; i < 100_000; i++) index.match(parsed, T0);
  const nsPerMatch = Number(process.hrtime.bigint() - start) / 100_000;
  assert.ok(nsPerMatch < 2_000, `match took ${nsPerMatch} ns`);
});

test('non-finite expiresAt and a throwing normaliser reject only that entry', () => {
  const { result } = OverrideIndex.build(
    [
      { ...override('nan', '1.2.3.4'), expiresAt: Number.NaN },
      override('throws', '1.2.3.5'),
      override('ok', '1.2.3.6'),
    ],
    (o) => {
      if (o.id === 'throws') throw new Error('bad location');
      return toLocation(o);
    },
  );
  assert.equal(result.accepted, 1);
  assert.deepEqual(result.rejected, [
    { id: 'nan', reason: 'expiresAt must be epoch ms or null' },
    { id: 'throws', reason: 'bad location' },
  ]);
});
