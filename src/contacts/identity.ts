/**
 * "Identity verified first" for contact changes (seed 001 Method 1: "You will need to go
 * through identity verification first"). Two ways to prove it:
 *   1. a code sent to the contact being replaced (purpose `verify`), in the request body
 *      (`oldPhoneCode` / `oldEmailCode`, or `code` for unbinding);
 *   2. a step-up verification this same request redeemed through operation protection
 *      (`X-Verification-Token`, src/protection/): the contact routes declare their operation,
 *      so with operation protection on, the route hook has already demanded MFA or another
 *      second factor before the service runs, and that proof stands in for the old contact.
 */
import { AppError } from '../platform/http/errors.js';
import { linkedVerification } from '../platform/audit/request-links.js';
import type { CodeService } from '../codes/service.js';

export interface IdentityProof {
  /** Code sent to the old contact with purpose `verify`. */
  code?: string | undefined;
}

export class IdentityGate {
  constructor(private readonly codes: CodeService) {}

  /**
   * Passes when this request redeemed a step-up verification for the account, or the code
   * sent to the old contact is right. Otherwise 403 verification_required naming what to
   * send, or 400 invalid_code for a wrong code.
   */
  async require(accountId: string, old: { channel: 'sms' | 'email'; destination: string; field: string }, proof: IdentityProof): Promise<void> {
    if (linkedVerification(accountId) !== null) return;
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
