/**
 * `npm run bench`: the speed targets of the spine, measured over real HTTP with autocannon
 * against a server in its own process (so load generator and server do not share a thread).
 *
 *   (a) sign-in throughput  vs  raw argon2id verify throughput, same parameters, same cores
 *       target ≥ 0.95
 *   (b) authenticated GET /api/v1/me  vs  a bare Fastify route
 *       target ≥ 0.5
 *   (c) IP geolocation lookups (median latency, target ≤ 2 µs)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, load, startChild, waitFor } from './helpers.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = startChild(['--import', 'tsx', 'src/cli.ts', 'serve'], {
  PORT: String(port),
  GATEHOUSE_DB: `sqlite:${join(dir, 'bench.db')}`,
  GATEHOUSE_LOG_LEVEL: 'warn',
  NODE_ENV: 'development',
  GATEHOUSE_IP_SIGNIN_FAILURES: '1000000',
});
const barePort = await freePort();
const bare = startChild(['--import', 'tsx', 'bench/bare-fastify.ts'], { PORT: String(barePort) });

try {
  await waitFor(`${base}/healthz`);
  await waitFor(`http://127.0.0.1:${barePort}/healthz`);
  const password = 'correct horse battery staple';
  const post = (path: string, body: unknown) => fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  // Many accounts signing in at once, as in production. (One account hammered in parallel
  // would meet the brute-force guard: attempts in flight count until their password is checked.)
  const emails = Array.from({ length: 16 }, (_, i) => `bench-${i}@example.com`);
  for (const email of emails) {
    await post('/api/v1/verification-codes', { channel: 'email', to: email, purpose: 'register' });
    const outbox = (await (await fetch(`${base}/api/v1/dev/outbox?to=${email}`)).json()) as { messages: Array<{ text: string }> };
    const code = /\b(\d{6})\b/.exec(outbox.messages[0]!.text)![1];
    const reg = await post('/api/v1/accounts', { email, password, code });
    if (reg.status !== 201) throw new Error(`registration failed: ${reg.status}`);
  }
  const signIn = (await (await post('/api/v1/sessions', { identifier: emails[0], password })).json()) as { token: string };

  const raw = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'bench/argon2-raw.ts', String(SECONDS), '8'], { encoding: 'utf8' }).trim()) as { verifiesPerSecond: number; cores: number };
  const signins = await load({ url: `${base}/api/v1/sessions`, method: 'POST', bodies: emails.map((identifier) => JSON.stringify({ identifier, password })), connections: 8, durationSeconds: SECONDS });
  const me = await load({ url: `${base}/api/v1/me`, headers: { authorization: `Bearer ${signIn.token}` }, connections: 32, durationSeconds: SECONDS });
  const bareRoute = await load({ url: `http://127.0.0.1:${barePort}/bare`, connections: 32, durationSeconds: SECONDS });

  const rows = [
    ['raw argon2id verify (OWASP m=19456 t=2 p=1)', raw.verifiesPerSecond, '', ''],
    ['POST /api/v1/sessions (sign-in)', signins.requestsPerSecond, signins.requestsPerSecond / raw.verifiesPerSecond, '≥ 0.95'],
    ['bare Fastify GET', bareRoute.requestsPerSecond, '', ''],
    ['GET /api/v1/me (bearer)', me.requestsPerSecond, me.requestsPerSecond / bareRoute.requestsPerSecond, '≥ 0.50'],
  ];
  console.log(`\nGatehouse benchmarks (${raw.cores} cores, ${SECONDS}s each)\n`);
  for (const [name, rps, ratio, target] of rows) {
    console.log(`${String(name).padEnd(46)} ${Number(rps).toFixed(1).padStart(10)} req/s ${ratio === '' ? '' : `ratio ${Number(ratio).toFixed(3)} (target ${target})`}`);
  }
  console.log(`\nsign-in non-2xx: ${signins.non2xx}, p50 ${signins.latencyP50Ms} ms, p99 ${signins.latencyP99Ms} ms; /me non-2xx: ${me.non2xx}, p50 ${me.latencyP50Ms} ms`);

  try {
    const { runGeoBench } = (await import('./geo.js')) as { runGeoBench?: () => Promise<Record<string, number>> };
    if (runGeoBench) console.log('\ngeolocation:', await runGeoBench());
  } catch (err) {
    console.log('geolocation bench unavailable:', err instanceof Error ? err.message : err);
  }
} finally {
  server.kill();
  bare.kill();
  rmSync(dir, { recursive: true, force: true });
}
