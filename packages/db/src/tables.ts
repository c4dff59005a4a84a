// Kysely types of the platform's own tables (created by ./migrations). Per-form record tables are
// dynamic and are queried through `sql.id` / `sql.table` references, not through these types.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { AutomationTables } from "./automations/tables";
import type { ImportTables } from "./import/tables";
import type { NotificationTables } from "./notifications/tables";
import type { OutboxTables } from "./outbox/tables";
import type { PermissionTables } from "./permissions/tables";
import type { SecurityTables } from "./security/tables";
import type { TemplateTables } from "./templates/tables";
import type { WorkflowTables } from "./workflow/tables";

/** A `timestamptz` column: read as a Date, written as a Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `timestamptz` column the database fills with now() when omitted. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `jsonb` column. Values are written as JSON text (see `json()`), read back parsed. */
export type Json<T> = ColumnType<T, string, string>;

export interface UsersTable {
  id: string;
  /** Stored lower-cased; unique. */
  email: string;
  name: string;
  password_hash: string;
  is_admin: ColumnType<boolean, boolean | undefined, boolean>;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  /** Created through an invite that has not been accepted yet: no password (empty hash). */
  invited: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a leaked table does not leak live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 of the bearer token; unique. */
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** "read" tokens may only use safe methods. */
  scope: ColumnType<"read" | "write", "read" | "write" | undefined, "read" | "write">;
  /** The apps the token may touch; null means every app its user may. */
  app_ids: string[] | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  /** What is throttled: a lower-cased email or a client address. */
  key: string;
  succeeded: boolean;
  at: CreatedAt;
}

export interface AppsTable {
  id: string;
  name: string;
  description: string | null;
  /** One of the icon names the web offers (validated by the apps plugin); null: the name's initial. */
  icon: string | null;
  /** `#rrggbb`; null: a colour derived from the id. */
  colour: string | null;
  /** The form menu: groups and order (see the apps plugin's menu layout). */
  menu: ColumnType<unknown, string | undefined, string>;
  /** Bumped by every menu change; a change names the revision it was made on. */
  menu_revision: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  deleted_at: Timestamp | null;
}

export interface FormsTable {
  id: string;
  app_id: string;
  /** Unique within the app; the definition's `key`. */
  key: string;
  /** The draft the designer edits; publishing copies it into form_versions. */
  definition: Json<unknown>;
  /** 0 until the first publish. */
  published_version: ColumnType<number, number | undefined, number>;
  /** The record table, set by the first publish (`r_<form id hex>`). */
  table_name: string | null;
  /** Bumped by every draft save; a save may name the revision it was made on (If-Match). */
  draft_revision: ColumnType<number, number | undefined, number>;
  /** Bumped when the published version's indexes change without a new version (view indexes). */
  storage_revision: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  deleted_at: Timestamp | null;
}

export interface FormVersionsTable {
  form_id: string;
  version: number;
  /** Immutable once written. */
  definition: Json<unknown>;
  /** Physical options the version was published with: `{indexes: string[][]}`. */
  storage: ColumnType<{ indexes?: string[][] }, string | undefined, string>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SerialCountersTable {
  form_id: string;
  field: string;
  /** The reset period the counter belongs to ("" for never, "2026", "202611", "20261127"). */
  period: string;
  value: number;
}

export type RevisionAction = "create" | "update" | "delete" | "restore";

/** A changed field: its value before and after. Created records list every non-empty field from null. */
export type FieldDiff = Record<string, { from: unknown; to: unknown }>;

export interface RevisionsTable {
  id: string;
  form_id: string;
  record_id: string;
  /** The record's version after this change. */
  version: number;
  actor: string | null;
  at: CreatedAt;
  action: RevisionAction;
  diff: Json<FieldDiff>;
}

export interface FilesTable {
  id: string;
  form_id: string | null;
  record_id: string | null;
  field: string | null;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  /** Relative to the data directory's files folder; generated, never user text. */
  storage_path: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface IdempotencyKeysTable {
  /** Who the key belongs to (a user id or a token id): keys of different callers never collide. */
  scope: string;
  key: string;
  /** Hash of the request, so a reused key with a different body is refused. */
  request_hash: string;
  status_code: number | null;
  response: Json<unknown> | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface DepartmentsTable {
  id: string;
  /** Null for a root department. Never a descendant of the department itself (moves check it). */
  parent_id: string | null;
  /** Unique among siblings. */
  name: string;
  sort_order: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface DepartmentMembersTable {
  department_id: string;
  user_id: string;
  /** Exactly one membership of a member who has any is primary (the repository keeps it so). */
  is_primary: ColumnType<boolean, boolean | undefined, boolean>;
  /** A head of the department; heads are members. */
  is_head: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface RoleGroupsTable {
  id: string;
  name: string;
  sort_order: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
}

export interface RolesTable {
  id: string;
  group_id: string;
  /** Unique within the group. */
  name: string;
  sort_order: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
}

export interface UserRolesTable {
  role_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface InvitesTable {
  id: string;
  user_id: string;
  /** SHA-256 of the link's token (256 random bits); unique. */
  token_hash: string;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  /** Set when accepted: a link works once. */
  used_at: Timestamp | null;
}

export interface ViewsTable {
  id: string;
  form_id: string;
  name: string;
  /** Shared views are seen by everyone who may read the form; personal ones by their owner only. */
  shared: ColumnType<boolean, boolean | undefined, boolean>;
  owner_id: string;
  /** json-logic, checked by compiling it against the published form; null = no filter. */
  filter: Json<unknown> | null;
  sort: Json<{ field: string; direction: "asc" | "desc" }[]>;
  columns: Json<{ id: string; visible: boolean; width?: number }[]>;
  page_size: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export type FormIndexStatus = "pending" | "building" | "ready" | "failed";

export interface FormIndexesTable {
  form_id: string;
  /** The index's name in the catalog (deterministic: table, kind and a hash of its columns). */
  name: string;
  /** Field ids or system names, in index order. */
  columns: string[];
  status: ColumnType<FormIndexStatus, FormIndexStatus | undefined, FormIndexStatus>;
  error: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  claimed_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** The workflow tables are listed in ./workflow/tables (migration 0008). */
export interface DashboardsTable {
  id: string;
  app_id: string;
  title: string;
  /** A DashboardDefinition (packages/schema/src/dashboard), checked by validateDashboard on write. */
  definition: Json<unknown>;
  version: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  deleted_at: Timestamp | null;
}

export interface SystemTables
  extends WorkflowTables,
    PermissionTables,
    SecurityTables,
    NotificationTables,
    OutboxTables,
    TemplateTables,
    AutomationTables,
    ImportTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  apps: AppsTable;
  forms: FormsTable;
  form_versions: FormVersionsTable;
  serial_counters: SerialCountersTable;
  revisions: RevisionsTable;
  files: FilesTable;
  idempotency_keys: IdempotencyKeysTable;
  departments: DepartmentsTable;
  department_members: DepartmentMembersTable;
  role_groups: RoleGroupsTable;
  roles: RolesTable;
  user_roles: UserRolesTable;
  invites: InvitesTable;
  views: ViewsTable;
  form_indexes: FormIndexesTable;
  dashboards: DashboardsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type App = Selectable<AppsTable>;
export type Form = Selectable<FormsTable>;
export type FormVersion = Selectable<FormVersionsTable>;
export type Revision = Selectable<RevisionsTable>;
export type StoredFile = Selectable<FilesTable>;
export type SavedView = Selectable<ViewsTable>;

/** JSON text for a jsonb column (both drivers would otherwise turn a JS array into a PostgreSQL array). */
export function json(value: unknown): string {
  return JSON.stringify(value);
}
