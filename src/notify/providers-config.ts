/**
 * Which delivery providers to use, from the environment.
 *
 * GATEHOUSE_NOTIFY                  `outbox` (store messages for the dev outbox, send nothing) or a
 *                                   comma list of providers: `smtp`, `tencent-sms`, `http-sms`
 *                                   (at most one SMS provider), e.g. `smtp,tencent-sms`.
 *                                   Unset: the providers whose variables below are present
 *                                   (any GATEHOUSE_SMTP_*, GATEHOUSE_TENCENT_SMS_* or
 *                                   GATEHOUSE_HTTP_SMS_* variable), else `outbox`.
 *
 * smtp (email)
 *   GATEHOUSE_SMTP_URL              `smtp://user:pass@host:587` (STARTTLS when offered) or
 *                                   `smtps://user:pass@host:465`. Either this or _HOST.
 *   GATEHOUSE_SMTP_HOST             Host, when not using _URL.
 *   GATEHOUSE_SMTP_PORT             Port (default 465 when _SECURE, else 587).
 *   GATEHOUSE_SMTP_SECURE           `true` for implicit TLS (465); default `false`.
 *   GATEHOUSE_SMTP_USER             Login user (with _HOST); optional.
 *   GATEHOUSE_SMTP_PASS             Login password (with _USER).
 *   GATEHOUSE_SMTP_REQUIRE_TLS      `true` to refuse sending unless STARTTLS succeeds.
 *   GATEHOUSE_SMTP_FROM             Required. `Gatehouse <noreply@example.com>`.
 *   GATEHOUSE_SMTP_TIMEOUT_MS       Connect / greeting / idle limit in ms (default 10000); one
 *                                   whole delivery may take four times this.
 *
 * tencent-sms (SMS, Tencent Cloud SMS API 2021-01-11)
 *   GATEHOUSE_TENCENT_SMS_SECRET_ID   Required. CAM API key id (AKID…).
 *   GATEHOUSE_TENCENT_SMS_SECRET_KEY  Required. CAM API key secret.
 *   GATEHOUSE_TENCENT_SMS_SDK_APP_ID  Required. SmsSdkAppId, e.g. 1400006666.
 *   GATEHOUSE_TENCENT_SMS_SIGN_NAME   Required. Approved signature text, without 【】.
 *   GATEHOUSE_TENCENT_SMS_TEMPLATE_IDS Required. `verification_code=123456,remote_login=234567`;
 *                                   `<template>:<locale>=<id>` (e.g. `verification_code:en=345678`)
 *                                   overrides one locale. Variables per template: SMS_PARAM_ORDER.
 *   GATEHOUSE_TENCENT_SMS_REGION      Default `ap-guangzhou`.
 *   GATEHOUSE_TENCENT_SMS_ENDPOINT    Default sms.tencentcloudapi.com; a host or full URL.
 *   GATEHOUSE_TENCENT_SMS_TIMEOUT_MS  Default 10000 (rounded up to whole seconds).
 *
 * http-sms (SMS through your own HTTP receiver; see src/notify/channels/http-sms.ts)
 *   GATEHOUSE_HTTP_SMS_URL          Required. http(s) URL receiving signed POSTs.
 *   GATEHOUSE_HTTP_SMS_SECRET       Required. HMAC-SHA256 key, at least 32 characters.
 *   GATEHOUSE_HTTP_SMS_TIMEOUT_MS   Default 10000.
 *   GATEHOUSE_HTTP_SMS_PROBE_URL    URL for the health probe (GET); default the POST URL.
 */
import type { ChannelProvider } from './channel.js';
import { HttpSmsProvider, type HttpSmsConfig } from './channels/http-sms.js';
import { SmtpProvider, type SmtpConfig } from './channels/smtp.js';
import { TencentSmsProvider, type TencentSmsConfig, type TencentTemplateIds } from './channels/tencent-sms.js';
import { isLocale, isTemplateId } from './templates/index.js';

export type NotifyProviders = { mode: 'outbox' } | { mode: 'deliver'; email?: ChannelProvider; sms?: ChannelProvider };

type ProviderName = 'smtp' | 'tencent-sms' | 'http-sms';
const PROVIDERS: Record<ProviderName, { prefix: string; channel: 'email' | 'sms' }> = {
  smtp: { prefix: 'GATEHOUSE_SMTP_', channel: 'email' },
  'tencent-sms': { prefix: 'GATEHOUSE_TENCENT_SMS_', channel: 'sms' },
  'http-sms': { prefix: 'GATEHOUSE_HTTP_SMS_', channel: 'sms' },
};

const DEFAULT_TENCENT_REGION = 'ap-guangzhou';
const SMTP_SEND_TIMEOUT_FACTOR = 4;
const HTTP_SMS_SECRET_MIN_CHARS = 32;

function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

function required(env: NodeJS.ProcessEnv, name: string, provider: ProviderName): string {
  const raw = value(env, name);
  if (raw === undefined) throw new Error(`${name} is required when the ${provider} notification provider is enabled`);
  return raw;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = value(env, name)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false (got "${raw}")`);
}

function httpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http(s) URL (got "${raw}")`);
  return raw;
}

export function parseSmtpConfig(env: NodeJS.ProcessEnv): SmtpConfig {
  const url = value(env, 'GATEHOUSE_SMTP_URL');
  const host = value(env, 'GATEHOUSE_SMTP_HOST');
  if (!url && !host) throw new Error('GATEHOUSE_SMTP_URL (or GATEHOUSE_SMTP_HOST) is required when the smtp notification provider is enabled');
  if (url && !/^smtps?:\/\//.test(url)) throw new Error('GATEHOUSE_SMTP_URL must start with smtp:// or smtps://');
  const from = required(env, 'GATEHOUSE_SMTP_FROM', 'smtp');
  if (!from.includes('@')) throw new Error(`GATEHOUSE_SMTP_FROM must be an address such as "Gatehouse <noreply@example.com>" (got "${from}")`);
  const timeoutMs = positiveInt(env, 'GATEHOUSE_SMTP_TIMEOUT_MS');
  const config: SmtpConfig = { from };
  if (url) config.url = url;
  else {
    config.host = host;
    const port = positiveInt(env, 'GATEHOUSE_SMTP_PORT');
    if (port !== undefined) config.port = port;
    const secure = bool(env, 'GATEHOUSE_SMTP_SECURE');
    if (secure !== undefined) config.secure = secure;
    const user = value(env, 'GATEHOUSE_SMTP_USER');
    if (user) config.auth = { user, pass: required(env, 'GATEHOUSE_SMTP_PASS', 'smtp') };
  }
  if (bool(env, 'GATEHOUSE_SMTP_REQUIRE_TLS')) config.requireTls = true;
  if (timeoutMs !== undefined) {
    config.connectionTimeoutMs = timeoutMs;
    config.greetingTimeoutMs = timeoutMs;
    config.socketTimeoutMs = timeoutMs;
    config.sendTimeoutMs = timeoutMs * SMTP_SEND_TIMEOUT_FACTOR;
  }
  return config;
}

/** `verification_code=123,remote_login:en=456` → template id map, rejecting names we do not have. */
export function parseTencentTemplateIds(raw: string, name = 'GATEHOUSE_TENCENT_SMS_TEMPLATE_IDS'): TencentTemplateIds {
  const ids: Record<string, string> = {};
  for (const entry of raw.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const eq = entry.indexOf('=');
    const key = eq === -1 ? '' : entry.slice(0, eq).trim();
    const id = eq === -1 ? '' : entry.slice(eq + 1).trim();
    if (!key || !/^\d+$/.test(id)) throw new Error(`${name}: "${entry}" is not <template>=<numeric Tencent template id>`);
    const [template = '', locale] = key.split(':', 2);
    if (!isTemplateId(template)) throw new Error(`${name}: unknown template "${template}"`);
    if (locale !== undefined && !isLocale(locale)) throw new Error(`${name}: unknown locale "${locale}" in "${key}"`);
    ids[key] = id;
  }
  if (Object.keys(ids).length === 0) throw new Error(`${name} must map at least one template, e.g. verification_code=123456`);
  return ids as TencentTemplateIds;
}

export function parseTencentSmsConfig(env: NodeJS.ProcessEnv): TencentSmsConfig {
  const config: TencentSmsConfig = {
    secretId: required(env, 'GATEHOUSE_TENCENT_SMS_SECRET_ID', 'tencent-sms'),
    secretKey: required(env, 'GATEHOUSE_TENCENT_SMS_SECRET_KEY', 'tencent-sms'),
    sdkAppId: required(env, 'GATEHOUSE_TENCENT_SMS_SDK_APP_ID', 'tencent-sms'),
    signName: required(env, 'GATEHOUSE_TENCENT_SMS_SIGN_NAME', 'tencent-sms'),
    templateIds: parseTencentTemplateIds(required(env, 'GATEHOUSE_TENCENT_SMS_TEMPLATE_IDS', 'tencent-sms')),
    region: value(env, 'GATEHOUSE_TENCENT_SMS_REGION') ?? DEFAULT_TENCENT_REGION,
  };
  const endpoint = value(env, 'GATEHOUSE_TENCENT_SMS_ENDPOINT');
  if (endpoint) config.endpoint = endpoint.includes('://') ? httpUrl('GATEHOUSE_TENCENT_SMS_ENDPOINT', endpoint) : endpoint;
  const timeoutMs = positiveInt(env, 'GATEHOUSE_TENCENT_SMS_TIMEOUT_MS');
  if (timeoutMs !== undefined) config.timeoutMs = timeoutMs;
  return config;
}

export function parseHttpSmsConfig(env: NodeJS.ProcessEnv): HttpSmsConfig {
  const url = httpUrl('GATEHOUSE_HTTP_SMS_URL', required(env, 'GATEHOUSE_HTTP_SMS_URL', 'http-sms'));
  const secret = required(env, 'GATEHOUSE_HTTP_SMS_SECRET', 'http-sms');
  if (secret.length < HTTP_SMS_SECRET_MIN_CHARS) {
    throw new Error(`GATEHOUSE_HTTP_SMS_SECRET must be at least ${HTTP_SMS_SECRET_MIN_CHARS} characters (e.g. openssl rand -hex 32)`);
  }
  const config: HttpSmsConfig = { url, secret };
  const timeoutMs = positiveInt(env, 'GATEHOUSE_HTTP_SMS_TIMEOUT_MS');
  if (timeoutMs !== undefined) config.timeoutMs = timeoutMs;
  const probeUrl = value(env, 'GATEHOUSE_HTTP_SMS_PROBE_URL');
  if (probeUrl) config.probeUrl = httpUrl('GATEHOUSE_HTTP_SMS_PROBE_URL', probeUrl);
  return config;
}

/** The providers named by GATEHOUSE_NOTIFY, or implied by which variables are set. */
export function selectedProviders(env: NodeJS.ProcessEnv): ProviderName[] | 'outbox' {
  const spec = value(env, 'GATEHOUSE_NOTIFY');
  if (spec === undefined) {
    const implied = (Object.keys(PROVIDERS) as ProviderName[]).filter((name) =>
      Object.keys(env).some((key) => key.startsWith(PROVIDERS[name].prefix) && value(env, key) !== undefined),
    );
    return implied.length === 0 ? 'outbox' : implied;
  }
  if (spec === 'outbox') return 'outbox';
  const names = spec.split(',').map((n) => n.trim()).filter((n) => n !== '');
  for (const name of names) {
    if (!Object.hasOwn(PROVIDERS, name)) {
      throw new Error(`GATEHOUSE_NOTIFY: unknown provider "${name}"; use outbox or a list of ${Object.keys(PROVIDERS).join(', ')}`);
    }
  }
  if (names.length === 0) throw new Error('GATEHOUSE_NOTIFY is empty; use outbox or a list such as smtp,tencent-sms');
  return [...new Set(names)] as ProviderName[];
}

export function parseNotifyProviders(env: NodeJS.ProcessEnv): NotifyProviders {
  const selected = selectedProviders(env);
  if (selected === 'outbox') return { mode: 'outbox' };
  const sms = selected.filter((name) => PROVIDERS[name].channel === 'sms');
  if (sms.length > 1) {
    throw new Error(
      value(env, 'GATEHOUSE_NOTIFY')
        ? `GATEHOUSE_NOTIFY names two SMS providers (${sms.join(', ')}); choose one`
        : `Variables for two SMS providers are set (${sms.join(', ')}); set GATEHOUSE_NOTIFY to choose one`,
    );
  }
  // Parse every selected provider before building any, so a config error leaves nothing half-open.
  const configs = {
    smtp: selected.includes('smtp') ? parseSmtpConfig(env) : undefined,
    tencent: selected.includes('tencent-sms') ? parseTencentSmsConfig(env) : undefined,
    http: selected.includes('http-sms') ? parseHttpSmsConfig(env) : undefined,
  };
  const result: { mode: 'deliver'; email?: ChannelProvider; sms?: ChannelProvider } = { mode: 'deliver' };
  if (configs.smtp) result.email = new SmtpProvider(configs.smtp);
  if (configs.tencent) result.sms = new TencentSmsProvider(configs.tencent);
  if (configs.http) result.sms = new HttpSmsProvider(configs.http);
  return result;
}
