import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Base32Error, decodeBase32, encodeBase32, isBase32 } from './base32.js';

// RFC 4648 §10 test vectors (padding stripped on output by design).
const VECTORS: Array<[string, string]> = [
  ['', ''],
  ['f', 'MY======'],
  ['fo', 'MZXQ===='],
  ['foo', 'MZXW6==='],
  ['foob', 'MZXW6YQ='],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI======'],
];

test('encodes RFC 4648 vectors without padding', () => {
  for (const [plain, encoded] of VECTORS) {
    assert.equal(encodeBase32(Buffer.from(plain)), encoded.replace(/=+$/, ''));
  }
});

test('decodes RFC 4648 vectors with and without padding', () => {
  for (const [plain, encoded] of VECTORS) {
    assert.equal(decodeBase32(encoded).toString(), plain);
    assert.equal(decodeBase32(encoded.replace(/=+$/, '')).toString(), plain);
  }
});

test('decode tolerates lower case and whitespace', () => {
  assert.equal(decodeBase32('mzxw 6ytb\toi').toString(), 'foobar');
  assert.equal(decodeBase32(' MZXW6YTBOI====== \n').toString(), 'foobar');
});

test('round-trips random data of every length mod 5', () => {
  for (let n = 0; n < 42; n++) {
    const data = randomBytes(n);
    assert.deepEqual(decodeBase32(encodeBase32(data)), data);
  }
});

test('rejects invalid characters, inner padding and impossible lengths', () => {
  for (const bad of ['MZXW1YTB', 'MZXW8YTB', 'MZ=XW6YTB', 'MZXW6YT!', 'M', 'MZX', 'MZXW6Y']) {
    assert.throws(() => decodeBase32(bad), Base32Error, bad);
    assert.equal(isBase32(bad), false);
  }
  assert.equal(isBase32('JBSWY3DPEHPK3PXP'), true);
});
