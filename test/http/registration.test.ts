/**
 * Verification codes and registration over HTTP, on both databases: the 202 answer that does
 * not reveal existing accounts, the weak-password reasons, single use, 5 wrong tries, a new
 * code voiding the old, expiry, and the resend / per-IP throttles.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MINUTE_MS } from '../../src/platform/clock.js';
import { DB_KINDS } from '../support/databases.js';
import { TEST_PASSWORD, type TestGatehouse, useGatehouse } from '../support/harness.js';

let seq = 0;
const uniqueEmail = (tag: string) => `${tag}-${Date.now().toString(36)}-${++seq}@example.com`;
/** A distinct client IP per scenario, so the per-IP code throttle never leaks between tests. */
const uniqueIp = () => `10.20.${Math.floor(seq / 200)}.${(seq++ % 200) + 1}`;

for (const kind of DB_KINDS) {
  describe(`verification codes and registration on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));
    const opts = { skip: skip ?? false };

    const sendCode = (to: string, ip: string, purpose = 'register', channel = 'email') =>
      g.request('POST', '/api/v1/verification-codes', { body: { channel, to, purpose }, ip });
    const registerWith = (email: string, password: string, code: string, ip: string) =>
      g.request('POST', '/api/v1/accounts', { body: { email, password, code }, ip });

    test('202 with the same body for a new and an existing email', opts, async () => {
      const existing = await g.register(uniqueEmail('existing'), TEST_PASSWORD, uniqueIp());
      for (const purpose of ['register', 'reset_password', 'login']) {
        const known = await sendCode(existing.email, uniqueIp(), purpose);
        const unknown = await sendCode(uniqueEmail('fresh'), uniqueIp(), purpose);
        assert.equal(known.status, 202, purpose);
        assert.equal(unknown.status, 202, purpose);
        assert.deepEqual(known.body, unknown.body);
        assert.deepEqual(Object.keys(known.body).sort(), ['expiresIn', 'resendAfter']);
        assert.ok(known.body.expiresIn > 0 && known.body.expiresIn <= 600, 'expires within 10 minutes');
        assert.ok(known.body.resendAfter > 0);
        g.clock.advance(61_000);
      }
    });

    test('registration: 201 with the account, numeric id, code sent as verification_code', opts, async () => {
      const email = uniqueEmail('Mixed.Case');
      const ip = uniqueIp();
      assert.equal((await sendCode(email, ip)).status, 202);
      const mail = (await g.outbox(email.toLowerCase())).find((m) => m.template === 'verification_code');
      assert.ok(mail, 'code email in the outbox');
      assert.equal(mail.channel, 'email');
      const code = await g.latestCode(email.toLowerCase());
      const res = await registerWith(email, TEST_PASSWORD, code, ip);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.match(res.body.account.id, /^[1-9]\d{11}$/);
      assert.equal(res.body.account.email, email.toLowerCase());
    });

    test('wrong code → 400 invalid_code; a code works once', opts, async () => {
      const email = uniqueEmail('once');
      const ip = uniqueIp();
      await sendCode(email, ip);
      const code = await g.latestCode(email);
      const wrong = code === '000000' ? '000001' : '000000';
      const bad = await registerWith(email, TEST_PASSWORD, wrong, ip);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'invalid_code');
      assert.equal((await registerWith(email, TEST_PASSWORD, code, ip)).status, 201);
      // Same code again (for another address too): spent.
      const again = await registerWith(email, TEST_PASSWORD, code, ip);
      assert.equal(again.status, 400);
      assert.equal(again.body.error.code, 'invalid_code');
    });

    test('weak_password names each reason: too short, common, equal to the email', opts, async () => {
      const email = uniqueEmail('weakling');
      const ip = uniqueIp();
      await sendCode(email, ip);
      const code = await g.latestCode(email);
      const cases: Array<[string, string]> = [
        ['short1', 'too_short'],
        ['password', 'common_password'],
        ['Password1', 'common_password'],
        ['qwertyuiop', 'common_password'],
        [email, 'contains_email'],
        [email.toUpperCase(), 'contains_email'],
      ];
      for (const [password, reason] of cases) {
        const r = await registerWith(email, password, code, ip);
        assert.equal(r.status, 400, password);
        assert.equal(r.body.error.code, 'weak_password', password);
        assert.ok(Array.isArray(r.body.error.details.reasons), password);
        assert.ok(r.body.error.details.reasons.includes(reason), `${password}: ${JSON.stringify(r.body.error.details.reasons)}`);
        assert.equal(typeof r.body.error.message, 'string');
      }
      // The weak attempts did not burn the code.
      assert.equal((await registerWith(email, TEST_PASSWORD, code, ip)).status, 201);
    });

    test('409 email_taken for an address already registered (with a valid code)', opts, async () => {
      const ip = uniqueIp();
      const { email } = await g.register(uniqueEmail('taken'), TEST_PASSWORD, ip);
      await sendCode(email, uniqueIp());
      const code = await g.latestCode(email);
      const r = await registerWith(email.toUpperCase(), 'another fine passphrase', code, uniqueIp());
      assert.equal(r.status, 409);
      assert.equal(r.body.error.code, 'email_taken');
    });

    test('5 wrong tries kill the code', opts, async () => {
      const email = uniqueEmail('tries');
      const ip = uniqueIp();
      await sendCode(email, ip);
      const code = await g.latestCode(email);
      const wrong = (n: number) => String((Number(code) + n) % 1_000_000).padStart(6, '0');
      for (let i = 1; i <= 5; i++) {
        const r = await registerWith(email, TEST_PASSWORD, wrong(i), ip);
        assert.equal(r.body.error.code, 'invalid_code', `try ${i}`);
      }
      const right = await registerWith(email, TEST_PASSWORD, code, ip);
      assert.equal(right.status, 400);
      assert.equal(right.body.error.code, 'invalid_code');
    });

    test('4 wrong tries leave the code alive', opts, async () => {
      const email = uniqueEmail('four');
      const ip = uniqueIp();
      await sendCode(email, ip);
      const code = await g.latestCode(email);
      for (let i = 1; i <= 4; i++) await registerWith(email, TEST_PASSWORD, String((Number(code) + i) % 1_000_000).padStart(6, '0'), ip);
      assert.equal((await registerWith(email, TEST_PASSWORD, code, ip)).status, 201);
    });

    test('a new code voids the old one', opts, async () => {
      const email = uniqueEmail('void');
      const ip = uniqueIp();
      await sendCode(email, ip);
      const first = await g.latestCode(email);
      g.clock.advance(61_000);
      assert.equal((await sendCode(email, ip)).status, 202);
      const second = await g.latestCode(email);
      if (first !== second) {
        const old = await registerWith(email, TEST_PASSWORD, first, ip);
        assert.equal(old.body.error.code, 'invalid_code');
      }
      assert.equal((await registerWith(email, TEST_PASSWORD, second, ip)).status, 201);
    });

    test('an expired code is refused', opts, async () => {
      const email = uniqueEmail('expired');
      const ip = uniqueIp();
      const sent = await sendCode(email, ip);
      const code = await g.latestCode(email);
      g.clock.advance(sent.body.expiresIn * 1000);
      const r = await registerWith(email, TEST_PASSWORD, code, ip);
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'invalid_code');
    });

    test('a code just before expiry still works', opts, async () => {
      const email = uniqueEmail('nearly');
      const ip = uniqueIp();
      const sent = await sendCode(email, ip);
      const code = await g.latestCode(email);
      g.clock.advance(sent.body.expiresIn * 1000 - 1_000);
      assert.equal((await registerWith(email, TEST_PASSWORD, code, ip)).status, 201);
    });

    test('a code for another purpose does not register', opts, async () => {
      const email = uniqueEmail('purpose');
      await sendCode(email, uniqueIp(), 'verify');
      const verifyCode = await g.latestCode(email);
      const r = await registerWith(email, TEST_PASSWORD, verifyCode, uniqueIp());
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'invalid_code');
    });

    test('resend throttle → 429 rate_limited with retryAfter and Retry-After', opts, async () => {
      const email = uniqueEmail('resend');
      const ip = uniqueIp();
      const first = await sendCode(email, ip);
      assert.equal(first.status, 202);
      g.clock.advance(10_000);
      const second = await sendCode(email, uniqueIp());
      assert.equal(second.status, 429);
      assert.equal(second.body.error.code, 'rate_limited');
      const retryAfter = second.body.error.details.retryAfter;
      assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= first.body.resendAfter, String(retryAfter));
      assert.equal(second.headers['retry-after'], String(retryAfter));
      g.clock.advance(retryAfter * 1000);
      assert.equal((await sendCode(email, ip)).status, 202);
    });

    test('per-IP throttle across destinations', opts, async () => {
      const ip = uniqueIp();
      let limited: Awaited<ReturnType<typeof sendCode>> | null = null;
      let accepted = 0;
      for (let i = 0; i < 60 && !limited; i++) {
        const r = await sendCode(uniqueEmail('spray'), ip);
        if (r.status === 202) accepted++;
        else limited = r;
      }
      assert.ok(limited, 'the IP was throttled');
      assert.ok(accepted >= 5, `accepted ${accepted} before the limit`);
      assert.equal(limited.status, 429);
      assert.equal(limited.body.error.code, 'rate_limited');
      assert.ok(limited.body.error.details.retryAfter > 0);
      assert.equal(limited.headers['retry-after'], String(limited.body.error.details.retryAfter));
      // Another client is not affected.
      assert.equal((await sendCode(uniqueEmail('spray'), uniqueIp())).status, 202);
    });

    test('a bad address or phone → 400 validation_failed naming "to"', opts, async () => {
      const bad = await sendCode('not-an-email', uniqueIp());
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'validation_failed');
      assert.ok(bad.body.error.details.fields.to);
      const phone = await sendCode('+86123', uniqueIp(), 'bind_contact', 'sms');
      assert.equal(phone.status, 400);
      assert.ok(phone.body.error.details.fields.to);
      const ok = await sendCode('+8613800138000', uniqueIp(), 'bind_contact', 'sms');
      assert.equal(ok.status, 202);
      assert.ok((await g.outbox('+8613800138000')).some((m) => m.channel === 'sms' && m.template === 'verification_code'));
    });

    test('per-destination hourly limit', opts, async () => {
      const email = uniqueEmail('hourly');
      let limited = false;
      for (let i = 0; i < 15; i++) {
        const r = await sendCode(email, uniqueIp());
        if (r.status === 429) {
          limited = true;
          break;
        }
        g.clock.advance(MINUTE_MS + 1_000);
      }
      assert.ok(limited, 'the destination was throttled within the hour');
    });
  });
}
