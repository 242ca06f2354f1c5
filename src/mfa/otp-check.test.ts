import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateHotp } from './primitives/hotp.js';
import { generateTotpForStep } from './primitives/totp.js';
import { matchOtp, type OtpParams } from './otp-check.js';

const secret = Buffer.from('12345678901234567890'); // RFC 4226 Appendix D test secret
const hotp: OtpParams = { secret, kind: 'hotp', algorithm: 'SHA1', digits: 6, periodSeconds: 0 };
const totp: OtpParams = { secret, kind: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds: 30 };

test('HOTP: RFC 4226 vectors within the look-ahead window, never at or before the last counter', () => {
  assert.equal(generateHotp(secret, 0), '755224');
  assert.equal(matchOtp(hotp, '755224', 0, -1), 0);
  assert.equal(matchOtp(hotp, '287082', 0, -1), 1, 'a press the server did not see is tolerated');
  assert.equal(matchOtp(hotp, '755224', 0, 0), null, 'a used counter is dead');
  assert.equal(matchOtp(hotp, generateHotp(secret, 12), 0, 1), null, 'beyond the look-ahead window');
  assert.equal(matchOtp(hotp, '75522', 0, -1), null);
});

test('TOTP: ±1 step, and never a step at or before the last used one', () => {
  const now = 1_000 * 30 * 1_000; // step 1000
  assert.equal(matchOtp(totp, generateTotpForStep(secret, 1000), now, -1), 1000);
  assert.equal(matchOtp(totp, generateTotpForStep(secret, 999), now, -1), 999);
  assert.equal(matchOtp(totp, generateTotpForStep(secret, 998), now, -1), null);
  assert.equal(matchOtp(totp, generateTotpForStep(secret, 1000), now, 1000), null, 'replay refused');
});
