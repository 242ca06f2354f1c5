import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ipv4ToText, parseIp } from './ip.js';

describe('parseIp: accepted forms', () => {
  const cases: Array<{ name: string; input: string; version: 4 | 6; v4?: string; words?: number[]; text?: string }> = [
    { name: 'dotted quad', input: '8.8.8.8', version: 4, v4: '8.8.8.8' },
    { name: 'all zeros', input: '0.0.0.0', version: 4, v4: '0.0.0.0' },
    { name: 'broadcast', input: '255.255.255.255', version: 4, v4: '255.255.255.255' },
    { name: 'full IPv6', input: '2001:0db8:0000:0000:0000:0000:0000:0001', version: 6, words: [0x20010db8, 0, 0, 1] },
    { name: 'compressed middle', input: '2001:db8::1', version: 6, words: [0x20010db8, 0, 0, 1] },
    { name: 'loopback', input: '::1', version: 6, words: [0, 0, 0, 1] },
    { name: 'unspecified', input: '::', version: 6, words: [0, 0, 0, 0] },
    { name: 'trailing gap', input: 'fe80::', version: 6, words: [0xfe800000, 0, 0, 0] },
    { name: 'upper-case hex', input: 'FE80::ABCD', version: 6, words: [0xfe800000, 0, 0, 0xabcd] },
    { name: 'zone id is dropped', input: 'fe80::1%eth0', version: 6, words: [0xfe800000, 0, 0, 1], text: 'fe80::1' },
    { name: 'embedded IPv4 tail (not mapped)', input: '64:ff9b::1.2.3.4', version: 6, words: [0x0064ff9b, 0, 0, 0x01020304] },
    { name: 'IPv4-mapped dotted → v4', input: '::ffff:192.168.1.1', version: 4, v4: '192.168.1.1' },
    { name: 'IPv4-mapped hex → v4', input: '::ffff:c0a8:101', version: 4, v4: '192.168.1.1' },
    { name: 'IPv4-mapped long form → v4', input: '0:0:0:0:0:ffff:8.8.8.8', version: 4, v4: '8.8.8.8' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const p = parseIp(c.input);
      assert.ok(p, `expected ${c.input} to parse`);
      assert.equal(p.version, c.version);
      if (p.version === 4) {
        assert.equal(ipv4ToText(p.v4), c.v4);
        assert.equal(p.text, c.v4);
      } else {
        assert.deepEqual([...p.words], c.words);
        assert.equal(p.text, c.text ?? c.input);
      }
    });
  }
});

describe('parseIp: rejected forms', () => {
  const cases = [
    '', 'garbage', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1.2.3.-4', '01.2.3.4', '1.2.3.4 ', ' 1.2.3.4', '1..2.3',
    '1.2.3.4/24', ':::', '1:::2', '1::2::3', ':1::2', '1:2:3:4:5:6:7:8:9', '1::2:3:4:5:6:7:8', '12345::1', 'g::1',
    '1:2:3:4:5:6:7:', '::ffff:1.2.3', '1.2.3.4::', '::1.2.3.4:5', '%eth0', 'fe80::1%', '[::1]', 'x'.repeat(200),
  ];
  for (const input of cases) {
    test(JSON.stringify(input.length > 20 ? `${input.slice(0, 20)}…` : input), () => {
      assert.equal(parseIp(input), null);
    });
  }
  test('non-string input from untyped callers', () => {
    assert.equal(parseIp(undefined as unknown as string), null);
    assert.equal(parseIp(12 as unknown as string), null);
  });
});
