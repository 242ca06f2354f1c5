import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  constantTimeEqual, deriveSubkey, keyedHash, keyedHashMatches, newId, open, parseKeyRing, randomDigits, randomTokenBase64Url, seal, sealedKeyId,
} from './crypto.js';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');

test('seal/open round trip, bound to its AAD', () => {
  const ring = parseKeyRing(k1);
  for (const plain of ['JBSWY3DPEHPK3PXP', '', '身份证 110101199003074477', 'x'.repeat(10_000)]) {
    const sealed = seal(ring, plain, 'mfa_devices:abc');
    assert.match(sealed, /^v1\.k1\.[\w-]+\.[\w-]*\.[\w-]+$/);
    assert.equal(open(ring, sealed, 'mfa_devices:abc').toString('utf8'), plain);
  }
  const sealed = seal(ring, 'secret', 'row:1');
  assert.notEqual(seal(ring, 'secret', 'row:1'), sealed, 'fresh IV each time');
  assert.throws(() => open(ring, sealed, 'row:2'), 'wrong AAD');
  assert.throws(() => open(ring, sealed, ''), 'empty AAD');
});

test('a tampered or foreign sealed value does not open', () => {
  const ring = parseKeyRing(k1);
  const sealed = seal(ring, 'secret value', 'row:1');
  const parts = sealed.split('.');
  const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
  for (const i of [2, 3, 4]) {
    const bad = [...parts];
    bad[i] = flip(bad[i]!);
    assert.throws(() => open(ring, bad.join('.'), 'row:1'), `part ${i}`);
  }
  assert.throws(() => open(ring, 'v2.' + parts.slice(1).join('.'), 'row:1'), /unrecognised/);
  assert.throws(() => open(ring, 'garbage', 'row:1'), /unrecognised/);
  assert.throws(() => open(parseKeyRing(k2), sealed, 'row:1'), 'another key with the same id');
});

test('rotation: a value sealed under the old key opens with a ring whose current key is new', () => {
  const oldRing = parseKeyRing(`old:${k1}`);
  const sealed = seal(oldRing, 'totp seed', 'mfa:1');
  assert.equal(sealedKeyId(sealed), 'old');
  const rotated = parseKeyRing(`new:${k2},old:${k1}`);
  assert.equal(rotated.currentKeyId, 'new');
  assert.equal(open(rotated, sealed, 'mfa:1').toString(), 'totp seed');
  const resealed = seal(rotated, 'totp seed', 'mfa:1');
  assert.equal(sealedKeyId(resealed), 'new');
  assert.throws(() => open(oldRing, resealed, 'mfa:1'), /unknown key new/);
  assert.throws(() => open(parseKeyRing(`new:${k2}`), sealed, 'mfa:1'), /unknown key old/, 'retired key gone');
});

test('keyedHash survives rotation and is bound to its purpose', () => {
  const oldRing = parseKeyRing(`old:${k1}`);
  const stored = keyedHash(oldRing, 'verification-code', '123456');
  assert.match(stored, /^old\$[\w-]{43}$/);
  assert.equal(keyedHashMatches(oldRing, 'verification-code', '123456', stored), true);
  assert.equal(keyedHashMatches(oldRing, 'verification-code', '123457', stored), false);
  assert.equal(keyedHashMatches(oldRing, 'recovery-code', '123456', stored), false, 'other purpose');
  const rotated = parseKeyRing(`new:${k2},old:${k1}`);
  assert.equal(keyedHashMatches(rotated, 'verification-code', '123456', stored), true);
  assert.match(keyedHash(rotated, 'verification-code', '123456'), /^new\$/);
  assert.equal(keyedHashMatches(parseKeyRing(`new:${k2}`), 'verification-code', '123456', stored), false);
  for (const junk of ['', '$', 'nokid', 'old$', '$abc', 'zzz$']) assert.equal(keyedHashMatches(rotated, 'verification-code', '123456', junk), false, junk);
});

test('parseKeyRing accepts one key or a kid list, and refuses bad ones', () => {
  const single = parseKeyRing(k1);
  assert.equal(single.currentKeyId, 'k1');
  assert.equal(single.keys.get('k1')!.length, 32);
  const list = parseKeyRing(` a:${k1} , b:${k2} `);
  assert.equal(list.currentKeyId, 'a');
  assert.deepEqual([...list.keys.keys()], ['a', 'b']);
  assert.throws(() => parseKeyRing(''), /empty/);
  assert.throws(() => parseKeyRing(randomBytes(16).toString('base64')), /32 bytes/);
  assert.throws(() => parseKeyRing(`bad kid!:${k1}`), /key id/);
});

test('subkeys differ by purpose and by key; helpers have their shapes', () => {
  const ring = parseKeyRing(`a:${k1},b:${k2}`);
  assert.notDeepEqual(deriveSubkey(ring, 'csrf'), deriveSubkey(ring, 'captcha'));
  assert.notDeepEqual(deriveSubkey(ring, 'csrf', 'a'), deriveSubkey(ring, 'csrf', 'b'));
  assert.deepEqual(deriveSubkey(ring, 'csrf'), deriveSubkey(parseKeyRing(`a:${k1}`), 'csrf'));
  assert.throws(() => deriveSubkey(ring, 'csrf', 'zzz'));
  assert.equal(constantTimeEqual('abc', 'abc'), true);
  assert.equal(constantTimeEqual('abc', 'abd'), false);
  assert.equal(constantTimeEqual('abc', 'abcd'), false);
  assert.match(randomDigits(6), /^\d{6}$/);
  assert.match(newId(), /^[0-9a-hjkmnp-tv-z]{20}$/);
  assert.equal(randomTokenBase64Url(32).length, 43);
  const digits = new Set(Array.from({ length: 2000 }, () => randomDigits(1)));
  assert.equal(digits.size, 10, 'every digit appears');
});
