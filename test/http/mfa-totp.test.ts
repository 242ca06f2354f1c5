/**
 * Virtual MFA over HTTP on both databases: enrolment confirmed by a code computed here from the
 * secret, listing on /me, login protection end to end (202 → verify → 201), replay refused
 * (also for two parallel uses of one code), and wrong codes counted apart from passwords.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../support/databases.js';
import { TEST_PASSWORD, type TestGatehouse, useGatehouse } from '../support/harness.js';
import { enrolTotp, totpCode, TOTP_STEP_MS } from '../support/mfa.js';

for (const kind of DB_KINDS) {
  describe(`virtual MFA on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));

    async function signInOwing(email: string) {
      const r = await g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: TEST_PASSWORD }, ip: '1.1.1.1' });
      assert.equal(r.status, 202, JSON.stringify(r.body));
      return r.body;
    }

    test('enrol, list, sign in with login protection, replay refused', { skip: skip ?? false }, async () => {
      const { id: accountId, email } = await g.register();
      const { token } = await g.signIn(email);
      const started = await g.request('POST', '/api/v1/me/mfa/totp', { token, body: { name: 'My phone' } });
      assert.equal(started.status, 201);
      assert.match(started.body.otpauthUrl, /^otpauth:\/\/totp\//);
      assert.match(started.body.qrDataUrl, /^data:image\/png;base64,/);
      const pendingList = (await g.request('GET', '/api/v1/me', { token })).body.mfa;
      assert.deepEqual(pendingList, [], 'a pending device is not listed');

      const wrong = await g.request('POST', `/api/v1/me/mfa/totp/${started.body.id}/activate`, { token, body: { code: '000000' } });
      assert.equal(wrong.status, 400);
      g.clock.advance(TOTP_STEP_MS);
      const { secret } = await enrolTotp(g, token, 'Second phone');
      const me = (await g.request('GET', '/api/v1/me', { token })).body;
      assert.equal(me.mfa.length, 1);
      assert.equal(me.mfa[0].type, 'totp');
      assert.equal(me.mfa[0].name, 'Second phone');
      assert.ok(me.mfa[0].createdAt);
      assert.ok((await g.outbox(email)).some((m: any) => m.template === 'mfa_bound'), 'mfa_bound notice');
      const renamed = await g.request('PATCH', `/api/v1/me/mfa/${me.mfa[0].id}`, { token, body: { name: 'Work phone' } });
      assert.deepEqual([renamed.status, renamed.body.name], [200, 'Work phone']);

      // The seed is sealed at rest: the stored column is not the base32 secret.
      const row = await g.services.database.db.selectFrom('mfa_devices').select('secret_sealed').where('account_id', '=', accountId).executeTakeFirstOrThrow();
      assert.ok(row.secret_sealed && !row.secret_sealed.includes(started.body.secret));

      const patched = await g.request('PATCH', '/api/v1/me/security', { token, body: { loginProtection: { enabled: true, methods: ['totp'] } } });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assert.equal(patched.body.loginProtection.enabled, true);

      const owing = await signInOwing(email);
      assert.equal(owing.reason, 'login_protection');
      assert.ok(owing.methods.includes('totp'));
      const code = totpCode(g, secret);
      const done = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: owing.ticket, method: 'totp', code } });
      assert.equal(done.status, 201, JSON.stringify(done.body));
      assert.ok(done.body.token);

      // The same code again, in the same 30 s step, on a fresh sign-in: refused.
      const again = await signInOwing(email);
      const replay = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: again.ticket, method: 'totp', code } });
      assert.equal(replay.status, 400);
      assert.equal(replay.body.error.code, 'invalid_code');
    });

    test('remote-login protection accepts the TOTP device', { skip: skip ?? false }, async () => {
      const beijing = ['123.125.114.144', '220.181.38.148'];
      const shenzhen = '183.3.226.35';
      const { email } = await g.register();
      const { token } = await g.signIn(email, TEST_PASSWORD, beijing[0]);
      await g.signIn(email, TEST_PASSWORD, beijing[1]);
      const { secret } = await enrolTotp(g, token);
      assert.equal((await g.request('PATCH', '/api/v1/me/security', { token, body: { remoteLoginProtection: { enabled: true } } })).status, 200);
      const away = await g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: TEST_PASSWORD }, ip: shenzhen });
      assert.equal(away.status, 202, JSON.stringify(away.body));
      assert.equal(away.body.reason, 'remote_login_protection');
      assert.ok(away.body.methods.includes('totp'));
      const done = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: away.body.ticket, method: 'totp', code: totpCode(g, secret) }, ip: shenzhen });
      assert.equal(done.status, 201, JSON.stringify(done.body));
    });

    test('two parallel uses of one code: exactly one passes', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const { token } = await g.signIn(email);
      const { secret } = await enrolTotp(g, token);
      assert.equal((await g.request('PATCH', '/api/v1/me/security', { token, body: { loginProtection: { enabled: true } } })).status, 200);
      // Sign-ins one after the other (parallel ones would be counted as password attempts in flight).
      const tickets = [];
      for (let i = 0; i < 4; i++) tickets.push(await signInOwing(email));
      const code = totpCode(g, secret);
      const results = await Promise.all(tickets.map((t) => g.request('POST', '/api/v1/sessions/verify', { body: { ticket: t.ticket, method: 'totp', code } })));
      assert.deepEqual(results.map((r) => r.status).sort(), [201, 400, 400, 400]);
    });

    test('wrong MFA codes lock MFA on their own counter, not the password one', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const { token } = await g.signIn(email);
      const { secret } = await enrolTotp(g, token);
      assert.equal((await g.request('PATCH', '/api/v1/me/security', { token, body: { loginProtection: { enabled: true, methods: ['totp'] } } })).status, 200);
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const owing = await signInOwing(email); // the right password each time: no password failure counted
        const r = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: owing.ticket, method: 'totp', code: String(100000 + i) } });
        statuses.push(r.status);
      }
      assert.deepEqual(statuses, [400, 400, 400, 400, 400, 400, 400, 400, 400, 400]);
      const owing = await signInOwing(email); // passwords are still fine: no captcha, no lock
      const locked = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: owing.ticket, method: 'totp', code: totpCode(g, secret) } });
      assert.equal(locked.status, 423);
      assert.equal(locked.body.error.code, 'mfa_locked');
      assert.ok(locked.body.error.details.lockedUntil);
      // And the other way round: wrong passwords do not touch the MFA counter's key.
      const guards = await g.services.database.db.selectFrom('signin_guards').select(['key', 'failures']).where('key', 'like', 'mfa:%').execute();
      assert.ok(guards.some((r) => Number(r.failures) >= 10));
    });

    test('removing a device always needs verification, and the device then is gone', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const { token } = await g.signIn(email);
      const { id, secret } = await enrolTotp(g, token);
      assert.equal((await g.request('PATCH', '/api/v1/me/security', { token, body: { loginProtection: { enabled: true, methods: ['totp'] } } })).status, 200);
      const refused = await g.request('DELETE', `/api/v1/me/mfa/${id}`, { token });
      assert.equal(refused.status, 403);
      assert.deepEqual(refused.body.error.details.methods, ['totp'], 'with MFA bound, only MFA removes MFA');
      const emailTry = await g.request('POST', `/api/v1/verifications/${refused.body.error.details.ticket}/send`, { token, body: { method: 'email' } });
      assert.equal(emailTry.status, 400);
      const verified = await g.request('POST', `/api/v1/verifications/${refused.body.error.details.ticket}`, { token, body: { method: 'totp', code: totpCode(g, secret) } });
      assert.equal(verified.status, 200);
      const removed = await g.request('DELETE', `/api/v1/me/mfa/${id}`, { token, headers: { 'x-verification-token': verified.body.verificationToken } });
      assert.equal(removed.status, 204, JSON.stringify(removed.body));
      assert.deepEqual((await g.request('GET', '/api/v1/me', { token })).body.mfa, []);
      assert.ok((await g.outbox(email)).some((m: any) => m.template === 'mfa_unbound'));
      const audit = (await g.request('GET', '/api/v1/me/audit?event=mfa.unbound', { token })).body.events;
      assert.equal(audit.length, 1);
      assert.ok(audit[0].details.verificationId, 'the unbind audit entry links to its verification');

      // Login protection chose TOTP, which is gone now: sign-in still owes a second step.
      const owing = await signInOwing(email);
      assert.ok(owing.methods.includes('email'), JSON.stringify(owing));
    });
  });
}
