export interface VerificationCodesTable {
  id: string;
  channel: 'email' | 'sms';
  /** Normalised destination: lower-cased email or E.164 phone. */
  destination: string;
  purpose: string;
  /** Keyed HMAC of the code (`<kid>$<mac>`); 6 digits are too few to store with a plain hash. */
  code_hash: string;
  attempts: number;
  created_at: number;
  expires_at: number;
  consumed_at: number | null;
}

export interface CodesTables {
  verification_codes: VerificationCodesTable;
}
