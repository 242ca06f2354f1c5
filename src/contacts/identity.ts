/**
 * "Identity verified first" for contact changes (seed 001 Method 1: "You will need to go
 * through identity verification first"). Two ways to prove it:
 *   1. a code sent to the contact being replaced (purpose `verify`), in the request body
 *      (`oldPhoneCode` / `oldEmailCode`) — works today, with no other module;
 *   2. a step-up token (`X-Verification-Token`) from operation protection, once that module
 *      plugs its checker in with `IdentityGate.useStepUp` — MFA users prove themselves there.
 */
import { AppError } from '../platform/http/errors.js';
import type { CodeService } from '../codes/service.js';

/** Operation protection's check of an `X-Verification-Token` for `operation` on `accountId`. */
export type StepUpCheck = (accountId: string, token: string, operation: string) => Promise<boolean>;

export interface IdentityProof {
  /** Code sent to the old contact with purpose `verify`. */
  code?: string | undefined;
  /** The `X-Verification-Token` header. */
  stepUpToken?: string | undefined;
}

export class IdentityGate {
  private stepUp: StepUpCheck | null = null;

  constructor(private readonly codes: CodeService) {}

  useStepUp(check: StepUpCheck): void {
    this.stepUp = check;
  }

  /**
   * Passes when the step-up token is valid for the operation, or the code sent to the old
   * contact is right. Otherwise 403 verification_required naming what to send, or 400
   * invalid_code for a wrong code.
   */
  async require(accountId: string, operation: string, old: { channel: 'sms' | 'email'; destination: string; field: string }, proof: IdentityProof): Promise<void> {
    if (proof.stepUpToken && this.stepUp && (await this.stepUp(accountId, proof.stepUpToken, operation))) return;
    if (proof.code === undefined) {
      throw new AppError('verification_required', {
        methods: [old.channel],
        field: old.field,
        hint: `send a code to the current ${old.channel === 'sms' ? 'phone' : 'address'} (POST /api/v1/verification-codes, purpose verify) and repeat the request with it in ${old.field}`,
      });
    }
    if (!(await this.codes.verify(old.channel, old.destination, 'verify', proof.code))) {
      throw new AppError('invalid_code', { fields: { [old.field]: 'wrong or expired code' } });
    }
  }
}
