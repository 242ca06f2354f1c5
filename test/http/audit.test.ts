/**
 * The audit trail over HTTP, on both databases: every security event of an account's life is
 * on its `/me/audit` with actor, ip, user agent, result and the sensitive flag; filters and
 * cursor paging; a row edited behind the application's back breaks the hash chain at its seq,
 * and `gatehouse audit verify` says so with its exit code.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { HOUR_MS } from '../../src/platform/clock.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { projectFile } from '../../src/platform/project-path.js';
import { DB_KINDS, postgresSkipReason } from '../support/databases.js';
import { startGatehouse, TEST_PASSWORD, type TestGatehouse } from '../support/harness.js';

const UA = 'audit-test-agent/2.0';

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [projectFile('bin/gatehouse.mjs'), ...args], {
      cwd: projectFile('.'),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', GATEHOUSE_LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

for (const kind of DB_KINDS) {
  describe(`audit trail on ${kind}`, async () => {
    const skip = kind === 'postgres' ? await postgresSkipReason() : null;
    let g: TestGatehouse;
    let account: { id: string; email: string };
    let token: string;
    const ip = '203.0.113.7';
    before(async () => {
      if (skip) return;
      g = await startGatehouse(kind);
      account = await g.register(undefined, TEST_PASSWORD, ip);
      const signIn = (password: string, captcha?: string) =>
        g.request('POST', '/api/v1/sessions', { body: { identifier: account.email, password, ...(captcha ? { captcha } : {}) }, ip, headers: { 'user-agent': UA } });
      // A life of security events: sign-ins right and wrong, a captcha demand, a lock, a reset,
      // a password change, one session revoked, then every session.
      assert.equal((await signIn(TEST_PASSWORD)).status, 201);
      for (let i = 1; i <= 10; i++) {
        const captcha = i > 3 ? await g.solveCaptcha((await g.request('GET', '/api/v1/captcha')).body) : undefined;
        await signIn(`wrong ${i} password`, captcha);
        if (i === 3) assert.equal((await signIn('no captcha')).status, 428);
      }
      g.clock.advance(HOUR_MS);
      await g.request('POST', '/api/v1/verification-codes', { body: { channel: 'email', to: account.email, purpose: 'reset_password' }, ip });
      const code = await g.latestCode(account.email);
      const reset = await g.request('POST', '/api/v1/password-resets', { body: { identifier: account.email, code, newPassword: 'reset passphrase one' }, ip, headers: { 'user-agent': UA } });
      assert.equal(reset.status, 204);
      g.clock.advance(HOUR_MS);
      const first = await signIn('reset passphrase one');
      token = first.body.token;
      const second = await signIn('reset passphrase one');
      assert.equal((await g.request('PUT', '/api/v1/me/password', { token, body: { currentPassword: 'reset passphrase one', newPassword: 'changed passphrase two' }, ip, headers: { 'user-agent': UA } })).status, 204);
      const third = await signIn('changed passphrase two');
      assert.equal((await g.request('DELETE', `/api/v1/me/sessions/${third.body.session.id}`, { token, ip, headers: { 'user-agent': UA } })).status, 204);
      assert.equal(second.status, 201);
      const last = await signIn('changed passphrase two');
      assert.equal((await g.request('DELETE', '/api/v1/me/sessions', { token: last.body.token, ip, headers: { 'user-agent': UA } })).status, 204);
      g.clock.advance(HOUR_MS);
      token = (await signIn('changed passphrase two')).body.token;
    });
    after(async () => {
      if (!skip) await g.close();
    });
    const opts = { skip: skip ?? false };

    async function allEvents(query = ''): Promise<any[]> {
      const out: any[] = [];
      let cursor: string | null = null;
      do {
        const sep: string = query ? '&' : '';
        const r: { status: number; body: any } = await g.request('GET', `/api/v1/me/audit?${query}${cursor ? `${sep}cursor=${cursor}` : ''}`, { token });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        out.push(...r.body.events);
        cursor = r.body.nextCursor;
      } while (cursor);
      return out;
    }

    test('every security event is on the trail with actor, ip, user agent, result and sensitive', opts, async () => {
      const events = await allEvents();
      const names = new Set(events.map((e) => e.event));
      for (const name of ['account.registered', 'signin.succeeded', 'signin.failed', 'signin.captcha_required', 'account.locked', 'password.reset', 'password.changed', 'session.revoked', 'sessions.revoked_all']) {
        assert.ok(names.has(name), `${name} missing from ${[...names].join(', ')}`);
      }
      for (const e of events) {
        for (const field of ['id', 'at', 'event', 'actor', 'ip', 'location', 'result', 'sensitive', 'details']) assert.ok(field in e, `${e.event} lacks ${field}`);
        assert.ok(['success', 'failure'].includes(e.result));
        assert.equal(typeof e.sensitive, 'boolean');
        assert.ok(!Number.isNaN(Date.parse(e.at)));
        assert.equal(e.ip, ip, `${e.event} ip`);
      }
      const failed = events.filter((e) => e.event === 'signin.failed');
      assert.equal(failed.length, 10, 'ten wrong passwords');
      for (const f of failed) {
        assert.equal(f.result, 'failure');
        assert.deepEqual(f.actor, { type: 'account', id: account.id });
        assert.equal(f.userAgent, UA);
        assert.equal(f.details.reason, 'invalid_credentials');
      }
      const lock = events.find((e) => e.event === 'account.locked');
      assert.equal(lock.sensitive, true);
      assert.equal(lock.details.reason, 'too_many_wrong_passwords');
      assert.ok(lock.details.lockedUntil);
      for (const name of ['password.changed', 'password.reset', 'session.revoked', 'sessions.revoked_all', 'account.registered']) {
        const e = events.find((x) => x.event === name);
        assert.equal(e.sensitive, true, `${name} is sensitive`);
        assert.equal(e.result, 'success');
        assert.deepEqual(e.actor, { type: 'account', id: account.id }, `${name} actor`);
      }
      assert.equal(events.find((e) => e.event === 'password.changed').userAgent, UA);
      assert.equal(events.find((e) => e.event === 'signin.succeeded').sensitive, false);
      // Newest first.
      const times = events.map((e) => Date.parse(e.at));
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
    });

    test('filters: event, sensitive, from/to', opts, async () => {
      const all = await allEvents();
      const failed = await allEvents('event=signin.failed');
      assert.equal(failed.length, all.filter((e) => e.event === 'signin.failed').length);
      assert.ok(failed.every((e) => e.event === 'signin.failed'));
      const sensitive = await allEvents('sensitive=true');
      assert.ok(sensitive.length > 0 && sensitive.every((e) => e.sensitive === true));
      const plain = await allEvents('sensitive=false');
      assert.equal(sensitive.length + plain.length, all.length);
      const times = all.map((e) => Date.parse(e.at)).sort((a, b) => a - b);
      const mid = times.find((t) => t > times[0]!)!;
      const from = await allEvents(`from=${encodeURIComponent(new Date(mid).toISOString())}`);
      assert.ok(from.length > 0 && from.length < all.length);
      assert.ok(from.every((e) => Date.parse(e.at) >= mid));
      const to = await allEvents(`to=${encodeURIComponent(new Date(mid).toISOString())}`);
      assert.equal(from.length + to.length, all.length, 'from is inclusive, to exclusive');
      assert.ok(to.every((e) => Date.parse(e.at) < mid));
      assert.equal((await allEvents('event=no.such.event')).length, 0);
      const bad = await g.request('GET', '/api/v1/me/audit?from=yesterday', { token });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'validation_failed');
      assert.ok(bad.body.error.details.fields.from);
      assert.equal((await g.request('GET', '/api/v1/me/audit?sensitive=maybe', { token })).status, 400);
    });

    test('cursor paging visits every event once', opts, async () => {
      const all = await allEvents();
      const paged: any[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const r: { body: any } = await g.request('GET', `/api/v1/me/audit?limit=4${cursor ? `&cursor=${cursor}` : ''}`, { token });
        assert.ok(r.body.events.length <= 4);
        paged.push(...r.body.events);
        cursor = r.body.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      assert.ok(pages >= Math.ceil(all.length / 4));
      assert.deepEqual(paged.map((e) => e.id), all.map((e) => e.id));
      assert.equal(new Set(paged.map((e) => e.id)).size, paged.length);
    });

    test('another account sees none of these events', opts, async () => {
      const other = await g.register(undefined, TEST_PASSWORD, '198.51.100.9');
      const { token: t } = await g.signIn(other.email, TEST_PASSWORD, '198.51.100.9');
      const r = await g.request('GET', '/api/v1/me/audit?limit=200', { token: t });
      assert.ok(r.body.events.length > 0);
      assert.ok(r.body.events.every((e: any) => e.actor.id === other.id || e.actor.type !== 'account'));
      assert.ok(!r.body.events.some((e: any) => e.event === 'password.changed'));
    });

    test('tampering breaks the chain at the edited seq; `gatehouse audit verify` exits 0 then 1', opts, async () => {
      const db = g.services.database.db;
      const intact = await verifyAuditChain(db);
      assert.equal(intact.ok, true);
      const env = { GATEHOUSE_DB: g.database.raw, GATEHOUSE_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') };
      const good = await runCli(['audit', 'verify'], env);
      assert.equal(good.code, 0, good.stdout + good.stderr);
      assert.match(good.stdout, /intact/);

      const victim = await db.selectFrom('audit_events').select(['seq']).where('event', '=', 'password.changed').executeTakeFirstOrThrow();
      const seq = Number(victim.seq);
      await sql`update audit_events set details = ${'{"forged":true}'} where seq = ${seq}`.execute(db);
      const broken = await verifyAuditChain(db);
      assert.equal(broken.ok, false);
      if (!broken.ok) {
        assert.equal(broken.break.seq, seq);
        assert.equal(broken.entries, seq - 1, 'everything before the edit verified');
      }
      const bad = await runCli(['audit', 'verify'], env);
      assert.equal(bad.code, 1, bad.stdout + bad.stderr);
      assert.match(bad.stdout, new RegExp(`seq ${seq}\\b`));

      // Deleting the last entry is caught by the chain head.
      await sql`update audit_events set details = ${'{}'} where seq = ${seq}`.execute(db);
      const head = await db.selectFrom('audit_chain').select('last_seq').executeTakeFirstOrThrow();
      await sql`delete from audit_events where seq = ${Number(head.last_seq)}`.execute(db);
      const truncated = await verifyAuditChain(db);
      assert.equal(truncated.ok, false);
    });
  });
}
