export interface DeliveryAttemptsTable {
  id: string;
  message_id: string;
  /** 1-based: the message's `attempts` count when this try was made. */
  attempt: number;
  at: number;
  /** 'smtp' | 'tencent-sms' | 'http-sms' | 'none' (no provider configured for the channel). */
  provider: string;
  /** 1 delivered, 0 failed. */
  ok: number;
  /** The provider's own words on failure. */
  reason: string | null;
  duration_ms: number;
}

export interface WorkerCursorsTable {
  name: string;
  position: number;
  updated_at: number;
}

export interface DeliveryTables {
  delivery_attempts: DeliveryAttemptsTable;
  worker_cursors: WorkerCursorsTable;
}
