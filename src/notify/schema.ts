export interface MessagesTable {
  id: string;
  account_id: string | null;
  channel: 'sms' | 'email' | 'inbox';
  destination: string;
  template: string;
  locale: string;
  subject: string | null;
  body: string;
  /** JSON of the template parameters (SMS providers send template id + parameters). */
  params: string;
  /** queued → sending → sent | failed (abandoned after retries); `stored` in outbox mode and for the inbox. */
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'stored';
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  provider: string | null;
  provider_message_id: string | null;
  created_at: number;
  sent_at: number | null;
  read_at: number | null;
  /** The worker holding a 'sending' message (its lease ends at next_attempt_at); added by the delivery migration. */
  claimed_by?: string | null;
}

export interface NotifyTables {
  messages: MessagesTable;
}
