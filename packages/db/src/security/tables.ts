// Kysely types of the tables of migration 0011 (public links, audit log).
import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, Json, Timestamp } from "../tables";

export interface PublicLinksTable {
  id: string;
  form_id: string;
  kind: "fill" | "query";
  name: ColumnType<string, string | undefined, string>;
  /** SHA-256 of the link's token; unique. */
  token_hash: string;
  /** scrypt hash (same format as passwords) when the link asks for a password. */
  password_hash: string | null;
  expires_at: Timestamp | null;
  max_submissions: number | null;
  submissions: ColumnType<number, number | undefined, number>;
  /** Query links: the fields a visitor must match exactly. */
  query_fields: ColumnType<string[], string[] | undefined, string[]>;
  /** Query links: the fields shown in results. */
  display_fields: ColumnType<string[], string[] | undefined, string[]>;
  disabled_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  actor_id: string | null;
  actor_label: ColumnType<string, string | undefined, string>;
  action: string;
  target_id: string | null;
  app_id: string | null;
  ip: string | null;
  detail: Json<Record<string, unknown>>;
}

export interface SecurityTables {
  public_links: PublicLinksTable;
  audit_log: AuditLogTable;
}
