export interface WebhooksTable {
  id: string;
  url: string;
  /** JSON array of audit event names. */
  events: string;
  /** The signing secret, sealed with the key ring (it must be read back to sign). */
  secret_sealed: string;
  created_by: string;
  created_at: number;
  deleted_at: number | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  /** The audit event's id: with webhook_id, unique, so fan-out is idempotent. */
  event_id: string;
  event: string;
  /** The JSON body POSTed (signed as is). */
  payload: string;
  /** queued → sending → sent | failed (abandoned after the last retry). */
  status: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  /** When due; while 'sending', the end of the claim's lease. */
  next_attempt_at: number;
  claimed_by: string | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface WebhookTables {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
