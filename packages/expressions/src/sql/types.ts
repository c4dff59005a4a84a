// Contract of the filter and sort compilers: what the caller allowlists and what comes back.
import type { Expression, SqlBool } from "kysely";

/** How a column's values compare. Decides the default operators and which literals are accepted. */
export type FilterValueType =
  | "text"
  | "number"
  | "date"
  | "datetime"
  | "boolean"
  | "textArray"
  | "id"
  | "idArray"
  | "json";

export interface FilterField {
  /** The SQL column name. Only this allowlisted name reaches SQL, always as a quoted identifier. */
  column: string;
  valueType: FilterValueType;
  /**
   * Operators this field may be filtered with (absent = every operator of its value type). Either the
   * semantic names of OPERATORS ("eq", "contains", ...) or the json-logic spellings ("==", "<", ...).
   */
  operators?: string[];
}

/** A sub-form stored in a child table, filterable with {"some" | "all" | "none": [{"var": name}, condition]}. */
export interface FilterSubform {
  /** The child table (`"schema.table"` allowed); only this allowlisted name reaches SQL, quoted. */
  table: string;
  /** The child column holding the parent row's id. Default "parent_id". */
  parentColumn?: string;
  /** The sub-form's filterable columns, by field id. */
  fields: Record<string, FilterField>;
  forbidden?: readonly string[];
}

export interface FilterScope {
  /** Filterable fields by the name a filter uses in `{"var": name}`: a field id or a system name. */
  fields: Record<string, FilterField>;
  /**
   * Names that exist but this user may not read (field permissions). A filter or sort on one is
   * rejected with FORBIDDEN_FIELD, never silently ignored. Checked before `fields`.
   */
  forbidden?: readonly string[];
  /**
   * Sub-forms by field id. Their conditions correlate on the parent's `id` column, so a scope with
   * sub-forms needs `table` (the parent's name or alias) to tell it apart from the child's own id.
   */
  subforms?: Record<string, FilterSubform>;
  /** Optional qualifier for every column (`"t"` or `"schema.table"`). */
  table?: string;
  /** The clock for relative dates; injected so results are reproducible. */
  now: Date;
  /** IANA time zone that decides what "today" is and where a day starts for datetime columns. */
  timeZone: string;
  /**
   * Values for `{"var": "$user.id"}` on the value side, looked up by the whole name (own keys only).
   * A name that is also a field (e.g. a system field "$createdAt") means the field.
   */
  params?: Record<string, unknown>;
}

export type FilterErrorCode =
  | "INVALID_FILTER"
  | "UNKNOWN_FIELD"
  | "UNKNOWN_OPERATOR"
  | "TYPE_MISMATCH"
  | "FORBIDDEN_FIELD"
  | "TOO_COMPLEX";

export interface FilterError {
  code: FilterErrorCode;
  /** JSON pointer into the filter (RFC 6901); "" is the whole filter. */
  path: string;
  message: string;
}

export type CompileFilterResult =
  | {
      ok: true;
      expr: Expression<SqlBool>;
      /** The field names the filter reads (first use order), e.g. to decide whether a count is exact. */
      fields: string[];
    }
  | { ok: false; errors: FilterError[] };

export type SortErrorCode =
  | "INVALID_SORT"
  | "UNKNOWN_FIELD"
  | "FORBIDDEN_FIELD"
  | "TYPE_MISMATCH"
  | "TOO_COMPLEX";

export interface SortError {
  code: SortErrorCode;
  /** JSON pointer into the sort array; for the `"-amount,name"` form, "/<index of the comma-separated item>". */
  path: string;
  message: string;
}

export interface SortKey {
  /** The name the sort used (field id or system name). */
  field: string;
  /** The allowlisted column, quoted and qualified. */
  column: Expression<unknown>;
  direction: "asc" | "desc";
  nulls: "first" | "last";
}

export type CompileSortResult = { ok: true; order: SortKey[] } | { ok: false; errors: SortError[] };
