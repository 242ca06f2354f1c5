/**
 * The names of brute-force guard rows (`signin_guards.key`), in one place so every path that
 * counts, reads or clears a guard agrees. Unknown identifiers get a keyed hash of their
 * normalised spelling: counted like a real account (no enumeration) without storing what was
 * typed.
 */
import { deriveSubkey, hmacBase64Url, type KeyRing } from '../platform/crypto.js';

export class GuardKeys {
  private readonly unknownAccountKey: Buffer;
  private readonly unknownOperatorKey: Buffer;

  constructor(keyRing: KeyRing) {
    this.unknownAccountKey = deriveSubkey(keyRing, 'unknown-identifier-guard');
    this.unknownOperatorKey = deriveSubkey(keyRing, 'unknown-operator-guard');
  }

  /** An account's first factor (password or SMS code share one budget). */
  static account(accountId: string): string {
    return `acct:${accountId}`;
  }

  static operator(operatorId: string): string {
    return `op:${operatorId}`;
  }

  forAccountSignIn(accountId: string | null, normalisedIdentifier: string): string {
    return accountId ? GuardKeys.account(accountId) : `unknown:${hmacBase64Url(this.unknownAccountKey, normalisedIdentifier)}`;
  }

  forOperatorSignIn(operatorId: string | null, normalisedEmail: string): string {
    return operatorId ? GuardKeys.operator(operatorId) : `unknown-op:${hmacBase64Url(this.unknownOperatorKey, normalisedEmail)}`;
  }
}
