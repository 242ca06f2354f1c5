/**
 * Operators and the admin API over HTTP, on both databases: creation (service and CLI),
 * sign-in with the same lockout policy as accounts, account lookup, lock / unlock / force
 * sign-out with their audit entries, roles, and the wall between account and operator tokens.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { projectFile } from '../../src/platform/project-path.js';
import { DB_KINDS, postgresSkipReason } from '../support/databases.js';
import { startGatehouse, TEST_PASSWORD, type TestGatehouse } from '../support/harness.js';

const OP_PASSWORD = 'operator passphrase 42';
let n = 0;
const ipFor = () => `10.40.${Math.floor(n / 200)}.${(n++ % 200) + 1}`;

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [projectFile('bin/gatehouse.mjs'), ...args], {
      cwd: projectFile('.'),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', GATEHOUSE_LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

for (const kind of DB_KINDS) {
  describe(`operators on ${kind}`, async () => {
    const skip = kind === 'postgres' ? await postgresSkipReason() : null;
    let g: TestGatehouse;
    let admin: string;
    let reviewer: string;
    before(async () => {
      if (skip) return;
      g = await startGatehouse(kind);
      await g.services.operators.create({ email: 'admin@ops.example.com', name: 'Admin', password: OP_PASSWORD, role: 'admin' });
      admin = await opSignIn('admin@ops.example.com');
    });
    after(async () => {
      if (!skip) await g.close();
    });
    const opts = { skip: skip ?? false };

    async function opSignIn(email: string, password = OP_PASSWORD): Promise<string> {
      const r = await g.request('POST', '/api/v1/admin/sessions', { body: { email, password }, ip: ipFor() });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.token;
    }
    const accountSignIn = (identifier: string, password = TEST_PASSWORD) => g.request('POST', '/api/v1/sessions', { body: { identifier, password }, ip: ipFor() });

    test('an operator created by `gatehouse admin create` signs in; a weak password is refused', opts, async () => {
      const env = { GATEHOUSE_DB: g.database.raw, GATEHOUSE_SECRET_KEY: Buffer.alloc(32, 9).toString('base64') };
      const made = await runCli(['admin', 'create', '--email', 'Reviewer@Ops.example.com', '--name', 'Rita Reviewer', '--role', 'reviewer'], { ...env, GATEHOUSE_ADMIN_PASSWORD: OP_PASSWORD });
      assert.equal(made.code, 0, made.out);
      const weak = await runCli(['admin', 'create', '--email', 'weak@ops.example.com', '--role', 'admin'], { ...env, GATEHOUSE_ADMIN_PASSWORD: 'password' });
      assert.equal(weak.code, 1, weak.out);
      assert.match(weak.out, /weak_password/);
      const r = await g.request('POST', '/api/v1/admin/sessions', { body: { email: 'reviewer@ops.example.com', password: OP_PASSWORD }, ip: ipFor() });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.operator.role, 'reviewer');
      assert.ok(r.body.token && r.body.session.id && r.body.session.expiresAt);
      reviewer = r.body.token;
      const me = await g.request('GET', '/api/v1/admin/me', { token: reviewer });
      assert.equal(me.status, 200);
      assert.equal(me.body.operator.email, 'reviewer@ops.example.com');
    });

    test('operator sign-in follows the 3/10/24h policy; unknown operators answer alike', opts, async () => {
      await g.services.operators.create({ email: 'locked@ops.example.com', name: 'L', password: OP_PASSWORD, role: 'admin' });
      const ip = ipFor();
      const attempt = (email: string, password: string, captcha?: string) =>
        g.request('POST', '/api/v1/admin/sessions', { body: { email, password, ...(captcha ? { captcha } : {}) }, ip });
      for (const email of ['locked@ops.example.com', 'nobody@ops.example.com']) {
        for (let i = 1; i <= 3; i++) {
          const r = await attempt(email, `wrong ${i} password`);
          assert.equal(r.status, 401, `${email} #${i}`);
          assert.equal(r.body.error.code, 'invalid_credentials');
        }
        const owed = await attempt(email, OP_PASSWORD);
        assert.equal(owed.status, 428, email);
        assert.equal(owed.body.error.code, 'captcha_required');
        for (let i = 4; i <= 10; i++) {
          const r = await attempt(email, `wrong ${i} password`, await g.solveCaptcha((await g.request('GET', '/api/v1/captcha')).body));
          assert.equal(r.status, i < 10 ? 401 : 423, `${email} #${i}`);
        }
      }
      const during = await attempt('locked@ops.example.com', OP_PASSWORD, await g.solveCaptcha((await g.request('GET', '/api/v1/captcha')).body));
      assert.equal(during.status, 423);
      assert.equal(during.body.error.code, 'account_locked');
    });

    test('lookup by id, email and phone', opts, async () => {
      const account = await g.register(undefined, TEST_PASSWORD, ipFor());
      await g.services.database.db.updateTable('accounts').set({ phone: '+8613912345678' }).where('id', '=', account.id).execute();
      for (const q of [`id=${account.id}`, `email=${encodeURIComponent(account.email.toUpperCase())}`, `phone=${encodeURIComponent('+86 139 1234 5678')}`]) {
        const r = await g.request('GET', `/api/v1/admin/accounts?${q}`, { token: admin });
        assert.equal(r.status, 200, q);
        assert.equal(r.body.accounts.length, 1, q);
        assert.equal(r.body.accounts[0].id, account.id);
        assert.equal(r.body.accounts[0].email, account.email);
        assert.ok('lock' in r.body.accounts[0]);
      }
      const none = await g.request('GET', '/api/v1/admin/accounts?email=nobody%40example.com', { token: admin });
      assert.deepEqual(none.body.accounts, []);
      const empty = await g.request('GET', '/api/v1/admin/accounts', { token: admin });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.code, 'validation_failed');
      const badPhone = await g.request('GET', '/api/v1/admin/accounts?phone=12', { token: admin });
      assert.equal(badPhone.status, 400);
      // A reviewer may look.
      assert.equal((await g.request('GET', `/api/v1/admin/accounts?id=${account.id}`, { token: reviewer })).status, 200);
    });

    test('lock → 423 and sessions ended; unlock; force sign-out; all on the account trail with the operator as actor', opts, async () => {
      const account = await g.register(undefined, TEST_PASSWORD, ipFor());
      const session = await g.signIn(account.email, TEST_PASSWORD, ipFor());
      const adminId = (await g.request('GET', '/api/v1/admin/me', { token: admin })).body.operator.id;

      const denied = await g.request('POST', `/api/v1/admin/accounts/${account.id}/lock`, { token: reviewer, body: { reason: 'reviewers cannot' } });
      assert.equal(denied.status, 403);
      assert.equal(denied.body.error.code, 'forbidden');
      assert.equal((await g.request('GET', '/api/v1/me', { token: session.token })).status, 200, 'reviewer changed nothing');
      for (const path of ['unlock', 'sessions']) {
        const r = await g.request(path === 'sessions' ? 'DELETE' : 'POST', `/api/v1/admin/accounts/${account.id}/${path}`, { token: reviewer, body: { reason: 'no' } });
        assert.equal(r.status, 403, path);
      }

      const lock = await g.request('POST', `/api/v1/admin/accounts/${account.id}/lock`, { token: admin, body: { reason: 'suspected takeover' }, ip: '192.0.2.44' });
      assert.equal(lock.status, 204);
      assert.equal((await g.request('GET', '/api/v1/me', { token: session.token })).status, 401, 'sessions ended');
      const blocked = await accountSignIn(account.email);
      assert.equal(blocked.status, 423);
      assert.equal(blocked.body.error.code, 'account_locked');
      const wrongWhileLocked = await accountSignIn(account.email, 'wrong password here');
      assert.equal(wrongWhileLocked.status, 423, 'a lock answers the same for any password');
      const looked = await g.request('GET', `/api/v1/admin/accounts?id=${account.id}`, { token: admin });
      assert.equal(looked.body.accounts[0].lock.manual, 'operator');

      assert.equal((await g.request('POST', `/api/v1/admin/accounts/${account.id}/unlock`, { token: admin, body: { reason: 'owner verified' }, ip: '192.0.2.44' })).status, 204);
      const back = await accountSignIn(account.email);
      assert.equal(back.status, 201);

      const again = await g.signIn(account.email, TEST_PASSWORD, ipFor());
      const out = await g.request('DELETE', `/api/v1/admin/accounts/${account.id}/sessions`, { token: admin, body: { reason: 'precaution' }, ip: '192.0.2.44' });
      assert.equal(out.status, 204);
      assert.equal((await g.request('GET', '/api/v1/me', { token: again.token })).status, 401);
      assert.equal((await g.request('GET', '/api/v1/me', { token: back.body.token })).status, 401);

      const fresh = await g.signIn(account.email, TEST_PASSWORD, ipFor());
      const trail = (await g.request('GET', '/api/v1/me/audit?limit=200', { token: fresh.token })).body.events as any[];
      for (const [event, reason] of [['operator.account_locked', 'suspected takeover'], ['operator.account_unlocked', 'owner verified'], ['operator.sessions_revoked', 'precaution']] as const) {
        const e = trail.find((x) => x.event === event);
        assert.ok(e, `${event} on the trail`);
        assert.deepEqual(e.actor, { type: 'operator', id: adminId });
        assert.equal(e.ip, '192.0.2.44');
        assert.equal(e.result, 'success');
        assert.equal(e.sensitive, true);
        assert.equal(e.details.reason, reason);
      }
      assert.ok(trail.some((x) => x.event === 'operator.account_viewed' && x.actor.type === 'operator'), 'lookups are audited');

      const missing = await g.request('POST', '/api/v1/admin/accounts/999999999999/lock', { token: admin, body: { reason: 'x' } });
      assert.equal(missing.status, 404);
      const noReason = await g.request('POST', `/api/v1/admin/accounts/${account.id}/lock`, { token: admin, body: {} });
      assert.equal(noReason.status, 400);
    });

    test('unlock clears the wrong-password lock', opts, async () => {
      const account = await g.register(undefined, TEST_PASSWORD, ipFor());
      const ip = ipFor();
      for (let i = 1; i <= 10; i++) {
        const captcha = i > 3 ? await g.solveCaptcha((await g.request('GET', '/api/v1/captcha')).body) : undefined;
        await g.request('POST', '/api/v1/sessions', { body: { identifier: account.email, password: `bad ${i} password`, ...(captcha ? { captcha } : {}) }, ip });
      }
      const looked = await g.request('GET', `/api/v1/admin/accounts?id=${account.id}`, { token: admin });
      assert.ok(looked.body.accounts[0].lock.passwordLockedUntil, 'lookup shows the password lock');
      assert.equal((await g.request('POST', `/api/v1/admin/accounts/${account.id}/unlock`, { token: admin, body: { reason: 'verified by phone' } })).status, 204);
      assert.equal((await accountSignIn(account.email)).status, 201);
    });

    test('account tokens cannot call admin routes, and operator tokens cannot call account routes', opts, async () => {
      const account = await g.register(undefined, TEST_PASSWORD, ipFor());
      const { token } = await g.signIn(account.email, TEST_PASSWORD, ipFor());
      for (const [method, path] of [['GET', '/api/v1/admin/me'], ['GET', `/api/v1/admin/accounts?id=${account.id}`], ['POST', `/api/v1/admin/accounts/${account.id}/unlock`]] as const) {
        const r = await g.request(method, path, { token, ...(method === 'POST' ? { body: { reason: 'x' } } : {}) });
        assert.equal(r.status, 401, path);
        assert.equal(r.body.error.code, 'unauthenticated');
      }
      for (const path of ['/api/v1/me', '/api/v1/me/sessions', '/api/v1/me/audit']) {
        const r = await g.request('GET', path, { token: admin });
        assert.equal(r.status, 401, path);
      }
      const asCookie = await g.request('GET', '/api/v1/admin/me', { headers: { cookie: `gh_session=${token}` } });
      assert.equal(asCookie.status, 401, 'the account cookie is not the operator cookie');
    });

    test('operator cookies: own session and CSRF cookie names, CSRF enforced on unsafe methods', opts, async () => {
      const r = await g.request('POST', '/api/v1/admin/sessions', { body: { email: 'admin@ops.example.com', password: OP_PASSWORD }, ip: ipFor() });
      const setCookies = ([] as string[]).concat(r.headers['set-cookie'] as string[]);
      const names = setCookies.map((c) => c.split('=')[0]);
      assert.deepEqual(names.sort(), ['gh_admin_csrf', 'gh_admin_session'], 'an operator sign-in leaves the account console cookies alone');
      const value = (name: string) => decodeURIComponent(setCookies.find((c) => c.startsWith(`${name}=`))!.split(';')[0]!.slice(name.length + 1));
      const cookie = `gh_admin_session=${value('gh_admin_session')}; gh_admin_csrf=${value('gh_admin_csrf')}`;
      assert.match(setCookies.find((c) => c.startsWith('gh_admin_session='))!, /HttpOnly/i);
      assert.equal((await g.request('GET', '/api/v1/admin/me', { headers: { cookie } })).status, 200);
      const account = await g.register(undefined, TEST_PASSWORD, ipFor());
      const noCsrf = await g.request('POST', `/api/v1/admin/accounts/${account.id}/lock`, { headers: { cookie }, body: { reason: 'csrf probe' } });
      assert.equal(noCsrf.status, 403);
      assert.equal(noCsrf.body.error.code, 'csrf_failed');
      assert.equal((await accountSignIn(account.email)).status, 201, 'not locked');
      const withCsrf = await g.request('POST', `/api/v1/admin/accounts/${account.id}/unlock`, { headers: { cookie, 'x-csrf-token': value('gh_admin_csrf') }, body: { reason: 'csrf ok' } });
      assert.equal(withCsrf.status, 204);
    });

    test('an operator signs out of its own session', opts, async () => {
      const token = await opSignIn('admin@ops.example.com');
      assert.equal((await g.request('DELETE', '/api/v1/admin/sessions/current', { token })).status, 204);
      assert.equal((await g.request('GET', '/api/v1/admin/me', { token })).status, 401);
      assert.equal((await g.request('GET', '/api/v1/admin/me', { token: admin })).status, 200);
    });
  });
}
