/**
 * The notifications module's tables: notifications, preferences, mail deliveries. Only this module writes them (and only its code names
 * them); the `DB` type gets them from here through declaration merging, so a module's tables live in its folder.
 */
import type { Selectable } from 'kysely';

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

declare module '../../db/schema.js' {
  interface DB {
    notifications: NotificationsTable;
    notification_preferences: NotificationPreferencesTable;
    mail_deliveries: MailDeliveriesTable;
  }
}

export type NotificationRow = Selectable<NotificationsTable>;
