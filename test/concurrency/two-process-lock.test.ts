/**
 * The 3/10/24h policy across server processes: two separate Gatehouse processes share one
 * fresh PostgreSQL database, wrong passwords alternate between them (captchas issued by one
 * process are redeemed at the other, since both derive the captcha key from the same
 * GATEHOUSE_SECRET_KEY), and the lock still falls at exactly the 10th wrong password.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { openDatabase } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { verifyAuditChain } from '../../src/platform/audit/audit.js';
import { projectFile } from '../../src/platform/project-path.js';
import { freshDatabase, postgresSkipReason, type FreshDatabase } from '../support/databases.js';
import { TEST_PASSWORD } from '../support/harness.js';

/** The documented bound on how long another instance may still accept a revoked session. */
const CACHE_SECONDS = 1;

interface Server {
  child: ChildProcess;
  base: string;
}

function startServer(env: Record<string, string>): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', projectFile('test/concurrency/worker-server.ts')], {
      cwd: projectFile('.'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${m[1]}` });
      }
    });
    child.stderr!.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}: ${out}`));
    });
  });
}

async function call(server: Server, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(server.base + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function solved(issuer: Server): Promise<string> {
  const { version: _v, codeChallenge: _c, ...plain } = (await call(issuer, 'GET', '/api/v1/captcha')).body;
  const solution = await solveChallenge({ challenge: plain, deriveKey });
  return Buffer.from(JSON.stringify({ challenge: plain, solution })).toString('base64');
}

describe('two server processes on one PostgreSQL', async () => {
  const skip = await postgresSkipReason();
  let database: FreshDatabase;
  const servers: Server[] = [];
  before(async () => {
    if (skip) return;
    database = await freshDatabase('postgres');
    const opened = openDatabase({ kind: 'postgres', url: database.raw });
    await migrateToLatest(opened.db);
    await opened.close();
    const env = { GATEHOUSE_DB: database.raw, GATEHOUSE_SECRET_KEY: randomBytes(32).toString('base64'), GATEHOUSE_NOTIFY: 'outbox', GATEHOUSE_SESSION_CACHE_SECONDS: String(CACHE_SECONDS) };
    servers.push(...(await Promise.all([startServer(env), startServer(env)])));
  });
  after(async () => {
    for (const s of servers) {
      const exited = new Promise((r) => s.child.once('exit', r));
      s.child.kill('SIGTERM');
      await exited;
    }
    if (database) await database.drop();
  });

  test('alternating wrong passwords: captcha after 3, lock at exactly the 10th', { skip: skip ?? false, timeout: 120_000 }, async () => {
    const [a, b] = servers as [Server, Server];
    const email = `two-proc-${Date.now()}@example.com`;
    assert.equal((await call(a, 'POST', '/api/v1/verification-codes', { channel: 'email', to: email, purpose: 'register' })).status, 202);
    // Read the code through the other process: the outbox is the shared database.
    const mail = (await call(b, 'GET', `/api/v1/dev/outbox?to=${encodeURIComponent(email)}`)).body.messages.find((m: any) => m.template === 'verification_code');
    const code = /\b(\d{6})\b/.exec(mail.text)![1];
    assert.equal((await call(b, 'POST', '/api/v1/accounts', { email, password: TEST_PASSWORD, code })).status, 201);

    for (let i = 1; i <= 10; i++) {
      const server = i % 2 === 1 ? a : b;
      const other = server === a ? b : a;
      const captcha = i > 3 ? await solved(other) : undefined;
      const r = await call(server, 'POST', '/api/v1/sessions', { identifier: email, password: `wrong password ${i}`, ...(captcha ? { captcha } : {}) });
      if (i < 10) {
        assert.equal(r.status, 401, `attempt ${i}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.code, 'invalid_credentials');
      } else {
        assert.equal(r.status, 423, `attempt ${i}: ${JSON.stringify(r.body)}`);
        assert.ok(r.body.error.details.lockedUntil);
      }
      if (i === 3) {
        const owed = await call(other, 'POST', '/api/v1/sessions', { identifier: email, password: TEST_PASSWORD });
        assert.equal(owed.status, 428, 'the other process also asks for a captcha after 3');
      }
    }
    // A payload already redeemed at one process is refused at the other.
    const ghost = `nobody-${Date.now()}@example.com`;
    for (let i = 0; i < 3; i++) await call(i % 2 ? a : b, 'POST', '/api/v1/sessions', { identifier: ghost, password: `guess ${i}` });
    const payload = await solved(a);
    assert.equal((await call(a, 'POST', '/api/v1/sessions', { identifier: ghost, password: 'guess 4', captcha: payload })).status, 401);
    const replay = await call(b, 'POST', '/api/v1/sessions', { identifier: ghost, password: 'guess 5', captcha: payload });
    assert.equal(replay.status, 428);
    assert.equal(replay.body.error.details.reason, 'captcha_invalid');
    for (const s of [a, b]) {
      const right = await call(s, 'POST', '/api/v1/sessions', { identifier: email, password: TEST_PASSWORD, captcha: await solved(s) });
      assert.equal(right.status, 423, 'the right password during the lock');
    }
  });

  test('a session revoked through one process is refused by the other within the cache bound', { skip: skip ?? false, timeout: 60_000 }, async () => {
    const [a, b] = servers as [Server, Server];
    const email = `two-proc-revoke-${Date.now()}@example.com`;
    await call(a, 'POST', '/api/v1/verification-codes', { channel: 'email', to: email, purpose: 'register' });
    const mail = (await call(a, 'GET', `/api/v1/dev/outbox?to=${encodeURIComponent(email)}`)).body.messages.find((m: any) => m.template === 'verification_code');
    assert.equal((await call(a, 'POST', '/api/v1/accounts', { email, password: TEST_PASSWORD, code: /\b(\d{6})\b/.exec(mail.text)![1] })).status, 201);
    const signIn = await call(b, 'POST', '/api/v1/sessions', { identifier: email, password: TEST_PASSWORD });
    const token = signIn.body.token as string;
    assert.equal((await call(a, 'GET', '/api/v1/me', undefined, token)).status, 200, 'A now has the session cached');
    const revokedAt = Date.now();
    assert.equal((await call(b, 'DELETE', '/api/v1/me/sessions', undefined, token)).status, 204);
    assert.equal((await call(b, 'GET', '/api/v1/me', undefined, token)).status, 401, 'at once where it was revoked');
    // A's cache entry was loaded before the revocation, so every request A receives more than
    // CACHE_SECONDS after it must be refused (judged by when the request started, so a slow
    // machine cannot fail the test; 100 ms of slack for scheduling).
    let refused = false;
    while (!refused && Date.now() - revokedAt < CACHE_SECONDS * 1000 + 10_000) {
      const startedAfterMs = Date.now() - revokedAt;
      const status = (await call(a, 'GET', '/api/v1/me', undefined, token)).status;
      if (status === 401) refused = true;
      else assert.ok(startedAfterMs <= CACHE_SECONDS * 1000 + 100, `still accepted ${startedAfterMs} ms after the revocation`);
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(refused, 'the other process refused the revoked session');
  });

  test('audit entries appended by both processes at once form one unbroken chain', { skip: skip ?? false, timeout: 60_000 }, async () => {
    const [a, b] = servers as [Server, Server];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => call(i % 2 ? a : b, 'POST', '/api/v1/sessions', { identifier: `burst-${i}-${Date.now()}@example.com`, password: 'wrong password' })),
    );
    assert.ok(results.every((r) => r.status === 401), JSON.stringify(results.map((r) => r.status)));
    const opened = openDatabase({ kind: 'postgres', url: database.raw });
    try {
      const chain = await verifyAuditChain(opened.db);
      assert.equal(chain.ok, true, JSON.stringify(chain));
    } finally {
      await opened.close();
    }
  });
});
