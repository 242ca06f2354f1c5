/**
 * Hardware MFA and recovery codes on both databases: the WebAuthn ceremony driven by the
 * software authenticator (register, then sign in under login protection), hardware OTP tokens
 * imported by an operator and bound by serial + code, and single-use recovery codes.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DB_KINDS } from '../support/databases.js';
import { TEST_PASSWORD, type TestGatehouse, useGatehouse } from '../support/harness.js';
import { signInOperator } from '../support/operator.js';
import { SoftAuthenticator } from '../support/soft-authenticator.js';
import { encodeBase32 } from '../../src/mfa/primitives/base32.js';
import { generateTotp } from '../../src/mfa/primitives/totp.js';
import { TOTP_STEP_MS } from '../support/mfa.js';

const ORIGIN = 'http://localhost:8080';

for (const kind of DB_KINDS) {
  describe(`hardware MFA and recovery codes on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));

    async function owe(email: string) {
      const r = await g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: TEST_PASSWORD } });
      assert.equal(r.status, 202, JSON.stringify(r.body));
      return r.body as { ticket: string; methods: string[] };
    }

    test('WebAuthn: register a security key, then sign in with it under login protection', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const { token } = await g.signIn(email);
      const key = new SoftAuthenticator();
      const options = await g.request('POST', '/api/v1/me/mfa/webauthn/options', { token });
      assert.equal(options.status, 200, JSON.stringify(options.body));
      assert.equal(options.body.rp.id, 'localhost');
      const response = key.createCredential(options.body, ORIGIN);
      const registered = await g.request('POST', '/api/v1/me/mfa/webauthn', { token, body: { name: 'YubiKey', response } });
      assert.equal(registered.status, 201, JSON.stringify(registered.body));
      assert.equal(registered.body.type, 'webauthn');
      // The registration challenge was single use.
      const again = await g.request('POST', '/api/v1/me/mfa/webauthn', { token, body: { name: 'Again', response } });
      assert.equal(again.status, 400);
      assert.deepEqual((await g.request('GET', '/api/v1/me', { token })).body.mfa.map((d: any) => [d.type, d.name]), [['webauthn', 'YubiKey']]);

      assert.equal((await g.request('PATCH', '/api/v1/me/security', { token, body: { loginProtection: { enabled: true, methods: ['webauthn'] } } })).status, 200);
      const owed = await owe(email);
      assert.deepEqual(owed.methods, ['webauthn']);
      const authOptions = await g.request('POST', '/api/v1/sessions/verify/options', { body: { ticket: owed.ticket, method: 'webauthn' } });
      assert.equal(authOptions.status, 200, JSON.stringify(authOptions.body));
      const assertion = key.getAssertion(authOptions.body, ORIGIN);
      const done = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: owed.ticket, method: 'webauthn', assertion } });
      assert.equal(done.status, 201, JSON.stringify(done.body));

      // A replayed assertion does not open another sign-in.
      const second = await owe(email);
      await g.request('POST', '/api/v1/sessions/verify/options', { body: { ticket: second.ticket, method: 'webauthn' } });
      const replay = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: second.ticket, method: 'webauthn', assertion } });
      assert.equal(replay.status, 400);
      const row = await g.services.database.db.selectFrom('mfa_devices').select('sign_count').where('credential_id', '=', response.id).executeTakeFirstOrThrow();
      assert.equal(Number(row.sign_count), 1, 'the signature counter was stored');

      // Step-up with the key: removing it is always verified, and only MFA may prove it.
      const devices = (await g.request('GET', '/api/v1/me', { token })).body.mfa;
      const refused = await g.request('DELETE', `/api/v1/me/mfa/${devices[0].id}`, { token });
      assert.equal(refused.status, 403);
      assert.deepEqual(refused.body.error.details.methods, ['webauthn']);
      const ticket = refused.body.error.details.ticket;
      const stepOptions = await g.request('POST', `/api/v1/verifications/${ticket}/send`, { token, body: { method: 'webauthn' } });
      assert.equal(stepOptions.status, 200, JSON.stringify(stepOptions.body));
      const proof = await g.request('POST', `/api/v1/verifications/${ticket}`, { token, body: { method: 'webauthn', assertion: key.getAssertion(stepOptions.body, ORIGIN) } });
      assert.equal(proof.status, 200, JSON.stringify(proof.body));
      const removed = await g.request('DELETE', `/api/v1/me/mfa/${devices[0].id}`, { token, headers: { 'x-verification-token': proof.body.verificationToken } });
      assert.equal(removed.status, 204);
    });

    test('hardware tokens: operator CSV import, bind by serial + current code, sign in with it', { skip: skip ?? false }, async () => {
      const op = await signInOperator(g);
      const secret = randomBytes(20);
      const serial = `HT${randomBytes(3).toString('hex').toUpperCase()}`;
      const csv = `serial,secret,secret_encoding\n${serial},${encodeBase32(secret)},base32\nBROKEN,not-a-secret,base32\n`;
      const imported = await g.request('POST', '/api/v1/admin/hardware-tokens/import', { token: op.token, rawBody: csv, headers: { 'content-type': 'text/csv' } });
      assert.equal(imported.status, 200, JSON.stringify(imported.body));
      assert.equal(imported.body.imported, 1);
      assert.equal(imported.body.errors.length, 1);
      assert.equal(imported.body.errors[0].line, 3);
      const dup = await g.request('POST', '/api/v1/admin/hardware-tokens/import', { token: op.token, body: { csv: `serial,secret,secret_encoding\n${serial},${encodeBase32(secret)},base32\n` } });
      assert.equal(dup.status, 200);
      assert.deepEqual([dup.body.imported, dup.body.errors[0].message], [0, 'serial already imported']);
      const user = await g.request('POST', '/api/v1/admin/hardware-tokens/import', { token: (await g.signIn((await g.register()).email)).token, rawBody: csv, headers: { 'content-type': 'text/csv' } });
      assert.equal(user.status, 401, 'accounts cannot import tokens');

      const { email } = await g.register();
      const { token } = await g.signIn(email);
      const wrong = await g.request('POST', '/api/v1/me/mfa/hardware-token', { token, body: { serial, code: '000000' } });
      assert.equal(wrong.status, 400);
      const bound = await g.request('POST', '/api/v1/me/mfa/hardware-token', { token, body: { serial: serial.toLowerCase(), code: generateTotp(secret, g.clock.now()) } });
      assert.equal(bound.status, 201, JSON.stringify(bound.body));
      assert.equal(bound.body.type, 'hardware_token');
      g.clock.advance(TOTP_STEP_MS);

      const thief = await g.signIn((await g.register()).email);
      const taken = await g.request('POST', '/api/v1/me/mfa/hardware-token', { token: thief.token, body: { serial, code: generateTotp(secret, g.clock.now()) } });
      assert.equal(taken.status, 400, 'a bound token cannot be bound again');

      assert.equal((await g.request('PATCH', '/api/v1/me/security', { token, body: { loginProtection: { enabled: true, methods: ['hardware_token'] } } })).status, 200);
      const owed = await owe(email);
      const done = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: owed.ticket, method: 'hardware_token', code: generateTotp(secret, g.clock.now()) } });
      assert.equal(done.status, 201, JSON.stringify(done.body));
    });

    test('recovery codes: ten, single use, regenerating voids the old ones', { skip: skip ?? false }, async () => {
      const { email } = await g.register();
      const { token } = await g.signIn(email);
      const first = await g.request('POST', '/api/v1/me/mfa/recovery-codes', { token });
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.body.codes.length, 10);
      assert.equal(new Set(first.body.codes).size, 10);
      assert.equal((await g.request('PATCH', '/api/v1/me/security', { token, body: { loginProtection: { enabled: true } } })).status, 200);

      const owed = await owe(email);
      assert.ok(owed.methods.includes('recovery_code'));
      const used = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: owed.ticket, method: 'recovery_code', code: first.body.codes[0].toUpperCase() } });
      assert.equal(used.status, 201, JSON.stringify(used.body));
      const reuse = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: (await owe(email)).ticket, method: 'recovery_code', code: first.body.codes[0] } });
      assert.equal(reuse.status, 400);
      assert.equal((await g.request('GET', '/api/v1/me/mfa', { token })).body.recoveryCodesRemaining, 9);

      const second = await g.request('POST', '/api/v1/me/mfa/recovery-codes', { token });
      assert.equal(second.status, 200);
      const old = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: (await owe(email)).ticket, method: 'recovery_code', code: first.body.codes[1] } });
      assert.equal(old.status, 400, 'codes from before the regeneration are void');
      const fresh = await g.request('POST', '/api/v1/sessions/verify', { body: { ticket: (await owe(email)).ticket, method: 'recovery_code', code: second.body.codes[1] } });
      assert.equal(fresh.status, 201);
    });
  });
}
