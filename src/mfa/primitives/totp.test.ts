import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateTotp, generateTotpForStep, totpStep, totpStepStartMs, verifyTotp } from './totp.js';
import type { OtpAlgorithm } from './hotp.js';

// RFC 6238 Appendix B: the seed is the ASCII string repeated to the hash's output length.
const SEEDS: Record<OtpAlgorithm, Buffer> = {
  SHA1: Buffer.from('12345678901234567890', 'ascii'),
  SHA256: Buffer.from('12345678901234567890123456789012', 'ascii'),
  SHA512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii'),
};

// RFC 6238 Appendix B table: [Unix seconds, SHA1, SHA256, SHA512], 8 digits, X = 30.
const APPENDIX_B: Array<[number, string, string, string]> = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

test('matches RFC 6238 Appendix B vectors for SHA1, SHA256 and SHA512', () => {
  for (const [seconds, sha1, sha256, sha512] of APPENDIX_B) {
    const nowMs = seconds * 1000;
    assert.equal(generateTotp(SEEDS.SHA1, nowMs, { digits: 8 }), sha1, `SHA1 @${seconds}`);
    assert.equal(generateTotp(SEEDS.SHA256, nowMs, { digits: 8, algorithm: 'SHA256' }), sha256, `SHA256 @${seconds}`);
    assert.equal(generateTotp(SEEDS.SHA512, nowMs, { digits: 8, algorithm: 'SHA512' }), sha512, `SHA512 @${seconds}`);
    assert.equal(
      verifyTotp(SEEDS.SHA512, sha512, nowMs, { digits: 8, algorithm: 'SHA512' }).ok,
      true,
    );
  }
});

test('step arithmetic follows RFC 6238 §4.2', () => {
  assert.equal(totpStep(59_000), 1);
  assert.equal(totpStep(59_999), 1);
  assert.equal(totpStep(60_000), 2);
  assert.equal(totpStep(1111111109_000), 0x23523ec); // RFC 6238 Appendix B "T (hex)"
  assert.equal(totpStep(120_000, 60), 2);
  assert.equal(totpStepStartMs(2), 60_000);
});

const SECRET = SEEDS.SHA1;
const NOW = Date.UTC(2026, 0, 1, 12, 0, 15); // mid-step so ±15 s stays in the same step
const STEP = totpStep(NOW);

test('window accepts exactly ±1 step by default and reports the matched step', () => {
  for (const offset of [-1, 0, 1]) {
    const code = generateTotpForStep(SECRET, STEP + offset);
    assert.deepEqual(verifyTotp(SECRET, code, NOW), { ok: true, step: STEP + offset });
  }
  for (const offset of [-2, 2]) {
    const code = generateTotpForStep(SECRET, STEP + offset);
    assert.deepEqual(verifyTotp(SECRET, code, NOW), { ok: false, reason: 'mismatch' });
  }
});

test('window edges move with the clock at step boundaries', () => {
  const code = generateTotpForStep(SECRET, STEP);
  const stepStart = totpStepStartMs(STEP);
  // Last millisecond of step+1 still accepts (previous step); first ms of step+2 does not.
  assert.equal(verifyTotp(SECRET, code, stepStart + 60_000 - 1).ok, true);
  assert.equal(verifyTotp(SECRET, code, stepStart + 60_000).ok, false);
  // First millisecond of step−1 accepts (next step); last ms of step−2 does not.
  assert.equal(verifyTotp(SECRET, code, stepStart - 30_000).ok, true);
  assert.equal(verifyTotp(SECRET, code, stepStart - 30_000 - 1).ok, false);
});

test('window 0 accepts only the current step; wider windows are bounded', () => {
  assert.equal(verifyTotp(SECRET, generateTotpForStep(SECRET, STEP), NOW, { window: 0 }).ok, true);
  assert.equal(verifyTotp(SECRET, generateTotpForStep(SECRET, STEP - 1), NOW, { window: 0 }).ok, false);
  assert.equal(verifyTotp(SECRET, generateTotpForStep(SECRET, STEP - 2), NOW, { window: 2 }).ok, true);
  assert.throws(() => verifyTotp(SECRET, '000000', NOW, { window: 11 }), RangeError);
});

test('lastUsedStep refuses replay of the same or an earlier step', () => {
  const code = generateTotp(SECRET, NOW);
  const first = verifyTotp(SECRET, code, NOW, { lastUsedStep: null });
  assert.deepEqual(first, { ok: true, step: STEP });
  assert.deepEqual(verifyTotp(SECRET, code, NOW, { lastUsedStep: STEP }), { ok: false, reason: 'replayed' });
  // A code from the previous step is also dead once a later step was used…
  const previous = generateTotpForStep(SECRET, STEP - 1);
  assert.deepEqual(verifyTotp(SECRET, previous, NOW, { lastUsedStep: STEP }), { ok: false, reason: 'replayed' });
  // …but the next step's code is still fine.
  const next = generateTotpForStep(SECRET, STEP + 1);
  assert.deepEqual(verifyTotp(SECRET, next, NOW, { lastUsedStep: STEP }), { ok: true, step: STEP + 1 });
});

test('rejects malformed codes and wrong-length codes', () => {
  for (const bad of ['', '12345', '1234567', '12345a', '123 456', '-12345', '+12345']) {
    assert.deepEqual(verifyTotp(SECRET, bad, NOW), { ok: false, reason: 'malformed' });
  }
  const six = generateTotp(SECRET, NOW);
  assert.deepEqual(verifyTotp(SECRET, six, NOW, { digits: 8 }), { ok: false, reason: 'malformed' });
});

test('period option changes the step size', () => {
  const code = generateTotp(SECRET, NOW, { periodSeconds: 60 });
  assert.equal(code, generateTotpForStep(SECRET, totpStep(NOW, 60)));
  assert.deepEqual(verifyTotp(SECRET, code, NOW, { periodSeconds: 60 }), { ok: true, step: totpStep(NOW, 60) });
  assert.throws(() => generateTotp(SECRET, NOW, { periodSeconds: 0 }), RangeError);
});
