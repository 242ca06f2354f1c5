/**
 * Sessions over HTTP, on both databases: listing (current marked), revoking one, signing out
 * of all, what a password change and a password reset end, idle and absolute expiry with a
 * moved clock, and CSRF for cookie-authenticated unsafe methods.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { DAY_MS, HOUR_MS } from '../../src/platform/clock.js';
import { DB_KINDS } from '../support/databases.js';
import { TEST_PASSWORD, type TestGatehouse, useGatehouse } from '../support/harness.js';

let n = 0;
const ipFor = () => `10.30.${Math.floor(n / 200)}.${(n++ % 200) + 1}`;

/** `name=value` pairs from a Set-Cookie header list. */
function cookiesOf(setCookie: unknown): Record<string, string> {
  const list = Array.isArray(setCookie) ? setCookie : [String(setCookie)];
  const out: Record<string, string> = {};
  for (const c of list as string[]) {
    const [pair = ''] = c.split(';');
    const eq = pair.indexOf('=');
    out[pair.slice(0, eq).trim()] = decodeURIComponent(pair.slice(eq + 1).trim());
  }
  return out;
}

for (const kind of DB_KINDS) {
  describe(`sessions on ${kind}`, async () => {
    let g: TestGatehouse;
    const skip = await useGatehouse(kind, (started) => (g = started));
    const opts = { skip: skip ?? false };
    const me = (token: string) => g.request('GET', '/api/v1/me', { token });
    /** Waits for the fire-and-forget write that slides a session's idle deadline to land. */
    async function touched(sessionId: string): Promise<void> {
      for (let i = 0; i < 200; i++) {
        const row = await g.services.database.db.selectFrom('sessions').select('last_seen_at').where('id', '=', sessionId).executeTakeFirstOrThrow();
        if (Number(row.last_seen_at) === g.clock.now()) return;
        await sleep(10);
      }
      assert.fail('the session was never touched');
    }

    test('list marks the current session; revoke one → that token gets 401', opts, async () => {
      const ip = ipFor();
      const { email } = await g.register(undefined, TEST_PASSWORD, ip);
      const a = await g.signIn(email, TEST_PASSWORD, ip);
      const b = await g.signIn(email, TEST_PASSWORD, ip);
      const list = await g.request('GET', '/api/v1/me/sessions', { token: a.token, headers: { 'user-agent': 'sessions-test/1.0' } });
      assert.equal(list.status, 200);
      assert.equal(list.body.sessions.length, 2);
      const current = list.body.sessions.filter((s: any) => s.current);
      assert.deepEqual(current.map((s: any) => s.id), [a.sessionId]);
      for (const s of list.body.sessions) {
        for (const field of ['id', 'current', 'createdAt', 'lastSeenAt', 'ip', 'location', 'userAgent']) assert.ok(field in s, field);
        assert.equal(s.ip, ip);
        assert.ok(!Number.isNaN(Date.parse(s.createdAt)));
      }
      const del = await g.request('DELETE', `/api/v1/me/sessions/${b.sessionId}`, { token: a.token });
      assert.equal(del.status, 204);
      const dead = await me(b.token);
      assert.equal(dead.status, 401);
      assert.equal(dead.body.error.code, 'unauthenticated');
      assert.equal((await me(a.token)).status, 200);
      const after = await g.request('GET', '/api/v1/me/sessions', { token: a.token });
      assert.deepEqual(after.body.sessions.map((s: any) => s.id), [a.sessionId]);
      // Again, or another account's session: 404.
      assert.equal((await g.request('DELETE', `/api/v1/me/sessions/${b.sessionId}`, { token: a.token })).status, 404);
      const other = await g.register(undefined, TEST_PASSWORD, ipFor());
      const theirs = await g.signIn(other.email, TEST_PASSWORD, ipFor());
      const cross = await g.request('DELETE', `/api/v1/me/sessions/${theirs.sessionId}`, { token: a.token });
      assert.equal(cross.status, 404);
      assert.equal((await me(theirs.token)).status, 200);
    });

    test('sign out of all ends every session, this one included', opts, async () => {
      const ip = ipFor();
      const { email } = await g.register(undefined, TEST_PASSWORD, ip);
      const tokens = [await g.signIn(email, TEST_PASSWORD, ip), await g.signIn(email, TEST_PASSWORD, ip), await g.signIn(email, TEST_PASSWORD, ip)];
      const r = await g.request('DELETE', '/api/v1/me/sessions', { token: tokens[1]!.token });
      assert.equal(r.status, 204);
      assert.match(String(r.headers['set-cookie']), /gh_session=;.*Expires=Thu, 01 Jan 1970/i, 'the session cookie is cleared');
      for (const t of tokens) assert.equal((await me(t.token)).status, 401);
      assert.ok((await g.outbox(email)).some((m) => m.template === 'sessions_revoked'), 'sessions_revoked notice');
    });

    test('password change ends every other session, not this one; the old password stops working', opts, async () => {
      const ip = ipFor();
      const { email } = await g.register(undefined, TEST_PASSWORD, ip);
      const a = await g.signIn(email, TEST_PASSWORD, ip);
      const b = await g.signIn(email, TEST_PASSWORD, ip);
      const wrong = await g.request('PUT', '/api/v1/me/password', { token: a.token, body: { currentPassword: 'not my password', newPassword: 'a brand new passphrase' } });
      assert.equal(wrong.status, 401);
      const weak = await g.request('PUT', '/api/v1/me/password', { token: a.token, body: { currentPassword: TEST_PASSWORD, newPassword: 'password' } });
      assert.equal(weak.status, 400);
      assert.equal(weak.body.error.code, 'weak_password');
      assert.equal((await me(b.token)).status, 200, 'failed changes end nothing');
      const ok = await g.request('PUT', '/api/v1/me/password', { token: a.token, body: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' } });
      assert.equal(ok.status, 204);
      assert.equal((await me(a.token)).status, 200);
      assert.equal((await me(b.token)).status, 401);
      const old = await g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: TEST_PASSWORD }, ip });
      assert.equal(old.status, 401);
      assert.equal(old.body.error.code, 'invalid_credentials');
      assert.equal((await g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: 'a brand new passphrase' }, ip })).status, 201);
      assert.ok((await g.outbox(email)).some((m) => m.template === 'password_changed'));
    });

    test('wrong current passwords on a password change are limited per account', opts, async () => {
      const ip = ipFor();
      const { email } = await g.register(undefined, TEST_PASSWORD, ip);
      const { token } = await g.signIn(email, TEST_PASSWORD, ip);
      const change = (currentPassword: string) => g.request('PUT', '/api/v1/me/password', { token, body: { currentPassword, newPassword: 'a brand new passphrase' } });
      for (let i = 1; i <= 5; i++) assert.equal((await change(`guess number ${i}`)).status, 401, `guess ${i}`);
      const limited = await change(TEST_PASSWORD);
      assert.equal(limited.status, 429, 'even the right password waits once the limit is reached');
      assert.equal(limited.body.error.code, 'rate_limited');
      assert.ok(limited.headers['retry-after']);
      g.clock.advance(limited.body.error.details.retryAfter * 1000);
      assert.equal((await change(TEST_PASSWORD)).status, 204);
    });

    test('password reset by code ends all sessions and clears a lock', opts, async () => {
      const ip = ipFor();
      const { email } = await g.register(undefined, TEST_PASSWORD, ip);
      const live = await g.signIn(email, TEST_PASSWORD, ip);
      const attempt = (password: string, captcha?: string) =>
        g.request('POST', '/api/v1/sessions', { body: { identifier: email, password, ...(captcha ? { captcha } : {}) }, ip });
      for (let i = 1; i <= 10; i++) {
        const captcha = i > 3 ? await g.solveCaptcha((await g.request('GET', '/api/v1/captcha')).body) : undefined;
        const r = await attempt(`wrong password ${i}`, captcha);
        assert.equal(r.status, i < 10 ? 401 : 423, `attempt ${i}`);
      }
      const locked = await attempt(TEST_PASSWORD, await g.solveCaptcha((await g.request('GET', '/api/v1/captcha')).body));
      assert.equal(locked.status, 423);

      assert.equal((await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'email', to: email, purpose: 'reset_password' }, ip })).status, 202);
      const code = await g.latestCode(email);
      const weak = await g.request('POST', '/api/v1/password-resets', { body: { identifier: email, code, newPassword: '123' }, ip });
      assert.equal(weak.status, 400);
      assert.equal(weak.body.error.code, 'weak_password');
      const wrongCode = await g.request('POST', '/api/v1/password-resets', { body: { identifier: email, code: code === '111111' ? '222222' : '111111', newPassword: 'reset to this passphrase' }, ip });
      assert.equal(wrongCode.body.error.code, 'invalid_code');
      const reset = await g.request('POST', '/api/v1/password-resets', { body: { identifier: email, code, newPassword: 'reset to this passphrase' }, ip });
      assert.equal(reset.status, 204, JSON.stringify(reset.body));
      assert.equal((await me(live.token)).status, 401, 'sessions ended');
      // The lock is gone and no captcha is owed.
      const fresh = await attempt('reset to this passphrase');
      assert.equal(fresh.status, 201, JSON.stringify(fresh.body));
      assert.equal((await attempt(TEST_PASSWORD)).status, 401, 'old password no longer works');
      // The code was single use.
      const replay = await g.request('POST', '/api/v1/password-resets', { body: { identifier: email, code, newPassword: 'yet another passphrase' }, ip });
      assert.equal(replay.body.error.code, 'invalid_code');
    });

    test('a reset for an unknown address looks like one for a known address, and then fails', opts, async () => {
      const ghost = `ghost-${Date.now()}@example.com`;
      const r = await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'email', to: ghost, purpose: 'reset_password' }, ip: ipFor() });
      assert.equal(r.status, 202);
      assert.equal((await g.outbox(ghost)).length, 0, 'nothing is sent to an address without an account');
      const reset = await g.request('POST', '/api/v1/password-resets', { body: { identifier: ghost, code: '123456', newPassword: 'reset to this passphrase' }, ip: ipFor() });
      assert.equal(reset.status, 400);
      assert.equal(reset.body.error.code, 'invalid_code');
    });

    test('idle expiry slides with use; the absolute limit does not', opts, async () => {
      const ip = ipFor();
      const { email } = await g.register(undefined, TEST_PASSWORD, ip);
      const idle = g.config.session.idleTimeoutMs;
      const absolute = g.config.session.absoluteTimeoutMs;
      assert.ok(idle > HOUR_MS && absolute > idle);

      const unused = await g.signIn(email, TEST_PASSWORD, ip);
      const used = await g.signIn(email, TEST_PASSWORD, ip);
      const start = g.clock.now();
      g.clock.advance(idle - HOUR_MS);
      assert.equal((await me(used.token)).status, 200);
      await touched(used.sessionId); // the idle deadline is written after the answer
      g.clock.advance(2 * HOUR_MS); // past the unused session's idle deadline
      assert.equal((await me(unused.token)).status, 401, 'idle session expired');
      assert.equal((await me(used.token)).status, 200, 'used session slid forward');

      // Keep using it: it still dies at the absolute limit.
      while (g.clock.now() + idle - HOUR_MS < start + absolute) {
        await touched(used.sessionId);
        g.clock.advance(idle - HOUR_MS);
        assert.equal((await me(used.token)).status, 200, `alive at +${(g.clock.now() - start) / HOUR_MS} h`);
      }
      await touched(used.sessionId);
      g.clock.set(start + absolute);
      assert.equal((await me(used.token)).status, 401, 'absolute expiry');
      g.clock.advance(DAY_MS);
    });

    test('cookie auth: unsafe methods need X-CSRF-Token equal to gh_csrf; bearer does not', opts, async () => {
      const ip = ipFor();
      const { email } = await g.register(undefined, TEST_PASSWORD, ip);
      const signIn = await g.request('POST', '/api/v1/sessions', { body: { identifier: email, password: TEST_PASSWORD }, ip });
      assert.equal(signIn.status, 201);
      const jar = cookiesOf(signIn.headers['set-cookie']);
      assert.ok(jar.gh_session && jar.gh_csrf, JSON.stringify(jar));
      const setCookies = ([] as string[]).concat(signIn.headers['set-cookie'] as string[]);
      const sessionCookie = setCookies.find((c) => c.startsWith('gh_session='))!;
      const csrfCookie = setCookies.find((c) => c.startsWith('gh_csrf='))!;
      assert.match(sessionCookie, /;\s*HttpOnly/i);
      assert.match(sessionCookie, /SameSite=(Lax|Strict)/i);
      assert.doesNotMatch(csrfCookie, /HttpOnly/i, 'the page must be able to read the CSRF cookie');
      const cookie = `gh_session=${jar.gh_session}; gh_csrf=${jar.gh_csrf}`;
      const victim = await g.signIn(email, TEST_PASSWORD, ip);

      assert.equal((await g.request('GET', '/api/v1/me', { headers: { cookie } })).status, 200, 'safe method with cookie alone');
      const noHeader = await g.request('DELETE', `/api/v1/me/sessions/${victim.sessionId}`, { headers: { cookie } });
      assert.equal(noHeader.status, 403);
      assert.equal(noHeader.body.error.code, 'csrf_failed');
      const wrongHeader = await g.request('DELETE', `/api/v1/me/sessions/${victim.sessionId}`, { headers: { cookie, 'x-csrf-token': jar.gh_csrf!.slice(0, -2) + 'xx' } });
      assert.equal(wrongHeader.status, 403);
      assert.equal(wrongHeader.body.error.code, 'csrf_failed');
      const otherSessionsCsrf = await g.request('PUT', '/api/v1/me/password', {
        headers: { cookie, 'x-csrf-token': 'A'.repeat(43) },
        body: { currentPassword: TEST_PASSWORD, newPassword: 'not going to happen' },
      });
      assert.equal(otherSessionsCsrf.status, 403);
      assert.equal((await me(victim.token)).status, 200, 'nothing happened');

      const withHeader = await g.request('DELETE', `/api/v1/me/sessions/${victim.sessionId}`, { headers: { cookie, 'x-csrf-token': jar.gh_csrf! } });
      assert.equal(withHeader.status, 204);
      assert.equal((await me(victim.token)).status, 401);

      const another = await g.signIn(email, TEST_PASSWORD, ip);
      const bearer = await g.request('DELETE', `/api/v1/me/sessions/${another.sessionId}`, { token: jar.gh_session! });
      assert.equal(bearer.status, 204, 'bearer needs no CSRF token');
    });

    test('garbage, missing and forged tokens → 401 unauthenticated', opts, async () => {
      const { email } = await g.register(undefined, TEST_PASSWORD, ipFor());
      const real = await g.signIn(email, TEST_PASSWORD, ipFor());
      const [id] = real.token.split('.');
      for (const token of ['', 'x', 'a.b', `${id}.${'A'.repeat(43)}`, real.token + 'x']) {
        const r = await g.request('GET', '/api/v1/me', token ? { token } : {});
        assert.equal(r.status, 401, token);
        assert.equal(r.body.error.code, 'unauthenticated');
      }
    });
  });
}
