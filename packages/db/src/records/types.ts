import type { Expression, SqlBool } from "kysely";

/** Who writes and when. `now` and `timeZone` (default Asia/Shanghai) drive serial-number periods. */
export interface WriteContext {
  actorId: string | null;
  now?: Date;
  timeZone?: string;
}

export interface RecordInput {
  /** A new record's id when the caller needs it before the insert (a flow it starts); default: a new one. */
  id?: string;
  /** Field id → normalised value. Serial fields are filled here; sub-forms are arrays of row objects. */
  data: Record<string, unknown>;
  /** Defaults to the actor. */
  ownerId?: string | null;
  deptId?: string | null;
  flowStatus?: string | null;
}

export interface RecordPatch {
  /** Only the fields present are written; a sub-form present replaces all its rows. */
  data: Record<string, unknown>;
  /** The version the client read (If-Match). Absent = no check (internal writes). */
  expectedVersion?: number;
  ownerId?: string | null;
  deptId?: string | null;
  flowStatus?: string | null;
}

/** A record in the API shape of DESIGN §2. */
export interface ApiRecord {
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

export interface RecordSort {
  /** A field id or a system name ($id, $createdAt, $updatedAt, $createdBy, $ownerId, $flowStatus, $version). */
  field: string;
  direction?: "asc" | "desc";
}

export type DeletedFilter = "exclude" | "only" | "include";

export interface RecordQuery {
  /**
   * A predicate over the form's table, compiled by the caller (compileFilter of @formwork/expressions
   * with `filterScopeFor(form, ...)`; columns unqualified). Row permissions are and-ed in the same way.
   */
  filter?: Expression<SqlBool>;
  /** The names the filter reads. Decides whether the count can be exact (see queryRecords). */
  filterFields?: readonly string[];
  /** Default: by id (creation order), ascending. The id is always the final tie-breaker. */
  sort?: readonly RecordSort[];
  /** 1..1000, default 50. */
  limit?: number;
  /** From a previous page's nextCursor; not together with offset. */
  cursor?: string;
  offset?: number;
  /** Field ids to return in `data` (default: all stored fields). */
  fields?: readonly string[];
  /** Case-insensitive substring over the form's text fields (any script, Chinese included). */
  search?: string;
  /**
   * Field ids `search` may look into (default: all searched fields). Permissions pass the fields the
   * caller may see, so a search can never reveal a hidden value; the full-form trigram index then does
   * not serve the search.
   */
  searchFields?: readonly string[];
  /** "exclude" (default), "only" (the recycle bin) or "include". */
  deleted?: DeletedFilter;
  /** Skip the count query (count comes back as {value: -1, exact: false}). Default true. */
  count?: boolean;
  /**
   * Send the page query as a prepared statement (PostgreSQL plans it once per connection). Only for
   * callers whose query text is fixed, e.g. a look-up by an id-array parameter on a hot path.
   */
  prepare?: boolean;
}

export interface RecordPage {
  records: ApiRecord[];
  count: { value: number; exact: boolean };
  nextCursor: string | null;
}

export interface RevisionView {
  id: string;
  version: number;
  action: "create" | "update" | "delete" | "restore";
  actor: string | null;
  at: string;
  diff: Record<string, { from: unknown; to: unknown }>;
}
