import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ipRateKey, normaliseIp, parseTrustProxy } from './client-ip.js';

test('unset, empty, "false" and "none" trust nobody', () => {
  for (const raw of [undefined, '', '  ', 'false', 'none']) assert.equal(parseTrustProxy(raw), false, String(raw));
});

test('a hop count becomes a number', () => {
  assert.equal(parseTrustProxy('1'), 1);
  assert.equal(parseTrustProxy('2'), 2);
  assert.equal(parseTrustProxy(' 3 '), 3);
});

test('named ranges, IPs and CIDR lists pass through', () => {
  for (const raw of ['loopback', 'loopback,uniquelocal', '10.0.0.0/8', '10.0.0.0/8, 192.168.1.7', '::1', 'fd00::/8', '2001:db8::/32,loopback', '0.0.0.0/0', '192.168.1.7/32']) {
    assert.equal(parseTrustProxy(raw), raw.trim(), raw);
  }
});

test('anything else is a configuration error', () => {
  for (const raw of ['yes', 'true', 'proxy.example.com', '10.0.0.0/33', '::1/129', '10.0.0.0/8/8', '10.0.0/8', '10.0.0.0/x', '-1', '1.5', '10.0.0.0/8,', 'loopback,,10.0.0.1', '999.1.1.1']) {
    assert.throws(() => parseTrustProxy(raw), /GATEHOUSE_TRUST_PROXY/, raw);
  }
});

test('IPv4-mapped IPv6 is normalised to IPv4; other addresses are left alone', () => {
  assert.equal(normaliseIp('::ffff:203.0.113.9'), '203.0.113.9');
  assert.equal(normaliseIp('203.0.113.9'), '203.0.113.9');
  assert.equal(normaliseIp('::1'), '::1');
  assert.equal(normaliseIp('2001:db8::1'), '2001:db8::1');
  assert.equal(normaliseIp('::ffff:not-an-ip'), '::ffff:not-an-ip');
});

test('per-IP rate limits count IPv4 addresses singly and IPv6 per /64', () => {
  assert.equal(ipRateKey('203.0.113.9'), '203.0.113.9');
  assert.equal(ipRateKey('::ffff:203.0.113.9'), '203.0.113.9');
  assert.equal(ipRateKey('2001:db8:85a3:8d3:1319:8a2e:370:7348'), '2001:db8:85a3:8d3::/64');
  assert.equal(ipRateKey('2001:db8:85a3:8d3::1'), '2001:db8:85a3:8d3::/64');
  assert.equal(ipRateKey('2001:DB8:85A3:08D3:ffff::'), '2001:db8:85a3:8d3::/64');
  assert.equal(ipRateKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(ipRateKey('2001:db8::'), '2001:db8:0:0::/64');
  assert.equal(ipRateKey('::1'), '0:0:0:0::/64');
  assert.equal(ipRateKey('::'), '0:0:0:0::/64');
  assert.equal(ipRateKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
  assert.equal(ipRateKey('2001:db8:1:2:3:4:5:6'), ipRateKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
  assert.notEqual(ipRateKey('2001:db8:1:2::1'), ipRateKey('2001:db8:1:3::1'));
  assert.equal(ipRateKey('not-an-ip'), 'not-an-ip');
});
