/**
 * The MFA second factors, registered in the FactorRegistry: they serve the sign-in second step
 * (login / remote-login protection) and step-up verification alike. Guessable codes (TOTP,
 * hardware token, recovery code) go through the MFA guard; a WebAuthn assertion cannot be
 * guessed, and its challenge is single use.
 */
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import { appendAudit } from '../platform/audit/audit.js';
import type { RequestContext } from '../platform/http/context.js';
import type { AccountRow } from '../accounts/store.js';
import type { FactorProof, SecondFactor } from '../factors/factor.js';
import type { MfaGuard } from './guard.js';
import type { OtpChecker } from './otp-check.js';
import type { MfaService } from './service.js';
import type { WebAuthnService } from './webauthn.js';
import { activeDevices, countUnusedRecoveryCodes } from './store.js';

interface FactorDeps {
  db: Db;
  clock: Clock;
  guard: MfaGuard;
  otp: OtpChecker;
  mfa: MfaService;
  webauthn: WebAuthnService;
}

async function failed(d: FactorDeps, account: AccountRow, method: string, ctx: RequestContext): Promise<void> {
  await d.db.transaction().execute((trx) =>
    appendAudit(trx, d.clock.now(), { accountId: account.id, actor: { type: 'account', id: account.id }, event: 'mfa.verify_failed', result: 'failure', ip: ctx.ip, userAgent: ctx.userAgent, location: ctx.location, details: { method } }),
  );
}

export class OtpDeviceFactor implements SecondFactor {
  constructor(readonly method: 'totp' | 'hardware_token', private readonly d: FactorDeps) {}

  async available(account: AccountRow): Promise<boolean> {
    return (await activeDevices(this.d.db, account.id, this.method)).length > 0;
  }

  async verify(account: AccountRow, proof: FactorProof, ctx: RequestContext): Promise<boolean> {
    if (typeof proof.code !== 'string') return false;
    const code = proof.code.replace(/\s+/g, '');
    const ok = await this.d.guard.attempt(account.id, async () => (await this.d.otp.check(account.id, this.method, code, this.d.clock.now())) !== null);
    if (!ok) await failed(this.d, account, this.method, ctx);
    return ok;
  }
}

export class RecoveryCodeFactor implements SecondFactor {
  readonly method = 'recovery_code' as const;
  constructor(private readonly d: FactorDeps) {}

  async available(account: AccountRow): Promise<boolean> {
    return (await countUnusedRecoveryCodes(this.d.db, account.id)) > 0;
  }

  async verify(account: AccountRow, proof: FactorProof, ctx: RequestContext): Promise<boolean> {
    if (typeof proof.code !== 'string') return false;
    const ok = await this.d.guard.attempt(account.id, () => this.d.mfa.useRecoveryCode(account, proof.code!, ctx));
    if (!ok) await failed(this.d, account, this.method, ctx);
    return ok;
  }
}

export class WebAuthnFactor implements SecondFactor {
  readonly method = 'webauthn' as const;
  constructor(private readonly d: FactorDeps) {}

  async available(account: AccountRow): Promise<boolean> {
    return this.d.webauthn.enabled && (await activeDevices(this.d.db, account.id, 'webauthn')).length > 0;
  }

  async prepare(account: AccountRow, _ctx: RequestContext, challengeId: string): Promise<Record<string, unknown>> {
    return { ...(await this.d.webauthn.authenticationOptions(account, challengeId)) };
  }

  async verify(account: AccountRow, proof: FactorProof, ctx: RequestContext, challengeId: string): Promise<boolean> {
    const ok = await this.d.webauthn.verifyAssertion(account, proof.assertion, challengeId);
    if (!ok) await failed(this.d, account, this.method, ctx);
    return ok;
  }
}

export function mfaFactors(d: FactorDeps): SecondFactor[] {
  return [new OtpDeviceFactor('totp', d), new OtpDeviceFactor('hardware_token', d), new WebAuthnFactor(d), new RecoveryCodeFactor(d)];
}
