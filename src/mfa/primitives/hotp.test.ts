import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateHotp, isWellFormedOtp, normalizeOtpInput, resyncHotp, verifyHotp } from './hotp.js';

const SECRET = Buffer.from('12345678901234567890', 'ascii'); // RFC 4226 Appendix D

// RFC 4226 Appendix D, HOTP values for counts 0–9.
const APPENDIX_D = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];

test('matches RFC 4226 Appendix D vectors', () => {
  APPENDIX_D.forEach((expected, counter) => {
    assert.equal(generateHotp(SECRET, counter), expected);
    assert.equal(generateHotp(SECRET, BigInt(counter)), expected);
  });
});

test('verifyHotp finds the counter within the look-ahead window', () => {
  assert.deepEqual(verifyHotp(SECRET, APPENDIX_D[0] as string, 0), { ok: true, counter: 0 });
  assert.deepEqual(verifyHotp(SECRET, APPENDIX_D[3] as string, 1, { lookAhead: 2 }), { ok: true, counter: 3 });
  assert.deepEqual(verifyHotp(SECRET, APPENDIX_D[4] as string, 1, { lookAhead: 2 }), { ok: false, reason: 'mismatch' });
  // A code for a counter already consumed (below the expected one) is dead.
  assert.deepEqual(verifyHotp(SECRET, APPENDIX_D[0] as string, 1), { ok: false, reason: 'mismatch' });
});

test('verifyHotp rejects malformed codes before computing', () => {
  for (const bad of ['', '75522', '7552240', '75522a', ' 755224', '７５５２２４']) {
    assert.deepEqual(verifyHotp(SECRET, bad, 0), { ok: false, reason: 'malformed' });
  }
  assert.equal(isWellFormedOtp('12345678', 8), true);
  assert.equal(isWellFormedOtp('123456', 8), false);
  assert.equal(normalizeOtpInput(' 755 224\n'), '755224');
  assert.equal(normalizeOtpInput('755-224'), '755224');
});

test('resyncHotp needs two consecutive codes and reports the second counter', () => {
  const ok = resyncHotp(SECRET, APPENDIX_D[7] as string, APPENDIX_D[8] as string, 0, { resyncWindow: 20 });
  assert.deepEqual(ok, { ok: true, counter: 8 });
  const gap = resyncHotp(SECRET, APPENDIX_D[7] as string, APPENDIX_D[9] as string, 0, { resyncWindow: 20 });
  assert.deepEqual(gap, { ok: false, reason: 'mismatch' });
});

test('supports 8 digits and validates options', () => {
  assert.equal(generateHotp(SECRET, 0, { digits: 8 }).length, 8);
  assert.throws(() => generateHotp(SECRET, -1), RangeError);
  assert.throws(() => generateHotp(SECRET, 0, { digits: 7 as 6 }), RangeError);
  assert.throws(() => generateHotp(SECRET, 0, { algorithm: 'MD5' as 'SHA1' }), RangeError);
  assert.throws(() => verifyHotp(SECRET, '000000', 0, { lookAhead: 5000 }), RangeError);
});
