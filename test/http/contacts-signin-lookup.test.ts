/**
 * Sign-in by SMS code and "which accounts use this phone?", on both databases: a code signs
 * in to the bound account, wrong codes count toward the same 3/10/24 h guard as passwords,
 * and the lookup reveals nothing before the code is proven.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../support/databases.js';
import { TEST_PASSWORD, type TestGatehouse, useGatehouse } from '../support/harness.js';
import { account, bindPhone, freshIp, sendCode, wrongCode } from '../support/contacts.js';

for (const kind of DB_KINDS) {
  describe(`SMS-code sign-in and account lookup on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));

    const codeSignIn = (identifier: string, code: string, captcha?: string) =>
      g.request('POST', '/api/v1/sessions', { body: { identifier, code, ...(captcha ? { captcha } : {}) }, ip: '198.51.100.7' });

    test('a login code to the bound phone signs in; the session works', { skip: skip ?? false }, async () => {
      const a = await account(g);
      const phone = '+8613800138101';
      assert.equal((await bindPhone(g, a.token, phone)).status, 204);
      const code = await sendCode(g, 'sms', phone, 'login');
      const r = await codeSignIn(phone, code);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.account.id, a.id);
      const me = await g.request('GET', '/api/v1/me', { token: r.body.token });
      assert.equal(me.body.account.id, a.id);
      const again = await codeSignIn(phone, code);
      assert.equal(again.status, 400, 'a code works once');
      assert.equal(again.body.error.code, 'invalid_code');
      const logins = await g.request('GET', '/api/v1/me/logins', { token: r.body.token });
      assert.ok(logins.body.logins.some((l: any) => l.result === 'success' && l.method === 'sms'));
    });

    test('login protection still asks for a second step, and never the same phone again', { skip: skip ?? false }, async () => {
      const a = await account(g);
      const phone = '+8613800138107';
      assert.equal((await bindPhone(g, a.token, phone)).status, 204);
      const on = await g.request('PATCH', '/api/v1/me/security', { token: a.token, body: { loginProtection: { enabled: true } } });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      const r = await codeSignIn(phone, await sendCode(g, 'sms', phone, 'login'));
      assert.equal(r.status, 202, JSON.stringify(r.body));
      assert.equal(r.body.reason, 'login_protection');
      assert.ok(!r.body.methods.includes('sms'), `the SMS first factor is not offered as the second: ${r.body.methods}`);
      assert.ok(r.body.methods.includes('email'));
    });

    test('password or code: exactly one', { skip: skip ?? false }, async () => {
      const both = await g.request('POST', '/api/v1/sessions', { body: { identifier: '+8613800138101', password: 'x', code: '123456' } });
      assert.equal(both.status, 400);
      assert.equal(both.body.error.code, 'validation_failed');
      const neither = await g.request('POST', '/api/v1/sessions', { body: { identifier: '+8613800138101' } });
      assert.equal(neither.status, 400);
      assert.equal(neither.body.error.code, 'validation_failed');
      const byEmail = await g.request('POST', '/api/v1/sessions', { body: { identifier: 'someone@example.com', code: '123456' } });
      assert.equal(byEmail.status, 400);
      assert.match(byEmail.body.error.details.fields.identifier, /mobile number/);
    });

    test('wrong codes count toward the captcha and the lock, together with wrong passwords', { skip: skip ?? false }, async () => {
      const a = await account(g);
      const phone = '+8613800138102';
      assert.equal((await bindPhone(g, a.token, phone)).status, 204);
      let code = await sendCode(g, 'sms', phone, 'login');
      for (let i = 1; i <= 3; i++) {
        const r = await codeSignIn(phone, wrongCode(code));
        assert.equal(r.status, 400, `wrong code #${i}`);
        assert.equal(r.body.error.code, 'invalid_code');
      }
      const owed = await codeSignIn(phone, code);
      assert.equal(owed.status, 428, 'the 4th attempt needs a captcha, even with the right code');
      // A wrong password now also needs the captcha: one guard per account for both factors.
      const pw = await g.request('POST', '/api/v1/sessions', { body: { identifier: a.email, password: 'wrong wrong wrong' }, ip: '198.51.100.8' });
      assert.equal(pw.status, 428);

      const captcha = async () => g.solveCaptcha((await g.request('GET', '/api/v1/captcha')).body);
      for (let i = 4; i <= 9; i++) {
        if (i === 5) code = await sendCode(g, 'sms', phone, 'login'); // the first code died after 5 wrong tries… keep one live
        const r = await codeSignIn(phone, wrongCode(code), await captcha());
        assert.equal(r.status, 400, `wrong code #${i}`);
      }
      const tenth = await codeSignIn(phone, wrongCode(code), await captcha());
      assert.equal(tenth.status, 423);
      assert.equal(tenth.body.error.code, 'account_locked');
      code = await sendCode(g, 'sms', phone, 'login');
      const rightDuringLock = await codeSignIn(phone, code, await captcha());
      assert.equal(rightDuringLock.status, 423);
      const passwordDuringLock = await g.request('POST', '/api/v1/sessions', { body: { identifier: a.email, password: TEST_PASSWORD, captcha: await captcha() }, ip: '198.51.100.9' });
      assert.equal(passwordDuringLock.status, 423);
      assert.ok((await g.outbox(a.email)).some((m) => m.template === 'account_locked'));
    });

    test('unknown numbers answer like known ones', { skip: skip ?? false }, async () => {
      const a = await account(g);
      const known = '+8613800138103';
      const unknown = '+8613800138199';
      assert.equal((await bindPhone(g, a.token, known)).status, 204);
      g.clock.advance(61_000);
      const sentKnown = await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'sms', to: known, purpose: 'login' }, ip: freshIp() });
      const sentUnknown = await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'sms', to: unknown, purpose: 'login' }, ip: freshIp() });
      assert.equal(sentKnown.status, sentUnknown.status);
      assert.deepEqual(sentKnown.body, sentUnknown.body);
      const k = await codeSignIn(known, '000001');
      const u = await codeSignIn(unknown, '000001');
      assert.equal(u.status, k.status);
      assert.deepEqual(u.body, k.body);
    });

    test('account lookup shows nothing without the code, then ids and masked emails', { skip: skip ?? false }, async () => {
      const phone = '+8613800138104';
      const a = await account(g);
      const b = await account(g);
      assert.equal((await bindPhone(g, a.token, phone)).status, 204);
      assert.equal((await bindPhone(g, b.token, phone)).status, 204);

      const noCode = await g.request('POST', '/api/v1/account-lookup', { body: { phone, code: '123456' } });
      const unknownNoCode = await g.request('POST', '/api/v1/account-lookup', { body: { phone: '+8613800138198', code: '123456' } });
      assert.equal(noCode.status, 400);
      assert.equal(noCode.body.error.code, 'invalid_code');
      assert.deepEqual(unknownNoCode.body, noCode.body, 'an unknown number answers alike');
      assert.ok(!JSON.stringify(noCode.body).includes(a.id));

      const bad = await g.request('POST', '/api/v1/account-lookup', { body: { phone: '+86 123', code: '123456' } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'validation_failed');

      const code = await sendCode(g, 'sms', phone, 'verify');
      const r = await g.request('POST', '/api/v1/account-lookup', { body: { phone, code } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(r.body.accounts.map((x: any) => x.id).sort(), [a.id, b.id].sort());
      for (const x of r.body.accounts) assert.match(x.maskedEmail, /^\w{1,2}\*\*\*@example\.com$/);
      const reused = await g.request('POST', '/api/v1/account-lookup', { body: { phone, code } });
      assert.equal(reused.status, 400, 'the code works once');

      const none = '+8613800138197';
      const code2 = await sendCode(g, 'sms', none, 'verify');
      const empty = await g.request('POST', '/api/v1/account-lookup', { body: { phone: none, code: code2 } });
      assert.equal(empty.status, 200);
      assert.deepEqual(empty.body.accounts, []);
    });

    test('password reset by a code to the bound phone ends every session', { skip: skip ?? false }, async () => {
      const a = await account(g);
      const phone = '+8613800138106';
      assert.equal((await bindPhone(g, a.token, phone)).status, 204);
      const code = await sendCode(g, 'sms', phone, 'reset_password');
      const newPassword = 'a brand new passphrase 77';
      const r = await g.request('POST', '/api/v1/password-resets', { body: { identifier: phone, code, newPassword } });
      assert.equal(r.status, 204, JSON.stringify(r.body));
      assert.equal((await g.request('GET', '/api/v1/me', { token: a.token })).status, 401, 'the old session ended');
      assert.equal((await g.request('POST', '/api/v1/sessions', { body: { identifier: a.email, password: newPassword } })).status, 201);
      assert.ok((await g.outbox(phone)).some((m) => m.template === 'password_changed'));
    });

    test('a number shared by several accounts asks for the email or id after the code', { skip: skip ?? false }, async () => {
      const phone = '+8613800138105';
      const a = await account(g);
      const b = await account(g);
      assert.equal((await bindPhone(g, a.token, phone)).status, 204);
      assert.equal((await bindPhone(g, b.token, phone)).status, 204);
      const code = await sendCode(g, 'sms', phone, 'login');
      const r = await codeSignIn(phone, code);
      assert.equal(r.status, 400);
      assert.match(r.body.error.details.fields.identifier, /several accounts/);
      const resetCode = await sendCode(g, 'sms', phone, 'reset_password');
      const reset = await g.request('POST', '/api/v1/password-resets', { body: { identifier: phone, code: resetCode, newPassword: 'another new passphrase 88' } });
      assert.equal(reset.status, 400);
      assert.match(reset.body.error.details.fields.identifier, /several accounts/);
    });
  });
}
