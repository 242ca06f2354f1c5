export interface AuditChainTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

export interface AuditEventsTable {
  seq: number;
  id: string;
  at: number;
  /** The account the event concerns (null for events about no known account). */
  account_id: string | null;
  actor_type: 'account' | 'operator' | 'system' | 'anonymous';
  actor_id: string | null;
  event: string;
  result: 'success' | 'failure';
  sensitive: number;
  ip: string | null;
  user_agent: string | null;
  location: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface AuditTables {
  audit_chain: AuditChainTable;
  audit_events: AuditEventsTable;
}
