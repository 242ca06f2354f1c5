import { randomBytes } from 'node:crypto';

/** 160 bits — RFC 4226 §4 R6 requires ≥128 and recommends 160; most apps and tokens use exactly this. */
export const TOTP_SECRET_BYTES = 20;

/** A fresh shared secret for virtual MFA enrolment, from the OS CSPRNG. */
export function generateTotpSecret(): Buffer {
  return randomBytes(TOTP_SECRET_BYTES);
}
