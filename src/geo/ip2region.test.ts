import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CHINA_PROVINCES } from './china-places.js';
import { ipv4ToText, parseIp } from './ip.js';
import { openIp2Region, shippedIp2RegionFiles, type Ip2Region } from './ip2region.js';
import { toIp2RegionPlace } from './ip2region-place.js';

let db: Ip2Region;
before(async () => {
  db = await openIp2Region();
});

function lookup(ip: string) {
  const parsed = parseIp(ip);
  assert.ok(parsed, ip);
  return db.lookup(parsed);
}

/** The plain-format reference: scan the raw v1 index exactly as the file defines it. */
function oracleV4(buf: Buffer, ip: number): string | null {
  const first = buf.readUInt32LE(0);
  const last = buf.readUInt32LE(4);
  let lo = 0;
  let hi = (last - first) / 12;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const p = first + mid * 12;
    if (ip < buf.readUInt32LE(p)) hi = mid - 1;
    else if (ip > buf.readUInt32LE(p + 4)) lo = mid + 1;
    else {
      const ptr = buf.readUInt32LE(p + 8);
      return buf.toString('utf8', (ptr & 0xffffff) + 4, (ptr & 0xffffff) + (ptr >>> 24));
    }
  }
  return null;
}

test('IPv4 answers match a straightforward search of the raw file for 50,000 addresses', () => {
  const buf = readFileSync(shippedIp2RegionFiles().ipv4);
  let s = 12345;
  const edges = [0, 1, 0xffff, 0x10000, 0xffffffff, 0xfffffffe, 0x7fffffff, 0x80000000];
  for (let i = 0; i < 50_000 + edges.length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const ip = i < edges.length ? edges[i]! : s;
    const raw = oracleV4(buf, ip);
    const f = raw ? raw.split('|') : null;
    const expected = f ? toIp2RegionPlace(f[0]!, f[2]!, f[3]!, db.vocabulary) : null;
    assert.deepEqual(db.lookup({ version: 4, v4: ip, text: ipv4ToText(ip) }), expected, ipv4ToText(ip));
  }
});

const cases: Array<{ ip: string; expect: ReturnType<Ip2Region['lookup']> }> = [
  { ip: '183.3.226.35', expect: { countryCode: 'CN', province: '广东省', city: '深圳市' } },
  { ip: '123.125.114.144', expect: { countryCode: 'CN', province: '北京', city: '北京市' } },
  { ip: '114.114.114.114', expect: { countryCode: 'CN', province: '江苏省', city: '南京市' } },
  { ip: '203.198.0.1', expect: { countryCode: 'HK', province: null, city: null } },
  { ip: '59.120.0.1', expect: { countryCode: 'TW', province: null, city: null } },
  { ip: '8.8.8.8', expect: null },
  // ipv6wry writes 中国\t北京市\t东城区; the district is not a city, the municipality is.
  { ip: '2409:8a00::1', expect: { countryCode: 'CN', province: '北京', city: '北京市' } },
  { ip: '240e:e9:6002:15c:0:ff:b015:146f', expect: { countryCode: 'CN', province: '江苏省', city: '南京市' } },
  { ip: '2001:da8:8000::1', expect: { countryCode: 'CN', province: '上海', city: '上海市' } },
  { ip: '2a00:1450:4001:80e::200e', expect: null },
];
for (const c of cases) {
  test(`lookup ${c.ip}`, () => assert.deepEqual(lookup(c.ip), c.expect));
}

test('every Chinese province in both files is one we know (no stray spellings become city keys)', () => {
  const known = new Set(CHINA_PROVINCES.map((p) => p.name));
  const seen = new Set<string>();
  let s = 99;
  for (let i = 0; i < 200_000; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const v4 = db.lookup({ version: 4, v4: s, text: '' });
    if (v4?.province) seen.add(v4.province);
    const v6 = db.lookup({ version: 6, words: [0x24000000 + (s & 0x0fffffff), s, 0, 0], text: '' });
    if (v6?.province) seen.add(v6.province);
  }
  assert.ok(seen.size >= 25, `only sampled ${seen.size} provinces`);
  for (const p of seen) assert.ok(known.has(p), `unknown province spelling ${p}`);
});

test('toIp2RegionPlace', () => {
  assert.equal(toIp2RegionPlace('美国', '加利福尼亚', '0', null), null);
  assert.deepEqual(toIp2RegionPlace('中国', '0', '0', null), { countryCode: 'CN', province: null, city: null });
  assert.deepEqual(toIp2RegionPlace('中国', '香港区', '', null), { countryCode: 'HK', province: null, city: null });
  assert.deepEqual(toIp2RegionPlace('中国', '内蒙古区', '呼和浩特市', db.vocabulary), { countryCode: 'CN', province: '内蒙古', city: '呼和浩特市' });
  assert.deepEqual(toIp2RegionPlace('中国', '湖北省', '恩施州', db.vocabulary), { countryCode: 'CN', province: '湖北省', city: '恩施' });
  assert.deepEqual(toIp2RegionPlace('中国', '上海市', '浦东新区', db.vocabulary), { countryCode: 'CN', province: '上海', city: '上海市' });
});
