import type { NotificationKind } from "@formwork/schema";
import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Json, Timestamp } from "../tables";

export interface NotificationsTable {
  /** bigint identity, read as a number (the type parser maps int8). */
  id: Generated<number>;
  user_id: string;
  kind: NotificationKind;
  actor_id: string | null;
  title: string | null;
  payload: Json<Record<string, unknown>>;
  link: string | null;
  read_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface CommentsTable {
  id: string;
  form_id: string;
  record_id: string;
  author_id: string | null;
  body: string;
  mentions: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  edited_at: Timestamp | null;
  deleted_at: Timestamp | null;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  comments: CommentsTable;
}
