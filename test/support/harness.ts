/**
 * Starts a whole Gatehouse in-process (Fastify inject, no socket) on a fresh database with a
 * ManualClock, and offers the calls tests make over and over: JSON requests, reading a code
 * from the dev outbox, solving a captcha, registering and signing in.
 */
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config.js';
import { createGatehouse, type Gatehouse } from '../../src/main.js';
import { ManualClock } from '../../src/platform/clock.js';
import { after, before } from 'node:test';
import { freshDatabase, postgresSkipReason, type DbKind, type FreshDatabase } from './databases.js';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Light argon2id for test speed; the production parameters are asserted in their own test. */
export const TEST_ARGON2 = { memoryCostKiB: 1024, timeCostParam: 1 } as const;

export interface TestGatehouse extends Gatehouse {
  clock: ManualClock;
  database: FreshDatabase;
  config: Config;
  request(method: string, path: string, opts?: { body?: unknown; token?: string; headers?: Record<string, string>; ip?: string; rawBody?: string }): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  latestCode(to: string): Promise<string>;
  outbox(to: string): Promise<any[]>;
  solveCaptcha(challenge: any): Promise<string>;
  register(email?: string, password?: string, ip?: string): Promise<{ id: string; email: string }>;
  signIn(identifier: string, password?: string, ip?: string): Promise<{ token: string; sessionId: string }>;
}

export async function startGatehouse(kind: DbKind, env: Record<string, string> = {}, opts: { database?: FreshDatabase; migrate?: boolean } = {}): Promise<TestGatehouse> {
  const database = opts.database ?? (await freshDatabase(kind));
  const config = loadConfig({
    NODE_ENV: 'test',
    GATEHOUSE_DB: database.raw,
    GATEHOUSE_SECRET_KEY: randomBytes(32).toString('base64'),
    GATEHOUSE_TRUST_PROXY: 'loopback',
    GATEHOUSE_PUBLIC_URL: 'http://localhost:8080',
    ...env,
  });
  const clock = new ManualClock(Date.UTC(2026, 5, 1, 8, 0, 0));
  const gatehouse = await createGatehouse(config, {
    clock,
    argon2: { memoryCostKiB: TEST_ARGON2.memoryCostKiB, timeCost: TEST_ARGON2.timeCostParam, parallelism: 1 },
    captcha: { cost: 1, counterMin: 10, counterMax: 40 },
    ...(opts.migrate === false ? { migrate: false } : {}),
  });
  const { app } = gatehouse;

  const request: TestGatehouse['request'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.ip) headers['x-forwarded-for'] = o.ip;
    const hasBody = o.body !== undefined || o.rawBody !== undefined;
    if (hasBody && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await app.inject({ method: method as 'GET', url: path, headers, ...(hasBody ? { payload: o.rawBody ?? JSON.stringify(o.body) } : {}) });
    let body: unknown = null;
    if (res.body) {
      try {
        body = JSON.parse(res.body);
      } catch {
        body = res.body;
      }
    }
    return { status: res.statusCode, body, headers: res.headers };
  };

  const outbox = async (to: string) => (await request('GET', `/api/v1/dev/outbox?to=${encodeURIComponent(to)}`)).body.messages as any[];

  const t: TestGatehouse = {
    ...gatehouse,
    clock,
    database,
    config,
    request,
    outbox,
    async latestCode(to) {
      const messages = await outbox(to);
      const m = messages.find((x) => x.template === 'verification_code');
      if (!m) throw new Error(`no verification code sent to ${to}`);
      const code = /\b(\d{6})\b/.exec(m.text)?.[1];
      if (!code) throw new Error(`no 6-digit code in: ${m.text}`);
      return code;
    },
    async solveCaptcha(challenge) {
      const { version: _v, codeChallenge: _c, ...plain } = challenge;
      const solution = await solveChallenge({ challenge: plain, deriveKey });
      if (!solution) throw new Error('captcha not solved');
      return Buffer.from(JSON.stringify({ challenge: plain, solution })).toString('base64');
    },
    async register(email = `user-${randomBytes(4).toString('hex')}@example.com`, password = TEST_PASSWORD, ip = '1.1.1.1') {
      const sent = await request('POST', '/api/v1/verification-codes', { body: { channel: 'email', to: email, purpose: 'register' }, ip });
      if (sent.status !== 202) throw new Error(`code send failed: ${sent.status} ${JSON.stringify(sent.body)}`);
      const code = await t.latestCode(email);
      const res = await request('POST', '/api/v1/accounts', { body: { email, password, code }, ip });
      if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
      clock.advance(61_000); // past the per-destination resend interval
      return res.body.account;
    },
    async signIn(identifier, password = TEST_PASSWORD, ip = '1.1.1.1') {
      const res = await request('POST', '/api/v1/sessions', { body: { identifier, password }, ip });
      if (res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { token: res.body.token, sessionId: res.body.session.id };
    },
    async close() {
      await gatehouse.close();
      if (!opts.database) await database.drop();
    },
  };
  return t;
}

/**
 * The per-database suite set-up every storage-facing test file shares: inside a `describe`,
 * starts a fresh Gatehouse on `kind` before its tests and closes it after, handing it over
 * through `assign`. Returns why the suite must skip (PostgreSQL unreachable outside CI), or null.
 */
export async function useGatehouse(kind: DbKind, assign: (g: TestGatehouse) => void, env: Record<string, string> = {}): Promise<string | null> {
  const skip = kind === 'postgres' ? await postgresSkipReason() : null;
  let started: TestGatehouse | null = null;
  before(async () => {
    if (skip) return;
    started = await startGatehouse(kind, env);
    assign(started);
  });
  after(async () => {
    await started?.close();
  });
  return skip;
}
