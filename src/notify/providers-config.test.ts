import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseHttpSmsConfig,
  parseNotifyProviders,
  parseSmtpConfig,
  parseTencentSmsConfig,
  parseTencentTemplateIds,
} from './providers-config.js';

const SMTP = { GATEHOUSE_SMTP_URL: 'smtp://user:pass@mail.example.com:587', GATEHOUSE_SMTP_FROM: 'Gatehouse <noreply@example.com>' };
const TENCENT = {
  GATEHOUSE_TENCENT_SMS_SECRET_ID: 'AKIDxxxx',
  GATEHOUSE_TENCENT_SMS_SECRET_KEY: 'secret',
  GATEHOUSE_TENCENT_SMS_SDK_APP_ID: '1400006666',
  GATEHOUSE_TENCENT_SMS_SIGN_NAME: 'Gatehouse',
  GATEHOUSE_TENCENT_SMS_TEMPLATE_IDS: 'verification_code=1110001, remote_login=1110002,verification_code:en=2220001',
};
const HTTP_SMS = { GATEHOUSE_HTTP_SMS_URL: 'https://sms-gw.internal.example/send', GATEHOUSE_HTTP_SMS_SECRET: 'x'.repeat(32) };

async function closeAll(result: ReturnType<typeof parseNotifyProviders>): Promise<void> {
  if (result.mode === 'deliver') {
    await result.email?.close?.();
    await result.sms?.close?.();
  }
}

test('no variables at all means outbox', () => {
  assert.deepEqual(parseNotifyProviders({}), { mode: 'outbox' });
  assert.deepEqual(parseNotifyProviders({ GATEHOUSE_NOTIFY: '' }), { mode: 'outbox' });
});

test('explicit outbox wins over provider variables', () => {
  assert.deepEqual(parseNotifyProviders({ GATEHOUSE_NOTIFY: 'outbox', ...SMTP }), { mode: 'outbox' });
});

test('without GATEHOUSE_NOTIFY the configured providers are used', async () => {
  const both = parseNotifyProviders({ ...SMTP, ...TENCENT });
  assert.equal(both.mode, 'deliver');
  assert.ok(both.mode === 'deliver');
  assert.equal(both.email?.id, 'smtp');
  assert.equal(both.email?.channel, 'email');
  assert.equal(both.sms?.id, 'tencent-sms');
  assert.equal(both.sms?.channel, 'sms');
  await closeAll(both);
  const httpOnly = parseNotifyProviders(HTTP_SMS);
  assert.ok(httpOnly.mode === 'deliver');
  assert.equal(httpOnly.email, undefined);
  assert.equal(httpOnly.sms?.id, 'http-sms');
});

test('a named list selects exactly those providers', async () => {
  const r = parseNotifyProviders({ GATEHOUSE_NOTIFY: 'smtp, http-sms', ...SMTP, ...HTTP_SMS, ...TENCENT });
  assert.ok(r.mode === 'deliver');
  assert.equal(r.email?.id, 'smtp');
  assert.equal(r.sms?.id, 'http-sms');
  await closeAll(r);
  const emailOnly = parseNotifyProviders({ GATEHOUSE_NOTIFY: 'smtp', ...SMTP, ...TENCENT });
  assert.ok(emailOnly.mode === 'deliver');
  assert.equal(emailOnly.sms, undefined);
  await closeAll(emailOnly);
});

test('unknown names and two SMS providers are refused', () => {
  assert.throws(() => parseNotifyProviders({ GATEHOUSE_NOTIFY: 'smtp,carrier-pigeon', ...SMTP }), /unknown provider "carrier-pigeon"/);
  assert.throws(() => parseNotifyProviders({ GATEHOUSE_NOTIFY: 'tencent-sms,http-sms', ...TENCENT, ...HTTP_SMS }), /two SMS providers/);
  assert.throws(() => parseNotifyProviders({ ...TENCENT, ...HTTP_SMS }), /set GATEHOUSE_NOTIFY to choose one/);
});

test('a named provider with missing variables names the variable', () => {
  assert.throws(() => parseNotifyProviders({ GATEHOUSE_NOTIFY: 'smtp' }), /GATEHOUSE_SMTP_URL \(or GATEHOUSE_SMTP_HOST\) is required/);
  assert.throws(() => parseNotifyProviders({ GATEHOUSE_NOTIFY: 'smtp', GATEHOUSE_SMTP_URL: SMTP.GATEHOUSE_SMTP_URL }), /GATEHOUSE_SMTP_FROM is required/);
  for (const name of Object.keys(TENCENT)) {
    const env: NodeJS.ProcessEnv = { GATEHOUSE_NOTIFY: 'tencent-sms', ...TENCENT };
    delete env[name];
    assert.throws(() => parseNotifyProviders(env), new RegExp(`${name} is required`), name);
  }
  assert.throws(() => parseNotifyProviders({ GATEHOUSE_NOTIFY: 'http-sms', GATEHOUSE_HTTP_SMS_URL: HTTP_SMS.GATEHOUSE_HTTP_SMS_URL }), /GATEHOUSE_HTTP_SMS_SECRET is required/);
});

test('a half-configured provider is an error, not a silent outbox', () => {
  assert.throws(() => parseNotifyProviders({ GATEHOUSE_SMTP_FROM: 'noreply@example.com' }), /GATEHOUSE_SMTP_URL/);
  assert.throws(() => parseNotifyProviders({ GATEHOUSE_TENCENT_SMS_SECRET_ID: 'AKID' }), /GATEHOUSE_TENCENT_SMS_SECRET_KEY is required/);
});

test('smtp: URL form, host form and timeouts', () => {
  assert.deepEqual(parseSmtpConfig(SMTP), { from: SMTP.GATEHOUSE_SMTP_FROM, url: SMTP.GATEHOUSE_SMTP_URL });
  assert.deepEqual(
    parseSmtpConfig({
      GATEHOUSE_SMTP_HOST: 'mail.example.com',
      GATEHOUSE_SMTP_PORT: '465',
      GATEHOUSE_SMTP_SECURE: 'true',
      GATEHOUSE_SMTP_USER: 'u',
      GATEHOUSE_SMTP_PASS: 'p',
      GATEHOUSE_SMTP_REQUIRE_TLS: 'false',
      GATEHOUSE_SMTP_FROM: 'noreply@example.com',
      GATEHOUSE_SMTP_TIMEOUT_MS: '5000',
    }),
    {
      from: 'noreply@example.com',
      host: 'mail.example.com',
      port: 465,
      secure: true,
      auth: { user: 'u', pass: 'p' },
      connectionTimeoutMs: 5000,
      greetingTimeoutMs: 5000,
      socketTimeoutMs: 5000,
      sendTimeoutMs: 20000,
    },
  );
  assert.throws(() => parseSmtpConfig({ ...SMTP, GATEHOUSE_SMTP_URL: 'http://mail.example.com' }), /smtp:\/\/ or smtps:\/\//);
  assert.throws(() => parseSmtpConfig({ ...SMTP, GATEHOUSE_SMTP_FROM: 'Gatehouse' }), /GATEHOUSE_SMTP_FROM must be an address/);
  assert.throws(() => parseSmtpConfig({ ...SMTP, GATEHOUSE_SMTP_TIMEOUT_MS: '-1' }), /GATEHOUSE_SMTP_TIMEOUT_MS must be a positive integer/);
  assert.throws(() => parseSmtpConfig({ GATEHOUSE_SMTP_HOST: 'h', GATEHOUSE_SMTP_FROM: 'a@b.c', GATEHOUSE_SMTP_SECURE: 'yes' }), /GATEHOUSE_SMTP_SECURE must be true or false/);
  assert.throws(() => parseSmtpConfig({ GATEHOUSE_SMTP_HOST: 'h', GATEHOUSE_SMTP_FROM: 'a@b.c', GATEHOUSE_SMTP_USER: 'u' }), /GATEHOUSE_SMTP_PASS is required/);
});

test('tencent-sms: defaults, template ids and endpoint', () => {
  assert.deepEqual(parseTencentSmsConfig(TENCENT), {
    secretId: 'AKIDxxxx',
    secretKey: 'secret',
    sdkAppId: '1400006666',
    signName: 'Gatehouse',
    region: 'ap-guangzhou',
    templateIds: { verification_code: '1110001', remote_login: '1110002', 'verification_code:en': '2220001' },
  });
  const custom = parseTencentSmsConfig({
    ...TENCENT,
    GATEHOUSE_TENCENT_SMS_REGION: 'ap-beijing',
    GATEHOUSE_TENCENT_SMS_ENDPOINT: 'sms.ap-beijing.tencentcloudapi.com',
    GATEHOUSE_TENCENT_SMS_TIMEOUT_MS: '3000',
  });
  assert.equal(custom.region, 'ap-beijing');
  assert.equal(custom.endpoint, 'sms.ap-beijing.tencentcloudapi.com');
  assert.equal(custom.timeoutMs, 3000);
  assert.throws(() => parseTencentTemplateIds('verification_code=abc'), /not <template>=<numeric Tencent template id>/);
  assert.throws(() => parseTencentTemplateIds('welcome=123'), /unknown template "welcome"/);
  assert.throws(() => parseTencentTemplateIds('verification_code:fr=123'), /unknown locale "fr"/);
  assert.throws(() => parseTencentTemplateIds(' , '), /must map at least one template/);
});

test('http-sms: URL and secret strength are checked', () => {
  assert.deepEqual(parseHttpSmsConfig({ ...HTTP_SMS, GATEHOUSE_HTTP_SMS_TIMEOUT_MS: '2500' }), { ...{ url: HTTP_SMS.GATEHOUSE_HTTP_SMS_URL, secret: HTTP_SMS.GATEHOUSE_HTTP_SMS_SECRET }, timeoutMs: 2500 });
  assert.throws(() => parseHttpSmsConfig({ ...HTTP_SMS, GATEHOUSE_HTTP_SMS_URL: 'ftp://x' }), /GATEHOUSE_HTTP_SMS_URL must be an http\(s\) URL/);
  assert.throws(() => parseHttpSmsConfig({ ...HTTP_SMS, GATEHOUSE_HTTP_SMS_URL: 'not a url' }), /GATEHOUSE_HTTP_SMS_URL must be an http\(s\) URL/);
  assert.throws(() => parseHttpSmsConfig({ ...HTTP_SMS, GATEHOUSE_HTTP_SMS_SECRET: 'short' }), /at least 32 characters/);
});
