/**
 * Tables the MFA module owns. Secrets that must be read back (TOTP and hardware-token seeds)
 * are sealed with the master key and an AAD naming their row; recovery codes are keyed hashes.
 */

export type MfaDeviceType = 'totp' | 'webauthn' | 'hardware_token';

export interface MfaDevicesTable {
  id: string;
  account_id: string;
  type: MfaDeviceType;
  name: string;
  /** 'pending' until a TOTP device is confirmed by its first code; WebAuthn and tokens start active. */
  status: 'pending' | 'active';
  /** TOTP only: `seal(keyRing, secret, 'mfa_devices:' + id)`. */
  secret_sealed: string | null;
  /**
   * TOTP / hardware token: the last accepted time step (or HOTP counter). A code is accepted
   * only by `UPDATE … WHERE last_used_step < step`, so one code passes at most once. -1 = never.
   */
  last_used_step: number;
  /** WebAuthn: base64url credential id (unique), COSE public key (base64url), signature counter. */
  credential_id: string | null;
  public_key: string | null;
  sign_count: number;
  transports: string | null;
  /** Hardware token: the imported token this device is. */
  hardware_token_id: string | null;
  created_at: number;
  activated_at: number | null;
  last_used_at: number | null;
}

/** Hardware OTP tokens an operator imported; bound to at most one account. */
export interface HardwareTokensTable {
  id: string;
  /** Upper-cased serial printed on the token. */
  serial: string;
  /** `seal(keyRing, secret, 'hardware_tokens:' + id)`. */
  secret_sealed: string;
  kind: 'totp' | 'hotp';
  algorithm: 'SHA1' | 'SHA256' | 'SHA512';
  digits: number;
  period_seconds: number;
  /** HOTP: the next counter the token will show at import time. */
  initial_counter: number;
  bound_account_id: string | null;
  imported_at: number;
  imported_by: string;
}

export interface RecoveryCodesTable {
  id: string;
  account_id: string;
  /** keyedHash(keyRing, 'recovery-code', canonical code). */
  code_hash: string;
  created_at: number;
  used_at: number | null;
}

/** A WebAuthn challenge handed out in options; single use (deleted when redeemed). */
export interface WebauthnChallengesTable {
  id: string;
  account_id: string;
  purpose: 'register' | 'authenticate';
  challenge: string;
  /** For authentication: the sign-in challenge or step-up ticket it belongs to. */
  context_id: string | null;
  created_at: number;
  expires_at: number;
}

/** The seed's "lost my phone" ticket to unbind MFA, reviewed by an operator. */
export interface MfaUnbindRequestsTable {
  id: string;
  /** Null when the email names no account (the applicant is told the same as any other). */
  account_id: string | null;
  kind: 'personal' | 'enterprise';
  account_email: string;
  /** The applicant's details (names, ID numbers, phone, company, licence scan), sealed as one JSON. */
  applicant_sealed: string;
  /** The real-name comparison shown to the reviewer (JSON; no ID numbers in it). */
  realname_check: string;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'completed';
  reject_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
  /** Approval + cooling-off: the devices go at this time unless the owner cancels. */
  effective_at: number | null;
  cancelled_at: number | null;
  completed_at: number | null;
  ip: string;
  created_at: number;
}

export interface MfaTables {
  mfa_devices: MfaDevicesTable;
  hardware_tokens: HardwareTokensTable;
  recovery_codes: RecoveryCodesTable;
  webauthn_challenges: WebauthnChallengesTable;
  mfa_unbind_requests: MfaUnbindRequestsTable;
}
