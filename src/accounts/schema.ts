export interface AccountsTable {
  id: string;
  email: string;
  password_hash: string | null;
  locale: string;
  status: 'active' | 'disabled';
  phone: string | null;
  security_email: string | null;
  realname_status: string;
  parent_account_id: string | null;
  /** Set when password sign-in is locked until an operator unlocks or the owner resets it. */
  locked_reason: 'operator' | 'not_me' | null;
  locked_at: number | null;
  password_changed_at: number | null;
  last_sign_in_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface SecuritySettingsTable {
  account_id: string;
  login_protection: number;
  login_protection_methods: string;
  operation_protection: number;
  operation_protection_methods: string;
  remote_login_protection: number;
  updated_at: number;
}

export interface AccountsTables {
  accounts: AccountsTable;
  security_settings: SecuritySettingsTable;
}
