/**
 * Rotating GATEHOUSE_SECRET_KEY (`new:<key>,old:<key>`), on both databases: sessions, CSRF
 * cookies and verification codes made under the old key keep working while the old key stays
 * in the ring, and stop once it is removed.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DB_KINDS, freshDatabase, postgresSkipReason } from '../support/databases.js';
import { startGatehouse, TEST_PASSWORD } from '../support/harness.js';

function cookiesOf(setCookie: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of ([] as string[]).concat(setCookie as string[])) {
    const [pair = ''] = c.split(';');
    const eq = pair.indexOf('=');
    out[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1));
  }
  return out;
}

for (const kind of DB_KINDS) {
  describe(`secret key rotation on ${kind}`, async () => {
    const skip = kind === 'postgres' ? await postgresSkipReason() : null;

    test('old sessions, CSRF cookies and codes survive a rotation; removing the old key retires them', { skip: skip ?? false }, async () => {
      const database = await freshDatabase(kind);
      const oldKey = randomBytes(32).toString('base64');
      const newKey = randomBytes(32).toString('base64');
      try {
        const before = await startGatehouse(kind, { GATEHOUSE_SECRET_KEY: `old:${oldKey}` }, { database });
        const { email } = await before.register(undefined, TEST_PASSWORD, '10.90.0.1');
        const signIn = await before.request('POST', '/api/v1/sessions', { body: { identifier: email, password: TEST_PASSWORD }, ip: '10.90.0.1' });
        const jar = cookiesOf(signIn.headers['set-cookie']);
        const cookie = `gh_session=${jar.gh_session}; gh_csrf=${jar.gh_csrf}`;
        const spare = await before.signIn(email, TEST_PASSWORD, '10.90.0.1');
        const spare2 = await before.signIn(email, TEST_PASSWORD, '10.90.0.1');
        await before.request('POST', '/api/v1/verification-codes', { body: { channel: 'email', to: email, purpose: 'reset_password' }, ip: '10.90.0.1' });
        const code = await before.latestCode(email);
        const clockAt = before.clock.now();
        await before.close();

        const rotated = await startGatehouse(kind, { GATEHOUSE_SECRET_KEY: `new:${newKey},old:${oldKey}` }, { database });
        rotated.clock.set(clockAt + 60_000);
        try {
          assert.equal((await rotated.request('GET', '/api/v1/me', { token: spare.token })).status, 200, 'bearer session');
          const del = await rotated.request('DELETE', `/api/v1/me/sessions/${spare.sessionId}`, { headers: { cookie, 'x-csrf-token': jar.gh_csrf! } });
          assert.equal(del.status, 204, `a CSRF cookie from before the rotation: ${JSON.stringify(del.body)}`);
          const fresh = cookiesOf((await rotated.request('POST', '/api/v1/sessions', { body: { identifier: email, password: TEST_PASSWORD }, ip: '10.90.0.1' })).headers['set-cookie']);
          assert.notEqual(fresh.gh_csrf, undefined);
          const reset = await rotated.request('POST', '/api/v1/password-resets', { body: { identifier: email, code, newPassword: 'rotated passphrase one' }, ip: '10.90.0.1' });
          assert.equal(reset.status, 204, `a code from before the rotation: ${JSON.stringify(reset.body)}`);
        } finally {
          await rotated.close();
        }

        const retired = await startGatehouse(kind, { GATEHOUSE_SECRET_KEY: `new:${newKey}` }, { database });
        retired.clock.set(clockAt + 120_000);
        try {
          const s = await retired.signIn(email, 'rotated passphrase one', '10.90.0.1');
          const r = await retired.signIn(email, 'rotated passphrase one', '10.90.0.1');
          assert.ok(s.token && r.token && spare2.token);
          const stale = await retired.request('DELETE', `/api/v1/me/sessions/${r.sessionId}`, { headers: { cookie: `gh_session=${s.token}; gh_csrf=${jar.gh_csrf}`, 'x-csrf-token': jar.gh_csrf! } });
          assert.equal(stale.status, 403, 'a CSRF value made under a removed key is refused');
        } finally {
          await retired.close();
        }
      } finally {
        await database.drop();
      }
    });
  });
}
