/**
 * The contract's conventions over HTTP, on both databases: the error envelope and its
 * localised message, `details.fields` for bad input, client IP and GATEHOUSE_TRUST_PROXY,
 * per-IP limits on wrong passwords across accounts (password spraying), and the operational
 * endpoints (health, readiness, metrics, OpenAPI, docs).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KINDS, postgresSkipReason } from '../support/databases.js';
import { startGatehouse, TEST_PASSWORD, type TestGatehouse } from '../support/harness.js';

for (const kind of DB_KINDS) {
  describe(`conventions on ${kind}`, async () => {
    const skip = kind === 'postgres' ? await postgresSkipReason() : null;
    let g: TestGatehouse;
    before(async () => {
      if (!skip) g = await startGatehouse(kind, { GATEHOUSE_IP_SIGNIN_FAILURES: '5' });
    });
    after(async () => {
      if (!skip) await g.close();
    });
    const opts = { skip: skip ?? false };

    test('errors: envelope, message localised by Accept-Language, stable code', opts, async () => {
      const body = { identifier: 'nobody@example.com', password: 'whatever it is' };
      const en = await g.request('POST', '/api/v1/sessions', { body, ip: '198.18.0.1' });
      const zh = await g.request('POST', '/api/v1/sessions', { body, ip: '198.18.0.2', headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
      assert.equal(en.body.error.code, 'invalid_credentials');
      assert.equal(zh.body.error.code, 'invalid_credentials');
      assert.match(en.body.error.message, /[a-z]/i);
      assert.match(zh.body.error.message, /[\u4e00-\u9fff]/);
      assert.deepEqual(Object.keys(en.body.error).sort(), ['code', 'details', 'message']);
      const missing = await g.request('GET', '/api/v1/no/such/route');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'not_found');
    });

    test('validation_failed names each bad field', opts, async () => {
      const r = await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'pigeon', to: 42, purpose: 'register', extra: true } });
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'validation_failed');
      const fields = Object.keys(r.body.error.details.fields).sort();
      assert.deepEqual(fields, ['channel', 'extra', 'to']);
      const missing = await g.request('POST', '/api/v1/accounts', { body: { email: 'a@b.co' } });
      assert.deepEqual(Object.keys(missing.body.error.details.fields).sort(), ['code', 'password']);
      const typed = await g.request('POST', '/api/v1/sessions', { body: { identifier: 'a@b.co', password: 12345678 } });
      assert.equal(typed.status, 400, 'numbers are not coerced into strings');
      assert.ok(typed.body.error.details.fields.password);
    });

    test('the client IP comes from X-Forwarded-For only through a trusted proxy', opts, async () => {
      const { email } = await g.register(undefined, TEST_PASSWORD, '198.18.1.1');
      // Trusted loopback proxy: the right-most address the proxy appended is the client; what
      // the client itself put further left is not believed.
      const viaProxy = await g.signIn(email, TEST_PASSWORD, '6.6.6.6, 198.18.1.2');
      const sessions = (await g.request('GET', '/api/v1/me/sessions', { token: viaProxy.token })).body.sessions;
      assert.equal(sessions.find((s: any) => s.id === viaProxy.sessionId).ip, '198.18.1.2');

      const direct = await startGatehouse(kind, { GATEHOUSE_TRUST_PROXY: '' });
      try {
        const acct = await direct.register(undefined, TEST_PASSWORD, '198.18.1.3');
        const s = await direct.signIn(acct.email, TEST_PASSWORD, '198.18.1.4');
        const list = (await direct.request('GET', '/api/v1/me/sessions', { token: s.token })).body.sessions;
        assert.equal(list[0].ip, '127.0.0.1', 'with no trusted proxy, X-Forwarded-For is ignored');
      } finally {
        await direct.close();
      }
    });

    test('wrong passwords are limited per client IP across accounts (password spraying)', opts, async () => {
      const ip = '198.18.2.1';
      const accounts = [];
      for (let i = 0; i < 7; i++) accounts.push(await g.register(undefined, TEST_PASSWORD, `198.18.3.${i + 1}`));
      const statuses: number[] = [];
      let limited: any = null;
      for (const a of accounts) {
        const r = await g.request('POST', '/api/v1/sessions', { body: { identifier: a.email, password: 'Spring2026!' }, ip });
        statuses.push(r.status);
        if (r.status === 429) limited ??= r;
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429]);
      assert.equal(limited.body.error.code, 'rate_limited');
      assert.ok(limited.body.error.details.retryAfter > 0);
      assert.equal(limited.headers['retry-after'], String(limited.body.error.details.retryAfter));
      // Another IP is unaffected, and the sprayed accounts were not charged for the refused tries.
      const other = await g.request('POST', '/api/v1/sessions', { body: { identifier: accounts[6]!.email, password: TEST_PASSWORD }, ip: '198.18.2.2' });
      assert.equal(other.status, 201);
      g.clock.advance(limited.body.error.details.retryAfter * 1000);
      const later = await g.request('POST', '/api/v1/sessions', { body: { identifier: accounts[5]!.email, password: 'Spring2026!' }, ip });
      assert.equal(later.status, 401, 'the window passed');
    });

    test('an IPv6 client cannot dodge the per-IP limit by rotating addresses within its /64', opts, async () => {
      const statuses: number[] = [];
      for (let i = 1; i <= 7; i++) {
        const r = await g.request('POST', '/api/v1/sessions', { body: { identifier: `v6-spray-${i}@example.com`, password: 'Spring2026!' }, ip: `2001:db8:77:1::${i.toString(16)}` });
        statuses.push(r.status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429]);
      const neighbour = await g.request('POST', '/api/v1/sessions', { body: { identifier: 'v6-other@example.com', password: 'Spring2026!' }, ip: '2001:db8:77:2::1' });
      assert.equal(neighbour.status, 401, 'the next /64 is another client');
    });

    test('health, readiness, metrics, OpenAPI 3.1 and docs', opts, async () => {
      assert.equal((await g.request('GET', '/healthz')).status, 200);
      assert.equal((await g.request('GET', '/readyz')).status, 200);
      const metrics = await g.app.inject({ method: 'GET', url: '/metrics' });
      assert.equal(metrics.statusCode, 200);
      assert.match(metrics.body, /# TYPE \w+/);
      const doc = (await g.request('GET', '/api/openapi.json')).body;
      assert.match(doc.openapi, /^3\.1/);
      for (const path of ['/api/v1/verification-codes', '/api/v1/accounts', '/api/v1/sessions', '/api/v1/captcha', '/api/v1/me', '/api/v1/me/sessions', '/api/v1/me/sessions/{id}', '/api/v1/me/password', '/api/v1/me/audit', '/api/v1/me/logins', '/api/v1/me/messages']) {
        assert.ok(doc.paths[path], `${path} in the OpenAPI document`);
      }
      const docs = await g.app.inject({ method: 'GET', url: '/api/docs' });
      assert.ok(docs.statusCode === 200 || docs.statusCode === 302, String(docs.statusCode));
    });
  });
}
