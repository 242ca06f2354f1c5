export interface SessionsTable {
  id: string;
  subject_type: 'account' | 'operator';
  subject_id: string;
  /** SHA-256 of the token's secret half; the secret itself is never stored. */
  secret_hash: string;
  created_at: number;
  last_seen_at: number;
  idle_expires_at: number;
  expires_at: number;
  revoked_at: number | null;
  revoked_reason: string | null;
  ip: string;
  user_agent: string;
  /** JSON GeoLocation at creation. */
  location: string;
  /** JSON list of the factors that created the session, e.g. ["password","totp"]. */
  auth_methods: string;
}

export interface SessionsTables {
  sessions: SessionsTable;
}
