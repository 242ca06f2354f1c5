/**
 * The environment, parsed once into a typed Config. Nothing else reads `process.env`.
 * See README "Configuration" for the full table; the contract fixes PORT, HOST, GATEHOUSE_DB,
 * GATEHOUSE_TRUST_PROXY, GATEHOUSE_NOTIFY and GATEHOUSE_SECRET_KEY.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseKeyRing, type KeyRing } from './platform/crypto.js';
import { parseTrustProxy, type TrustProxy } from './platform/http/client-ip.js';
import { HOUR_MS, DAY_MS, SECOND_MS } from './platform/clock.js';
import { parseNotifyProviders, type NotifyProviders } from './notify/providers-config.js';
import { DEFAULT_PHONE_ACCOUNT_LIMIT } from './contacts/constants.js';

export type DatabaseUrl = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface Config {
  env: 'production' | 'development' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  database: DatabaseUrl;
  trustProxy: TrustProxy;
  notifyMode: 'outbox' | 'deliver';
  keyRing: KeyRing;
  /** Cookies get `Secure` when the public URL is https (i.e. we sit behind TLS). */
  secureCookies: boolean;
  session: {
    idleTimeoutMs: number;
    absoluteTimeoutMs: number;
    /** How long an instance may trust a cached session before re-reading it (revocation bound). */
    cacheTtlMs: number;
  };
  brand: { productName: string; searchKeyword: string; senderEmail: string };
  logLevel: string;
  /** The delivery providers (deliver mode); see notify/providers-config.ts for the variables. */
  notifyProviders: NotifyProviders;
  background: {
    /** GATEHOUSE_DELIVERY_POLL_MS: pause between delivery-worker rounds (messages, webhooks); 0 = no timer (tests call runOnce). */
    deliveryPollMs: number;
    /** GATEHOUSE_GEO_OVERRIDE_RELOAD_SECONDS: how stale another instance's accepted IP corrections may be here; 0 = no timer. */
    geoOverrideReloadMs: number;
  };
  /** Sign-in attempts (wrong passwords) allowed per client IP per window, across accounts. */
  ipSignInFailureLimit: { max: number; windowMs: number };
  /** GATEHOUSE_PHONE_ACCOUNT_LIMIT: accounts one mobile number may serve (seed 003: "has reached the limit"). */
  phoneAccountLimit: number;
  /** GATEHOUSE_MFA_UNBIND_COOLING_OFF_HOURS: how long an approved lost-MFA ticket waits (the owner may cancel) before the devices go. */
  mfaUnbindCoolingOffMs: number;
}

export class ConfigError extends Error {}

export function parseDatabaseUrl(raw: string): DatabaseUrl {
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) return { kind: 'postgres', url: raw };
  if (raw.startsWith('sqlite:')) return { kind: 'sqlite', path: raw.slice('sqlite:'.length) || ':memory:' };
  throw new ConfigError(`GATEHOUSE_DB must be sqlite:<path> or postgres://… (got ${raw})`);
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer`);
  return n;
}

/**
 * In development the master key is generated into the data directory on first start, so
 * `npm start` needs no set-up; production must supply it (a lost key means lost TOTP seeds).
 */
function loadKeyRing(env: NodeJS.ProcessEnv, mode: Config['env'], database: DatabaseUrl): KeyRing {
  const spec = env.GATEHOUSE_SECRET_KEY;
  if (spec) return parseKeyRing(spec);
  if (mode === 'production') throw new ConfigError('GATEHOUSE_SECRET_KEY is required when NODE_ENV=production');
  const dataDir = database.kind === 'sqlite' && database.path !== ':memory:' ? dirname(resolve(database.path)) : resolve('data');
  const keyFile = resolve(dataDir, 'secret.key');
  if (!existsSync(keyFile)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(keyFile, randomBytes(32).toString('base64') + '\n', { mode: 0o600 });
  }
  return parseKeyRing(readFileSync(keyFile, 'utf8').trim());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode: Config['env'] = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const host = env.HOST || '127.0.0.1';
  const port = intFrom(env, 'PORT', 8080);
  const database = parseDatabaseUrl(env.GATEHOUSE_DB || 'sqlite:./data/gatehouse.db');
  const notify = env.GATEHOUSE_NOTIFY || (env.GATEHOUSE_SMTP_URL || env.GATEHOUSE_HTTP_SMS_URL || env.GATEHOUSE_TENCENT_SMS_SECRET_ID ? 'deliver' : 'outbox');
  const notifyMode = notify === 'outbox' ? 'outbox' : 'deliver';
  if (notifyMode === 'outbox' && mode === 'production') {
    throw new ConfigError('GATEHOUSE_NOTIFY=outbox is for development and tests only; configure providers for production');
  }
  const publicUrl = (env.GATEHOUSE_PUBLIC_URL || `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/$/, '');
  return {
    env: mode,
    host,
    port,
    publicUrl,
    database,
    trustProxy: parseTrustProxy(env.GATEHOUSE_TRUST_PROXY),
    notifyMode,
    keyRing: loadKeyRing(env, mode, database),
    secureCookies: publicUrl.startsWith('https://'),
    session: {
      idleTimeoutMs: intFrom(env, 'GATEHOUSE_SESSION_IDLE_HOURS', 12) * HOUR_MS,
      absoluteTimeoutMs: intFrom(env, 'GATEHOUSE_SESSION_MAX_DAYS', 7) * DAY_MS,
      cacheTtlMs: intFrom(env, 'GATEHOUSE_SESSION_CACHE_SECONDS', 5) * SECOND_MS,
    },
    brand: {
      productName: env.GATEHOUSE_BRAND_NAME || 'Gatehouse',
      searchKeyword: env.GATEHOUSE_BRAND_KEYWORD || env.GATEHOUSE_BRAND_NAME || 'Gatehouse',
      senderEmail: env.GATEHOUSE_SENDER_EMAIL || 'noreply@gatehouse.local',
    },
    logLevel: env.GATEHOUSE_LOG_LEVEL || (mode === 'test' ? 'silent' : 'info'),
    notifyProviders: notifyMode === 'deliver' ? parseNotifyProviders(env) : { mode: 'outbox' },
    background: {
      deliveryPollMs: intFrom(env, 'GATEHOUSE_DELIVERY_POLL_MS', 1_000),
      geoOverrideReloadMs: intFrom(env, 'GATEHOUSE_GEO_OVERRIDE_RELOAD_SECONDS', 60) * SECOND_MS,
    },
    ipSignInFailureLimit: {
      max: intFrom(env, 'GATEHOUSE_IP_SIGNIN_FAILURES', 100),
      windowMs: intFrom(env, 'GATEHOUSE_IP_SIGNIN_WINDOW_MINUTES', 15) * 60 * SECOND_MS,
    },
    phoneAccountLimit: Math.max(1, intFrom(env, 'GATEHOUSE_PHONE_ACCOUNT_LIMIT', DEFAULT_PHONE_ACCOUNT_LIMIT)),
    mfaUnbindCoolingOffMs: intFrom(env, 'GATEHOUSE_MFA_UNBIND_COOLING_OFF_HOURS', 72) * HOUR_MS,
  };
}
