import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { TencentSmsProvider, type TencentSmsConfig } from './tencent-sms.js';
import { isRetryableTencentCode } from './tencent-sms-codes.js';
import type { OutgoingMessage } from '../channel.js';

// The SDK sends through $http_proxy when it is set; these tests must reach 127.0.0.1 directly.
delete process.env.http_proxy;

const SECRET_ID = 'AKIDtestsecretid';
const SECRET_KEY = 'test-secret-key-0123456789';

const message: OutgoingMessage = {
  id: 'msg-42',
  channel: 'sms',
  to: '+8613800138000',
  template: 'verification_code',
  locale: 'zh-CN',
  subject: null,
  text: '【Gatehouse】验证码：482913，您正在登录账号，5分钟内有效。',
  smsParams: ['482913', '5'],
};

interface Captured {
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  rawBody: string;
}

type Reply = (req: Captured) => { status: number; json?: unknown };

/** A stand-in for sms.tencentcloudapi.com that records requests and answers as told. */
async function startStandIn(reply: Reply): Promise<{ url: string; requests: Captured[]; stop(): Promise<void> }> {
  const requests: Captured[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const captured: Captured = { headers: req.headers, rawBody, body: rawBody ? (JSON.parse(rawBody) as Record<string, unknown>) : {} };
      requests.push(captured);
      const { status, json } = reply(captured);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(json === undefined ? 'Internal Server Error' : JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function config(endpoint: string): TencentSmsConfig {
  return {
    secretId: SECRET_ID,
    secretKey: SECRET_KEY,
    region: 'ap-guangzhou',
    sdkAppId: '1400006666',
    signName: 'Gatehouse',
    templateIds: { verification_code: '1110001', 'verification_code:en': '2220002', remote_login: '1110002' },
    endpoint,
    timeoutMs: 3_000,
  };
}

const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();
const sha256Hex = (data: string): string => createHash('sha256').update(data).digest('hex');

/** Recomputes the TC3-HMAC-SHA256 signature independently of the SDK (Tencent Cloud API 3.0 signing v3). */
function assertValidTc3Signature(req: Captured): void {
  const auth = String(req.headers.authorization);
  const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
  assert.ok(m, `Authorization header shape: ${auth}`);
  const [, secretId, date, service, signedHeaders, signature] = m as unknown as string[];
  assert.equal(secretId, SECRET_ID);
  const timestamp = Number(req.headers['x-tc-timestamp']);
  assert.equal(date, new Date(timestamp * 1000).toISOString().slice(0, 10));
  assert.equal(signedHeaders, 'content-type;host');
  const hostname = String(req.headers.host).replace(/:\d+$/, '');
  const canonical = ['POST', '/', '', `content-type:${req.headers['content-type']}`, `host:${hostname}`, '', signedHeaders, sha256Hex(req.rawBody)].join('\n');
  const scope = `${date}/${service}/tc3_request`;
  const toSign = ['TC3-HMAC-SHA256', String(timestamp), scope, sha256Hex(canonical)].join('\n');
  const kSigning = hmac(hmac(hmac(`TC3${SECRET_KEY}`, date as string), service as string), 'tc3_request');
  assert.equal(signature, createHmac('sha256', kSigning).update(toSign).digest('hex'), 'signature verifies with our secret key');
}

const ok = (code: string, message: string) => ({
  status: 200,
  json: {
    Response: {
      SendStatusSet: [{ SerialNo: '2645:1234567890', PhoneNumber: '+8613800138000', Fee: 1, SessionContext: 'msg-42', Code: code, Message: message, IsoCode: 'CN' }],
      RequestId: 'req-0001',
    },
  },
});

test('sends a signed SendSms request and maps Ok to delivered with the SerialNo', async () => {
  const standIn = await startStandIn(() => ok('Ok', 'send success'));
  try {
    const result = await new TencentSmsProvider(config(standIn.url)).send(message);
    assert.deepEqual(result, { ok: true, providerMessageId: '2645:1234567890' });
    assert.equal(standIn.requests.length, 1);
    const req = standIn.requests[0] as Captured;
    assert.equal(req.headers['x-tc-action'], 'SendSms');
    assert.equal(req.headers['x-tc-version'], '2021-01-11');
    assert.equal(req.headers['x-tc-region'], 'ap-guangzhou');
    assert.deepEqual(req.body, {
      PhoneNumberSet: ['+8613800138000'],
      SmsSdkAppId: '1400006666',
      TemplateId: '1110001',
      SignName: 'Gatehouse',
      TemplateParamSet: ['482913', '5'],
      SessionContext: 'msg-42',
    });
    assertValidTc3Signature(req);
  } finally {
    await standIn.stop();
  }
});

test('a locale-specific template id wins, and international numbers go without SignName', async () => {
  const standIn = await startStandIn(() => ok('Ok', 'send success'));
  try {
    await new TencentSmsProvider(config(standIn.url)).send({ ...message, to: '+14155550100', locale: 'en' });
    const body = (standIn.requests[0] as Captured).body;
    assert.equal(body.TemplateId, '2220002');
    assert.equal('SignName' in body, false);
  } finally {
    await standIn.stop();
  }
});

test('per-number failure codes map to retryable or not, keeping the provider reason', async () => {
  const cases: Array<[string, boolean]> = [
    ['InvalidParameterValue.IncorrectPhoneNumber', false],
    ['LimitExceeded.PhoneNumberDailyLimit', false],
    ['FailedOperation.PhoneNumberInBlacklist', false],
    ['FailedOperation.TemplateIncorrectOrUnapproved', false],
    ['LimitExceeded.PhoneNumberThirtySecondLimit', true],
    ['InternalError.Timeout', true],
  ];
  let current = '';
  const standIn = await startStandIn(() => ok(current, `the reason for ${current}`));
  const provider = new TencentSmsProvider(config(standIn.url));
  try {
    for (const [code, retryable] of cases) {
      current = code;
      const result = await provider.send(message);
      assert.ok(!result.ok, code);
      assert.equal(result.retryable, retryable, code);
      assert.ok(result.reason.includes(code) && result.reason.includes(`the reason for ${code}`), result.reason);
      assert.ok(result.reason.includes('req-0001'), 'RequestId kept for support');
    }
  } finally {
    await standIn.stop();
  }
});

test('an API-level error (Response.Error) is classified by its code', async () => {
  let code = 'AuthFailure.SecretIdNotFound';
  const standIn = await startStandIn(() => ({ status: 200, json: { Response: { Error: { Code: code, Message: 'The SecretId is not found' }, RequestId: 'req-err' } } }));
  const provider = new TencentSmsProvider(config(standIn.url));
  try {
    const auth = await provider.send(message);
    assert.ok(!auth.ok);
    assert.equal(auth.retryable, false);
    assert.match(auth.reason, /AuthFailure\.SecretIdNotFound: The SecretId is not found/);
    code = 'RequestLimitExceeded';
    const throttled = await provider.send(message);
    assert.ok(!throttled.ok && throttled.retryable);
  } finally {
    await standIn.stop();
  }
});

test('an HTTP 500 is retryable', async () => {
  const standIn = await startStandIn(() => ({ status: 500 }));
  try {
    const result = await new TencentSmsProvider(config(standIn.url)).send(message);
    assert.ok(!result.ok);
    assert.equal(result.retryable, true);
    assert.match(result.reason, /HTTP 500/);
  } finally {
    await standIn.stop();
  }
});

test('a refused connection is retryable', async () => {
  const s = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  const result = await new TencentSmsProvider(config(`http://127.0.0.1:${port}`)).send(message);
  assert.ok(!result.ok);
  assert.equal(result.retryable, true);
  assert.match(result.reason, /ECONNREFUSED/);
});

test('a template without a configured Tencent id, or a message without smsParams, fails permanently without a request', async () => {
  const standIn = await startStandIn(() => ok('Ok', 'send success'));
  const provider = new TencentSmsProvider(config(standIn.url));
  try {
    const unmapped = await provider.send({ ...message, template: 'ticket_update' });
    assert.ok(!unmapped.ok && !unmapped.retryable);
    assert.match(unmapped.reason, /ticket_update/);
    const { smsParams: _omitted, ...bare } = message;
    const noParams = await provider.send(bare);
    assert.ok(!noParams.ok && !noParams.retryable);
    assert.equal(standIn.requests.length, 0);
  } finally {
    await standIn.stop();
  }
});

test('probe asks for template status: up with warnings, down on auth failure', async () => {
  let fail = false;
  const standIn = await startStandIn((req) => {
    assert.equal(req.headers['x-tc-action'], 'DescribeSmsTemplateList');
    if (fail) return { status: 200, json: { Response: { Error: { Code: 'AuthFailure.SignatureFailure', Message: 'bad signature' }, RequestId: 'r' } } };
    return {
      status: 200,
      json: {
        Response: {
          DescribeTemplateStatusSet: [
            { TemplateId: 1110001, International: 0, StatusCode: 0, ReviewReply: '', TemplateName: 'code' },
            { TemplateId: 1110002, International: 0, StatusCode: -1, ReviewReply: 'contains a URL', TemplateName: 'login' },
          ],
          RequestId: 'r',
        },
      },
    };
  });
  const provider = new TencentSmsProvider(config(standIn.url));
  try {
    const up = await provider.probe();
    assert.equal(up.up, true);
    assert.match(up.detail, /template 1110002 is not approved \(contains a URL\)/);
    assert.deepEqual((standIn.requests[0] as Captured).body.TemplateIdSet, [1110001, 2220002, 1110002]);
    fail = true;
    const down = await provider.probe();
    assert.equal(down.up, false);
    assert.match(down.detail, /AuthFailure\.SignatureFailure/);
  } finally {
    await standIn.stop();
  }
});

test('code table: throttles retry, quotas and recipient problems do not', () => {
  assert.equal(isRetryableTencentCode('InternalError.SigVerificationFail'), false);
  assert.equal(isRetryableTencentCode('RequestLimitExceeded.IPLimitExceeded'), true);
  assert.equal(isRetryableTencentCode('LimitExceeded.DeliveryFrequencyLimit'), true);
  assert.equal(isRetryableTencentCode('UnauthorizedOperation.ServiceSuspendDueToArrears'), false);
  assert.equal(isRetryableTencentCode('FailedOperation.InsufficientBalanceInSmsPackage'), false);
});
