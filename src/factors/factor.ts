/**
 * A second factor: something beyond the password that proves it is the owner — a code sent to
 * a bound phone or email, a TOTP, a security key, a hardware token, a recovery code. The same
 * factors serve the sign-in second step (202 `verification_required`) and step-up verification
 * for protected operations (403 `verification_required`).
 */
import type { AccountRow } from '../accounts/store.js';
import type { RequestContext } from '../platform/http/context.js';

export type FactorMethod = 'totp' | 'webauthn' | 'hardware_token' | 'sms' | 'email' | 'recovery_code';

export interface FactorProof {
  code?: string;
  assertion?: unknown;
}

export interface SecondFactor {
  readonly method: FactorMethod;
  /** Whether this account can use the factor at all (a bound phone, an active device, …). */
  available(account: AccountRow): Promise<boolean>;
  /** For factors that deliver something first (codes) or need options (WebAuthn). */
  prepare?(account: AccountRow, ctx: RequestContext, challengeId: string): Promise<Record<string, unknown> | void>;
  verify(account: AccountRow, proof: FactorProof, ctx: RequestContext, challengeId: string): Promise<boolean>;
}

export class FactorRegistry {
  private readonly factors = new Map<FactorMethod, SecondFactor>();

  register(factor: SecondFactor): void {
    this.factors.set(factor.method, factor);
  }

  get(method: string): SecondFactor | undefined {
    return this.factors.get(method as FactorMethod);
  }

  /** The methods this account can use, strongest first. */
  async availableFor(account: AccountRow, only?: readonly string[]): Promise<FactorMethod[]> {
    const order: FactorMethod[] = ['webauthn', 'totp', 'hardware_token', 'sms', 'email', 'recovery_code'];
    const out: FactorMethod[] = [];
    for (const method of order) {
      const factor = this.factors.get(method);
      if (!factor || (only && only.length > 0 && !only.includes(method))) continue;
      if (await factor.available(account)) out.push(method);
    }
    return out;
  }
}
