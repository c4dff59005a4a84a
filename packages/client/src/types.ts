// Response shapes of the REST API (docs: DESIGN §2, served as OpenAPI at /api/openapi.json).
import type { FormDefinition, LocalizedText } from "@formwork/schema";

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
  isAdmin?: boolean;
}

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  /** "read" tokens may only use safe methods. */
  scope: "read" | "write";
  /** The apps the token may touch; null: every app. */
  appIds: string[] | null;
}

export interface CreatedApiToken extends ApiTokenInfo {
  /** Shown once; only its hash is stored. */
  token: string;
}

export interface Session {
  user: User;
  /** Double-submit CSRF token of a cookie session; absent for API tokens. */
  csrfToken?: string;
}

export interface App {
  id: string;
  name: string;
  description: string | null;
  /** One of APP_ICONS (@formwork/schema); null shows the name's initial. */
  icon: string | null;
  /** `#rrggbb`; null: a colour derived from the id. */
  colour: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewApp {
  name: string;
  description?: string | null;
  icon?: string | null;
  colour?: string | null;
}

export type AppPatch = Partial<NewApp>;

export interface FormSummary {
  id: string;
  appId: string;
  key: string;
  name: LocalizedText;
  /** 0 until the first publish. */
  publishedVersion: number;
  updatedAt: string;
}

/** A form or a dashboard in an app's menu. */
export type MenuLeaf = { type: "form"; form: string } | { type: "dashboard"; dashboard: string };

/** One entry of an app's menu: a form or dashboard at the top level, or a named group of them. */
export type MenuItem = MenuLeaf | { type: "group"; id: string; name: string; items: MenuLeaf[] };

export interface AppMenu {
  menu: MenuItem[];
  /** Named by If-Match when the menu is changed; a stale one answers VERSION_CONFLICT. */
  menuRevision: number;
}

export interface AppWithForms extends App, AppMenu {
  /** In menu order. */
  forms: FormSummary[];
  /** The dashboards the caller sees in the menu, in menu order. */
  dashboards: { id: string; title: string }[];
  /** The caller administers this app (a system admin or one of its app admins). */
  canManage?: boolean;
}

export interface Form extends FormSummary {
  /** The draft's revision: a save names it (If-Match) and fails with VERSION_CONFLICT when stale. */
  revision: number;
  createdAt: string;
  createdBy: string | null;
  /** The draft being designed (the published versions are immutable snapshots). */
  definition: FormDefinition;
}

export interface Published {
  version: number;
}

export interface FormVersionInfo {
  version: number;
  createdAt: string;
  createdBy: string | null;
}

/** An immutable published version: what the fill page renders and records are checked against. */
export interface FormVersion extends FormVersionInfo {
  definition: FormDefinition;
}

export interface FormRecord {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  ownerId: string | null;
  flowStatus: string | null;
  /** Present only for records in the recycle bin. */
  deletedAt?: string;
  data: Record<string, unknown>;
}

export interface RecordCount {
  value: number;
  /** False when the count was capped ("1,000+") because no index serves it. */
  exact: boolean;
}

export interface QueryResult {
  records: FormRecord[];
  /** Absent when the query asked for no count. */
  count?: RecordCount;
  nextCursor: string | null;
}

export interface SortKey {
  /** A field id or a system name such as `$createdAt`. */
  field: string;
  direction: "asc" | "desc";
}

export interface RecordQuery {
  /** json-logic over field ids. */
  filter?: unknown;
  sort?: readonly SortKey[];
  limit?: number;
  cursor?: string;
  offset?: number;
  /** Field ids to return. */
  fields?: readonly string[];
  /** Substring searched in text fields. */
  q?: string;
  /** True lists the recycle bin. */
  deleted?: boolean;
  /** False skips counting. */
  count?: boolean;
}

export interface Revision {
  id: string;
  version: number;
  action: "create" | "update" | "delete" | "restore";
  actor: string | null;
  at: string;
  diff: Record<string, { from: unknown; to: unknown }>;
}

export interface UploadedFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
}

// ---- Organisation (/api/org) ---------------------------------------------------------------

export type MemberStatus = "active" | "invited" | "disabled";

export interface MemberDepartment {
  id: string;
  name: string;
  primary: boolean;
  /** Admins only. */
  head?: boolean;
}

/** Admins see every property; other members only id, name and departments (the directory). */
export interface Member {
  id: string;
  name: string;
  departments: MemberDepartment[];
  email?: string;
  isAdmin?: boolean;
  status?: MemberStatus;
  roleIds?: string[];
  createdAt?: string;
}

export interface MemberQuery {
  q?: string;
  /** Members of this department, or of any of these. */
  departmentId?: string | readonly string[];
  includeSub?: boolean;
  roleId?: string;
  status?: MemberStatus;
  /** Only these members (e.g. the names of a field's chosen ids). */
  ids?: readonly string[];
  limit?: number;
  offset?: number;
}

export interface MemberPage {
  total: number;
  members: Member[];
}

export interface NewMember {
  email: string;
  name: string;
  /** Omitted: the member is invited and the answer carries the invite link's token. */
  password?: string;
  isAdmin?: boolean;
  departmentIds?: string[];
  primaryDepartmentId?: string;
  roleIds?: string[];
}

export type MemberPatch = Partial<Omit<NewMember, "password">>;

export interface Invite {
  /** Shown once; only its hash is stored. */
  token: string;
  /** The web page that accepts it: `${origin}${path}#${token}`. */
  path: string;
  expiresAt: string;
}

export interface CreatedMember extends Member {
  invite?: Invite;
}

export interface Department {
  id: string;
  parentId: string | null;
  name: string;
  sortOrder: number;
  memberCount: number;
  headIds: string[];
}

export interface NewDepartment {
  name: string;
  parentId?: string | null;
  sortOrder?: number;
}

export interface Role {
  id: string;
  groupId: string;
  name: string;
  sortOrder: number;
  memberCount: number;
}

export interface RoleGroup {
  id: string;
  name: string;
  sortOrder: number;
  roles: Role[];
}
