/** Tables of the notifications module: notifications shown in the platform, preferences, mail deliveries. Part of the `DB` type in ../schema.ts. */
export interface NotificationsTable {
  id: string;
  user_id: string;
  /** The notice's idempotency key (unique). */
  key: string;
  kind: string;
  /** The event (ids, not texts: rendered in the reader's language). */
  event_json: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  in_app: number;
  email: number;
  updated_at: string;
}

export interface MailDeliveriesTable {
  /** The notice's idempotency key: one email per notice. */
  key: string;
  user_id: string | null;
  kind: string;
  message_id: string;
  sent_at: string;
}
