/** Shared pieces of the benchmarks: child processes, readiness, autocannon runs. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import autocannon from 'autocannon';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export function startChild(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

export async function waitFor(url: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface LoadResult {
  requestsPerSecond: number;
  non2xx: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
}

export async function load(opts: { url: string; method?: 'GET' | 'POST'; body?: string; bodies?: string[]; headers?: Record<string, string>; connections: number; durationSeconds: number }): Promise<LoadResult> {
  let next = 0;
  const bodies = opts.bodies;
  const result = await autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    ...(opts.body ? { body: opts.body } : {}),
    // Rotating bodies: each request names the next account, as real concurrent users would.
    ...(bodies ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: bodies[next++ % bodies.length] }) }] as autocannon.Request[] } : {}),
    headers: { 'content-type': 'application/json', ...(opts.headers ?? {}) },
    connections: opts.connections,
    duration: opts.durationSeconds,
  });
  // Only successful answers count as throughput.
  const ok = result['2xx'] / result.duration;
  return { requestsPerSecond: ok, non2xx: result.non2xx, latencyP50Ms: result.latency.p50, latencyP99Ms: result.latency.p99 };
}
