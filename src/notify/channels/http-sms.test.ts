import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { ManualClock } from '../../platform/clock.js';
import { HttpSmsProvider } from './http-sms.js';
import { signatureHeader, verifySignature } from './http-sms-signature.js';
import type { OutgoingMessage } from '../channel.js';

const SECRET = 'webhook-secret-0123456789abcdef';
const NOW_MS = Date.UTC(2026, 0, 2, 3, 4, 5);

const message: OutgoingMessage = {
  id: 'msg-7',
  channel: 'sms',
  to: '+8613800138000',
  template: 'verification_code',
  locale: 'zh-CN',
  subject: null,
  text: '【Gatehouse】验证码：482913，您正在登录账号，5分钟内有效。',
  smsParams: ['482913', '5'],
};

interface Received {
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: Received, res: ServerResponse) => void;

async function startReceiver(handler: Handler): Promise<{ url: string; received: Received[]; stop(): Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function provider(url: string, timeoutMs = 2_000): HttpSmsProvider {
  return new HttpSmsProvider({ url, secret: SECRET, timeoutMs, clock: new ManualClock(NOW_MS) });
}

test('posts the signed JSON message and takes 2xx as delivered', async () => {
  const receiver = await startReceiver((req, res) => {
    const check = verifySignature(SECRET, req.headers['x-gatehouse-signature'] as string, req.body, NOW_MS / 1000);
    res.writeHead(check.valid ? 202 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(check.valid ? { messageId: 'gw-123' } : check));
  });
  try {
    const result = await provider(receiver.url).send(message);
    assert.deepEqual(result, { ok: true, providerMessageId: 'gw-123' });
    const req = receiver.received[0] as Received;
    assert.equal(req.method, 'POST');
    assert.equal(req.headers['content-type'], 'application/json');
    assert.equal(req.headers['idempotency-key'], 'msg-7');
    assert.match(String(req.headers['x-gatehouse-signature']), /^t=1767323045,v1=[0-9a-f]{64}$/);
    assert.deepEqual(JSON.parse(req.body), {
      id: 'msg-7',
      to: '+8613800138000',
      text: message.text,
      template: 'verification_code',
      locale: 'zh-CN',
      params: ['482913', '5'],
    });
  } finally {
    await receiver.stop();
  }
});

test('a 2xx without a JSON body is still delivered', async () => {
  const receiver = await startReceiver((_req, res) => res.writeHead(204).end());
  try {
    assert.deepEqual(await provider(receiver.url).send(message), { ok: true, providerMessageId: null });
  } finally {
    await receiver.stop();
  }
});

test('status codes map to permanent or retryable failures with the receiver reason', async () => {
  const cases: Array<[number, boolean]> = [
    [400, false],
    [404, false],
    [422, false],
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [302, false],
  ];
  let status = 0;
  const receiver = await startReceiver((_req, res) => {
    res.writeHead(status, status === 302 ? { location: 'http://127.0.0.1:1/elsewhere' } : {});
    res.end(`{"error":"reason ${status}"}`);
  });
  const sms = provider(receiver.url);
  try {
    for (const [code, retryable] of cases) {
      status = code;
      const result = await sms.send(message);
      assert.ok(!result.ok, String(code));
      assert.equal(result.retryable, retryable, String(code));
      assert.ok(result.reason.startsWith(`HTTP ${code}`), result.reason);
      assert.ok(result.reason.includes(`reason ${code}`), result.reason);
    }
    assert.equal(receiver.received.length, cases.length, 'the redirect was not followed');
  } finally {
    await receiver.stop();
  }
});

test('a receiver that never answers times out as retryable', async () => {
  const receiver = await startReceiver(() => {
    // Hold the request open.
  });
  try {
    const started = Date.now();
    const result = await provider(receiver.url, 300).send(message);
    assert.ok(!result.ok);
    assert.equal(result.retryable, true);
    assert.match(result.reason, /timeout/);
    assert.ok(Date.now() - started < 3_000);
  } finally {
    await receiver.stop();
  }
});

async function closedPortUrl(): Promise<string> {
  const s = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}/sms`;
}

test('a refused connection is retryable and names the socket error', async () => {
  const result = await provider(await closedPortUrl()).send(message);
  assert.ok(!result.ok);
  assert.equal(result.retryable, true);
  assert.match(result.reason, /ECONNREFUSED/);
});

test('probe: any answer below 500 is up; 5xx and refusals are down', async () => {
  let status = 405;
  const receiver = await startReceiver((_req, res) => res.writeHead(status).end());
  try {
    const up = await provider(receiver.url).probe();
    assert.equal(up.up, true, up.detail);
    assert.equal((receiver.received[0] as Received).method, 'GET', 'probe never POSTs (which would send an SMS)');
    status = 502;
    assert.equal((await provider(receiver.url).probe()).up, false);
  } finally {
    await receiver.stop();
  }
  const down = await provider(await closedPortUrl()).probe();
  assert.equal(down.up, false);
  assert.match(down.detail, /ECONNREFUSED/);
});

test('signature verification rejects tampering, old timestamps and other secrets', () => {
  const body = '{"id":"x"}';
  const header = signatureHeader(SECRET, 1_000, body);
  assert.deepEqual(verifySignature(SECRET, header, body, 1_010), { valid: true });
  assert.equal(verifySignature(SECRET, header, '{"id":"y"}', 1_010).valid, false);
  assert.equal(verifySignature('another-secret', header, body, 1_010).valid, false);
  assert.equal(verifySignature(SECRET, header, body, 1_000 + 301).valid, false);
  assert.equal(verifySignature(SECRET, undefined, body, 1_000).valid, false);
  assert.equal(verifySignature(SECRET, header.replace(/v1=[0-9a-f]{2}/, 'v1=zz'), body, 1_000).valid, false);
  const rotated = `${header},v1=${'0'.repeat(64)}`;
  assert.deepEqual(verifySignature(SECRET, rotated, body, 1_000), { valid: true }, 'any v1 may match');
});
