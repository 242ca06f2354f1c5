/**
 * Step-up verification for protected operations: a ticket handed out with the 403, completed
 * with a second factor into a short-lived single-use token bound to one operation and one
 * account. Only SHA-256 hashes of the ticket and the token are stored.
 */
export interface StepUpVerificationsTable {
  id: string;
  ticket_hash: string;
  account_id: string;
  operation: string;
  methods: string;
  attempts: number;
  created_at: number;
  expires_at: number;
  /** Set when a factor was proven; the token then exists. */
  verified_at: number | null;
  method: string | null;
  token_hash: string | null;
  token_expires_at: number | null;
  /** The token was redeemed by the operation (single use). */
  used_at: number | null;
}

export interface ProtectionTables {
  step_up_verifications: StepUpVerificationsTable;
}
