import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Reader, type Response } from 'maxmind';
import { shippedGeoLite2Files } from './geolite2.js';
import { ipv4ToText, parseIp } from './ip.js';
import { createMmdbTree } from './mmdb-tree.js';

/**
 * Our walk must land on exactly the record mmdb-lib's own (private) tree search
 * finds, because decoded records are cached by that pointer: a wrong pointer would
 * hand one address another address's city.
 */
type OracleReader = { findAddressInTree(ip: string): [number | null, number] };

// Most of 2000::/3 is unallocated; seed half the probes with busy /16s so many hit data.
const BUSY_V6_PREFIXES = [0x2001, 0x2400, 0x2401, 0x2404, 0x2408, 0x2409, 0x240e, 0x2600, 0x2601, 0x2602, 0x2604, 0x2605, 0x2606, 0x2607, 0x2800, 0x2a00, 0x2a01, 0x2a02, 0x2a03, 0x2a05, 0x2c0f];

function randomIpv6(rand: () => number): string {
  const first = rand() < 0.5 ? BUSY_V6_PREFIXES[Math.floor(rand() * BUSY_V6_PREFIXES.length)]! : 0x2000 + Math.floor(rand() * 0x2000);
  const groups = [first];
  for (let i = 1; i < 8; i++) groups.push(Math.floor(rand() * 0x10000));
  return groups.map((g) => g.toString(16)).join(':');
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

for (const family of ['ipv4', 'ipv6'] as const) {
  test(`${family}: pointer matches mmdb-lib for 20,000 random addresses`, () => {
    const buffer = readFileSync(shippedGeoLite2Files()[family]);
    const reader = new Reader<Response>(buffer);
    const oracle = reader as unknown as OracleReader;
    const tree = createMmdbTree(buffer, reader.metadata);
    const rand = seeded(family === 'ipv4' ? 4 : 6);
    let hits = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = family === 'ipv4' ? ipv4ToText(Math.floor(rand() * 2 ** 32)) : randomIpv6(rand);
      const parsed = parseIp(text);
      assert.ok(parsed);
      const ours = parsed.version === 4 ? tree.findV4(parsed.v4) : tree.findV6(parsed.words);
      const [theirs] = oracle.findAddressInTree(text);
      assert.equal(ours, theirs ?? 0, text);
      if (ours) hits++;
    }
    assert.ok(hits > 1_000, `only ${hits} probes found data; the comparison would be vacuous`);
  });
}

test('IPv4 tree refuses IPv6 lookups', () => {
  const buffer = readFileSync(shippedGeoLite2Files().ipv4);
  const reader = new Reader<Response>(buffer);
  const tree = createMmdbTree(buffer, reader.metadata);
  assert.equal(tree.findV6([0x20010db8, 0, 0, 1]), 0);
});

test('unsupported record size is rejected', () => {
  assert.throws(() => createMmdbTree(Buffer.alloc(64), { nodeCount: 1, recordSize: 20, ipVersion: 4 }), /record size/);
});
