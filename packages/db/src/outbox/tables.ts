import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Json, Timestamp } from "../tables";

export type OutboxKind = "webhook" | "email";
export type OutboxStatus = "pending" | "delivered" | "dead";

export interface OutboxTable {
  id: Generated<string>;
  kind: OutboxKind;
  /** A webhook's URL or an email recipient's address. */
  target: string;
  payload: Json<unknown>;
  idempotency_key: string;
  /** What happened (e.g. record.created), sent as X-Formwork-Event and shown in delivery logs. */
  event: string | null;
  app_id: string | null;
  /** The subscription whose secret signs the call; null for unsigned calls (automations) and emails. */
  webhook_id: string | null;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  /** When the next attempt may start; while an attempt runs, the end of its lease. */
  available_at: CreatedAt;
  last_status_code: number | null;
  last_error: string | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface OutboxAttemptsTable {
  id: Generated<number>;
  outbox_id: string;
  attempt: number;
  started_at: Timestamp;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  response_snippet: string | null;
}

export interface WebhooksTable {
  id: string;
  app_id: string;
  name: string;
  url: string;
  secret: string;
  events: ColumnType<string[], string[] | undefined, string[]>;
  /** Forms whose record events are sent; empty: every form of the app. */
  form_ids: ColumnType<string[], string[] | undefined, string[]>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface UserNotificationSettingsTable {
  user_id: string;
  email: ColumnType<boolean, boolean | undefined, boolean>;
  updated_at: CreatedAt;
}

export interface OutboxTables {
  outbox: OutboxTable;
  outbox_attempts: OutboxAttemptsTable;
  webhooks: WebhooksTable;
  user_notification_settings: UserNotificationSettingsTable;
}
