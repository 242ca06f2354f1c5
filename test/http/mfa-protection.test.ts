/**
 * Operation protection end to end on both databases: 403 verification_required → code →
 * verification token → retried request 204; the token is single use and bound to one operation
 * and one account; switching protections off always needs verification; the operation's audit
 * entry links to its verification.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS } from '../support/databases.js';
import { TEST_PASSWORD, type TestGatehouse, useGatehouse } from '../support/harness.js';
import { stepUpByEmail } from '../support/mfa.js';

const NEW_PASSWORD = 'a completely new passphrase 42';

for (const kind of DB_KINDS) {
  describe(`operation protection on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));

    async function protectedAccount() {
      const { id, email } = await g.register();
      const { token } = await g.signIn(email);
      const on = await g.request('PATCH', '/api/v1/me/security', { token, body: { operationProtection: { enabled: true } } });
      assert.equal(on.status, 200, JSON.stringify(on.body));
      assert.equal(on.body.operationProtection.enabled, true);
      return { id, email, token };
    }

    const changePassword = (token: string, headers: Record<string, string> = {}, newPassword = NEW_PASSWORD) =>
      g.request('PUT', '/api/v1/me/password', { token, headers, body: { currentPassword: TEST_PASSWORD, newPassword } });

    test('without protection a password change needs no verification', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const { token } = await g.signIn(email);
      assert.equal((await changePassword(token)).status, 204);
    });

    test('403 → verification → retry with the token → 204, audit linked to the verification', { skip: skip ?? false }, async () => {
      const { email, token } = await protectedAccount();
      const refused = await changePassword(token);
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, 'verification_required');
      assert.ok(refused.body.error.details.ticket);
      assert.ok(Array.isArray(refused.body.error.details.methods));
      const verificationToken = await stepUpByEmail(g, token, refused, email);
      const done = await changePassword(token, { 'x-verification-token': verificationToken });
      assert.equal(done.status, 204, JSON.stringify(done.body));

      const events = (await g.request('GET', '/api/v1/me/audit?event=password.changed', { token })).body.events;
      assert.equal(events.length, 1);
      const verifications = (await g.request('GET', '/api/v1/me/audit?event=verification.succeeded', { token })).body.events;
      assert.equal(events[0].details.verificationId, verifications[0].details.verificationId, 'the operation links to its verification');
    });

    test('a stolen token fails for a second use, another operation and another account', { skip: skip ?? false }, async () => {
      const a = await protectedAccount();
      const b = await protectedAccount();

      // Another operation: a token for password.change does not sign out all sessions.
      const t1 = await stepUpByEmail(g, a.token, await changePassword(a.token), a.email);
      const otherOp = await g.request('DELETE', '/api/v1/me/sessions', { token: a.token, headers: { 'x-verification-token': t1 } });
      assert.equal(otherOp.status, 403);
      assert.equal(otherOp.body.error.code, 'verification_required');

      // Another account: B cannot spend A's token on B's own password change.
      const t2 = await stepUpByEmail(g, a.token, await changePassword(a.token), a.email);
      const otherAccount = await changePassword(b.token, { 'x-verification-token': t2 });
      assert.equal(otherAccount.status, 403);
      assert.equal(otherAccount.body.error.details.reason, 'token_invalid');

      // A's token still works for A once (it was not spent by the failed uses)…
      assert.equal((await changePassword(a.token, { 'x-verification-token': t2 })).status, 204);
      // …and never twice.
      const replay = await g.request('PUT', '/api/v1/me/password', { token: a.token, headers: { 'x-verification-token': t2 }, body: { currentPassword: NEW_PASSWORD, newPassword: 'yet another fine passphrase 7' } });
      assert.equal(replay.status, 403);
      assert.equal(replay.body.error.details.reason, 'token_invalid');

      // The token expires: minutes later it is worthless.
      const t3 = await stepUpByEmail(g, b.token, await changePassword(b.token), b.email);
      g.clock.advance(6 * 60_000);
      assert.equal((await changePassword(b.token, { 'x-verification-token': t3 })).status, 403);
    });

    test('two parallel requests with one token: exactly one runs', { skip: skip ?? false }, async () => {
      const { email, token } = await protectedAccount();
      const body = { remoteLoginProtection: { enabled: true } };
      const refused = await g.request('PATCH', '/api/v1/me/security', { token, body });
      assert.equal(refused.body.error.details.operation, 'security.change');
      const verificationToken = await stepUpByEmail(g, token, refused, email);
      const results = await Promise.all([1, 2, 3].map(() => g.request('PATCH', '/api/v1/me/security', { token, body, headers: { 'x-verification-token': verificationToken } })));
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 403, 403]);
    });

    test('a ticket belongs to its account; wrong codes are refused and the ticket runs out', { skip: skip ?? false }, async () => {
      const a = await protectedAccount();
      const b = await protectedAccount();
      const refused = await changePassword(a.token);
      const ticket = refused.body.error.details.ticket;
      const foreign = await g.request('POST', `/api/v1/verifications/${ticket}`, { token: b.token, body: { method: 'email', code: '123456' } });
      assert.equal(foreign.status, 410);
      for (let i = 0; i < 5; i++) {
        const wrong = await g.request('POST', `/api/v1/verifications/${ticket}`, { token: a.token, body: { method: 'email', code: '000000' } });
        assert.equal(wrong.status, 400);
      }
      const spent = await g.request('POST', `/api/v1/verifications/${ticket}`, { token: a.token, body: { method: 'email', code: '000000' } });
      assert.equal(spent.status, 410);
    });

    test('turning a protection off always needs verification; turning it on is audited and notified', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const { token } = await g.signIn(email);
      const on = await g.request('PATCH', '/api/v1/me/security', { token, body: { remoteLoginProtection: { enabled: true } } });
      assert.equal(on.status, 200);
      assert.ok((await g.outbox(email)).some((m: any) => m.template === 'security_setting_changed'));
      const off = await g.request('PATCH', '/api/v1/me/security', { token, body: { remoteLoginProtection: { enabled: false } } });
      assert.equal(off.status, 403, 'operation protection is off, yet disabling a protection is verified');
      const verificationToken = await stepUpByEmail(g, token, off, email);
      const done = await g.request('PATCH', '/api/v1/me/security', { token, headers: { 'x-verification-token': verificationToken }, body: { remoteLoginProtection: { enabled: false } } });
      assert.equal(done.status, 200);
      assert.equal(done.body.remoteLoginProtection.enabled, false);
      const me = (await g.request('GET', '/api/v1/me', { token })).body;
      assert.equal(me.security.remoteLoginProtection.enabled, false);
      const audit = (await g.request('GET', '/api/v1/me/audit?event=security.settings_changed', { token })).body.events;
      assert.equal(audit.length, 2);
      assert.ok(audit[0].details.verificationId);

      const bad = await g.request('PATCH', '/api/v1/me/security', { token, body: { loginProtection: { enabled: true, methods: ['carrier_pigeon'] } } });
      assert.equal(bad.status, 400);
      const unusable = await g.request('PATCH', '/api/v1/me/security', { token, body: { loginProtection: { enabled: true, methods: ['totp'] } } });
      assert.equal(unusable.status, 400);
      assert.equal(unusable.body.error.code, 'validation_failed');
    });

    test('login protection with an emailed code: 202 → send → verify → 201', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const { token } = await g.signIn(email);
      assert.equal((await g.request('PATCH', '/api/v1/me/security', { token, body: { loginProtection: { enabled: true } } })).status, 200);
      const owed = await g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: TEST_PASSWORD } });
      assert.equal(owed.status, 202);
      assert.equal(owed.body.reason, 'login_protection');
      g.clock.advance(61_000);
      assert.equal((await g.request('POST', '/api/v1/sessions/verify/send', { body: { ticket: owed.body.ticket, method: 'email' } })).status, 202);
      const done = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: owed.body.ticket, method: 'email', code: await g.latestCode(email) } });
      assert.equal(done.status, 201, JSON.stringify(done.body));
    });
  });
}
