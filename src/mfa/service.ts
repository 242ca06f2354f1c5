/**
 * MFA devices of the signed-in account: virtual MFA (TOTP) enrolment confirmed by a first
 * code, hardware OTP tokens bound by serial plus a current code, recovery codes, listing and
 * removal. WebAuthn keys live in webauthn.ts; the sign-in/step-up factors in factors.ts.
 * Every change is audited and notified in the transaction that makes it.
 */
import type { Db, Trx } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { toIso } from '../platform/clock.js';
import { keyedHash, newId, seal, type KeyRing } from '../platform/crypto.js';
import { AppError, validationFailed } from '../platform/http/errors.js';
import type { RequestContext } from '../platform/http/context.js';
import { appendAudit, type AuditEntry } from '../platform/audit/audit.js';
import { findAccountById, type AccountRow } from '../accounts/store.js';
import { noticeTargetOf } from '../accounts/notice-target.js';
import type { Notifier } from '../notify/notifier.js';
import { formatNoticeTime } from '../notify/format.js';
import type { Locale, TemplateId } from '../notify/templates/index.js';
import type { MfaDeviceView } from '../me/service.js';
import { encodeBase32 } from './primitives/base32.js';
import { generateTotpSecret } from './primitives/secret.js';
import { buildOtpauthUrl, renderQrDataUrl } from './primitives/otpauth.js';
import { generateRecoveryCodes, normalizeRecoveryCode } from './primitives/recovery-codes.js';
import { PENDING_TOTP_TTL_MS } from './constants.js';
import type { MfaGuard } from './guard.js';
import { matchOtp, totpSealAad, tokenParams, type OtpChecker } from './otp-check.js';
import {
  activateDevice, activeDevices, claimHardwareToken, deleteDevice, deleteStalePending, findDevice, findHardwareTokenBySerial,
  insertDevice, renameDevice, replaceRecoveryCodes, spendRecoveryCode, type MfaDeviceRow,
} from './store.js';

export const RECOVERY_HASH_PURPOSE = 'recovery-code';

export interface MfaDeps {
  db: Db;
  clock: Clock;
  keyRing: KeyRing;
  notifier: Notifier;
  guard: MfaGuard;
  otp: OtpChecker;
  issuer: string;
}

export function deviceView(d: MfaDeviceRow): MfaDeviceView {
  return { id: d.id, type: d.type, name: d.name, createdAt: toIso(Number(d.activated_at ?? d.created_at)) };
}

function defaultName(type: MfaDeviceRow['type']): string {
  return type === 'totp' ? 'Virtual MFA' : type === 'webauthn' ? 'Security key' : 'Hardware token';
}

export class MfaService {
  constructor(private readonly d: MfaDeps) {}

  async list(accountId: string): Promise<MfaDeviceView[]> {
    return (await activeDevices(this.d.db, accountId)).map(deviceView);
  }

  async account(accountId: string): Promise<AccountRow> {
    const account = await findAccountById(this.d.db, accountId);
    if (!account) throw new AppError('unauthenticated');
    return account;
  }

  audit(trx: Trx, ctx: RequestContext, accountId: string, event: AuditEntry['event'], details: Record<string, unknown>, actor: AuditEntry['actor'] = { type: 'account', id: accountId }) {
    return appendAudit(trx, this.d.clock.now(), { accountId, actor, event, result: 'success', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details });
  }

  notice(trx: Trx, account: AccountRow, template: Extract<TemplateId, 'mfa_bound' | 'mfa_unbound'>, detail: string, ctx: RequestContext) {
    const now = this.d.clock.now();
    return this.d.notifier.notice(trx, noticeTargetOf(account), template, { time: formatNoticeTime(now, account.locale as Locale), ip: ctx.ip, detail }, now);
  }

  /** Starts virtual MFA enrolment: a pending device whose secret the app scans from the QR code. */
  async startTotp(accountId: string, name: string | undefined) {
    const account = await this.account(accountId);
    const now = this.d.clock.now();
    await deleteStalePending(this.d.db, accountId, now - PENDING_TOTP_TTL_MS);
    const id = newId();
    const secret = generateTotpSecret();
    await insertDevice(this.d.db, {
      id, account_id: accountId, type: 'totp', name: cleanName(name) ?? defaultName('totp'), status: 'pending',
      secret_sealed: seal(this.d.keyRing, secret, totpSealAad(id)), last_used_step: -1,
      credential_id: null, public_key: null, sign_count: 0, transports: null, hardware_token_id: null,
      created_at: now, activated_at: null, last_used_at: null,
    });
    const secretBase32 = encodeBase32(secret).replace(/=+$/, '');
    const otpauthUrl = buildOtpauthUrl({ issuer: this.d.issuer, accountName: account.email, secretBase32 });
    return { id, secret: secretBase32, otpauthUrl, qrDataUrl: await renderQrDataUrl(otpauthUrl) };
  }

  /** Confirms the pending device with its first code; that code's step is spent by the same UPDATE. */
  async activateTotp(accountId: string, id: string, code: string, ctx: RequestContext): Promise<MfaDeviceView> {
    const account = await this.account(accountId);
    const device = await findDevice(this.d.db, accountId, id);
    const now = this.d.clock.now();
    if (!device || device.type !== 'totp' || device.status !== 'pending' || Number(device.created_at) < now - PENDING_TOTP_TTL_MS) throw new AppError('not_found');
    const params = await this.d.otp.paramsOf(device);
    const ok = await this.d.guard.attempt(accountId, async () => {
      const step = params ? matchOtp(params, code, now, Number(device.last_used_step)) : null;
      return step !== null && (await this.d.db.transaction().execute(async (trx) => {
        if (!(await activateDevice(trx, accountId, id, step, now))) return false;
        await this.audit(trx, ctx, accountId, 'mfa.bound', { deviceId: id, type: 'totp', name: device.name });
        await this.notice(trx, account, 'mfa_bound', device.name, ctx);
        return true;
      }));
    });
    if (!ok) throw new AppError('invalid_code');
    return deviceView({ ...device, status: 'active', activated_at: now });
  }

  /** Binds an imported hardware token by its serial and the code it shows now. */
  async bindHardwareToken(accountId: string, input: { serial: string; code: string; name?: string }, ctx: RequestContext): Promise<MfaDeviceView> {
    const account = await this.account(accountId);
    const now = this.d.clock.now();
    const token = await findHardwareTokenBySerial(this.d.db, input.serial.trim().toUpperCase());
    // Unknown, already-bound and wrong-code tokens answer alike, so serials cannot be probed.
    let bound: MfaDeviceView | null = null;
    const ok = await this.d.guard.attempt(accountId, async () => {
      if (!token || token.bound_account_id !== null) return false;
      const params = tokenParams(this.d.keyRing, token);
      const step = matchOtp(params, input.code, now, token.kind === 'hotp' ? Number(token.initial_counter) - 1 : -1);
      return step !== null && (await this.d.db.transaction().execute(async (trx) => {
        if (!(await claimHardwareToken(trx, token.id, accountId))) return false;
        const id = newId();
        const name = cleanName(input.name) ?? `${defaultName('hardware_token')} ${token.serial}`;
        await insertDevice(trx, {
          id, account_id: accountId, type: 'hardware_token', name, status: 'active', secret_sealed: null, last_used_step: step,
          credential_id: null, public_key: null, sign_count: 0, transports: null, hardware_token_id: token.id,
          created_at: now, activated_at: now, last_used_at: now,
        });
        await this.audit(trx, ctx, accountId, 'mfa.bound', { deviceId: id, type: 'hardware_token', serial: token.serial });
        await this.notice(trx, account, 'mfa_bound', name, ctx);
        bound = { id, type: 'hardware_token', name, createdAt: toIso(now) };
        return true;
      }));
    });
    if (!ok || !bound) throw new AppError('invalid_code');
    return bound;
  }

  async rename(accountId: string, id: string, name: string): Promise<MfaDeviceView> {
    const clean = cleanName(name);
    if (!clean) throw validationFailed({ name: 'must not be empty' });
    if (!(await renameDevice(this.d.db, accountId, id, clean))) throw new AppError('not_found');
    return deviceView((await findDevice(this.d.db, accountId, id))!);
  }

  async remove(accountId: string, id: string, ctx: RequestContext): Promise<void> {
    const account = await this.account(accountId);
    const removed = await this.d.db.transaction().execute(async (trx) => {
      const row = await deleteDevice(trx, accountId, id);
      if (!row) return false;
      if (row.status === 'active') {
        await this.audit(trx, ctx, accountId, 'mfa.unbound', { deviceId: id, type: row.type, name: row.name });
        await this.notice(trx, account, 'mfa_unbound', row.name, ctx);
      }
      return true;
    });
    if (!removed) throw new AppError('not_found');
  }

  /** Ten fresh codes, shown once; every earlier code stops working in the same transaction. */
  async regenerateRecoveryCodes(accountId: string, ctx: RequestContext): Promise<{ codes: string[] }> {
    await this.account(accountId);
    const now = this.d.clock.now();
    const codes = generateRecoveryCodes();
    await this.d.db.transaction().execute(async (trx) => {
      await replaceRecoveryCodes(trx, accountId, codes.map((code) => ({
        id: newId(), account_id: accountId, code_hash: keyedHash(this.d.keyRing, RECOVERY_HASH_PURPOSE, normalizeRecoveryCode(code)!), created_at: now, used_at: null,
      })));
      await this.audit(trx, ctx, accountId, 'mfa.recovery_codes_generated', { count: codes.length });
    });
    return { codes };
  }

  /** Spends a recovery code (counted by the MFA guard by the caller). */
  async useRecoveryCode(account: AccountRow, code: string, ctx: RequestContext): Promise<boolean> {
    const canonical = normalizeRecoveryCode(code);
    if (!canonical) return false;
    return this.d.db.transaction().execute(async (trx) => {
      if (!(await spendRecoveryCode(trx, account.id, keyedHash(this.d.keyRing, RECOVERY_HASH_PURPOSE, canonical), this.d.clock.now()))) return false;
      await this.audit(trx, ctx, account.id, 'mfa.recovery_code_used', {});
      return true;
    });
  }
}

function cleanName(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw validationFailed({ name: 'must not contain control characters' });
  return trimmed;
}
