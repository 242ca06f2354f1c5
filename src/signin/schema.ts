export interface SignInGuardsTable {
  /** Named by `GuardKeys` (guard-keys.ts): `acct:<id>`, `op:<id>`, `mfa:<id>`, `unknown:<hmac>`. */
  key: string;
  window_started_at: number;
  failures: number;
  /** 0 when not locked. */
  locked_until: number;
}

export interface SignInsTable {
  id: string;
  account_id: string;
  at: number;
  method: string;
  result: 'success' | 'failure' | 'challenged' | 'locked';
  reason: string | null;
  ip: string;
  user_agent: string;
  device_id: string;
  location: string;
  city_key: string | null;
  risk: string;
}

/** A sign-in whose password was right but which owes a second step (the 202 answer). */
export interface SignInChallengesTable {
  id: string;
  /** SHA-256 of the ticket handed to the client; the ticket itself is not stored. */
  ticket_hash: string;
  account_id: string;
  reason: 'login_protection' | 'remote_login_protection';
  methods: string;
  first_factor: string;
  risk: string;
  ip: string;
  user_agent: string;
  attempts: number;
  created_at: number;
  expires_at: number;
  completed_at: number | null;
}

/** The single-use "this wasn't me" link carried by every security notice. */
export interface NotMeTokensTable {
  id: string;
  token_hash: string;
  account_id: string;
  notice: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface SignInTables {
  not_me_tokens: NotMeTokensTable;
  signin_challenges: SignInChallengesTable;
  signin_guards: SignInGuardsTable;
  sign_ins: SignInsTable;
}
