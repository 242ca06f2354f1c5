/**
 * Checks a one-time code against an account's TOTP apps and hardware tokens and spends the
 * matching step atomically (`spendStep`: `UPDATE … WHERE last_used_step < step`), so a code is
 * accepted at most once even when two requests carry it at the same moment.
 */
import type { Db } from '../platform/db/database.js';
import { open, type KeyRing } from '../platform/crypto.js';
import { generateHotp, type OtpAlgorithm, type OtpDigits } from './primitives/hotp.js';
import { verifyTotp } from './primitives/totp.js';
import { HOTP_LOOK_AHEAD } from './constants.js';
import { activeDevices, findHardwareToken, spendStep, type HardwareTokenRow, type MfaDeviceRow } from './store.js';

export interface OtpParams {
  secret: Buffer;
  kind: 'totp' | 'hotp';
  algorithm: OtpAlgorithm;
  digits: OtpDigits;
  periodSeconds: number;
}

export function totpSealAad(deviceId: string): string {
  return `mfa_devices:${deviceId}`;
}

export function tokenSealAad(tokenId: string): string {
  return `hardware_tokens:${tokenId}`;
}

export function tokenParams(keyRing: KeyRing, token: HardwareTokenRow): OtpParams {
  return {
    secret: open(keyRing, token.secret_sealed, tokenSealAad(token.id)),
    kind: token.kind,
    algorithm: token.algorithm,
    digits: token.digits as OtpDigits,
    periodSeconds: token.period_seconds,
  };
}

/**
 * The step (TOTP) or counter (HOTP) a code belongs to, if it is valid and newer than
 * `lastUsedStep`; null otherwise. Pure: `nowMs` is passed in.
 */
export function matchOtp(p: OtpParams, code: string, nowMs: number, lastUsedStep: number): number | null {
  if (p.kind === 'totp') {
    const r = verifyTotp(p.secret, code, nowMs, { window: 1, lastUsedStep: lastUsedStep < 0 ? null : lastUsedStep, algorithm: p.algorithm, digits: p.digits, periodSeconds: p.periodSeconds });
    return r.ok ? r.step : null;
  }
  if (!/^\d+$/.test(code) || code.length !== p.digits) return null;
  for (let counter = lastUsedStep + 1; counter <= lastUsedStep + HOTP_LOOK_AHEAD; counter++) {
    if (counter < 0) continue;
    if (generateHotp(p.secret, counter, { algorithm: p.algorithm, digits: p.digits }) === code) return counter;
  }
  return null;
}

export class OtpChecker {
  constructor(
    private readonly db: Db,
    private readonly keyRing: KeyRing,
  ) {}

  async paramsOf(device: MfaDeviceRow): Promise<OtpParams | null> {
    if (device.type === 'totp' && device.secret_sealed) {
      return { secret: open(this.keyRing, device.secret_sealed, totpSealAad(device.id)), kind: 'totp', algorithm: 'SHA1', digits: 6, periodSeconds: 30 };
    }
    if (device.type === 'hardware_token' && device.hardware_token_id) {
      const token = await findHardwareToken(this.db, device.hardware_token_id);
      return token ? tokenParams(this.keyRing, token) : null;
    }
    return null;
  }

  /** The device whose code this is (its step now spent), or null. */
  async check(accountId: string, type: 'totp' | 'hardware_token', code: string, nowMs: number): Promise<MfaDeviceRow | null> {
    for (const device of await activeDevices(this.db, accountId, type)) {
      const params = await this.paramsOf(device);
      if (!params) continue;
      const step = matchOtp(params, code, nowMs, Number(device.last_used_step));
      if (step !== null && (await spendStep(this.db, device.id, step, nowMs))) return device;
    }
    return null;
  }
}
