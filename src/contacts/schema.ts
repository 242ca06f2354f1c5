/**
 * `phone_binding_locks`: one row per mobile number ever bound, locked (upserted) inside the
 * transaction that binds the number, so two parallel binds of one number queue up and the
 * second one counts the first one's account (see store.ts `bindPhoneWithinLimit`).
 */
export interface PhoneBindingLocksTable {
  phone: string;
  locked_at: number;
}

/** Seed 001 "Method 2": change of phone by identity documents, reviewed by an operator. */
export interface PhoneChangeRequestsTable {
  id: string;
  /** The account the identifier named when submitted; null if none (the requester is not told). */
  account_id: string | null;
  /** The account email or id as submitted, normalised. */
  account_identifier: string;
  new_phone: string;
  contact_email: string;
  note: string | null;
  /** JSON list of {kind, contentType, size}: what the reviewer sees before opening the documents. */
  documents_meta: string;
  /** The documents themselves, AES-256-GCM sealed (AAD binds them to this request id). */
  documents_sealed: string;
  status: 'pending' | 'approved' | 'rejected';
  reason: string | null;
  reviewed_by: string | null;
  reviewed_at: number | null;
  locale: string;
  ip: string;
  created_at: number;
  updated_at: number;
}

export interface ContactsTables {
  phone_binding_locks: PhoneBindingLocksTable;
  phone_change_requests: PhoneChangeRequestsTable;
}
