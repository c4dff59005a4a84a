// The pieces of an aggregation's SQL: which column a name reads (in the records, a sub-form's rows or,
// through a link field, a linked form's records), its group expression (date buckets cut in a zone)
// and its measure expression. Every piece is an expression over unqualified, collision-free names.
import {
  DASHBOARD_BUCKETS,
  DASHBOARD_MEASURE_OPS,
  type FieldDefinition,
  FormworkError,
} from "@formwork/schema";
import { type RawBuilder, sql } from "kysely";
import type { SqlType } from "../storage/columns";
import { SYSTEM_FIELDS } from "../storage/layout";
import type { PublishedForm } from "../storage/types";
import { modelOf } from "./model";

// The same lists a dashboard definition takes (packages/schema/src/dashboard).
export const AGGREGATE_OPS = DASHBOARD_MEASURE_OPS;
export type AggregateOp = (typeof AGGREGATE_OPS)[number];
export const DATE_BUCKETS = DASHBOARD_BUCKETS;
export type DateBucket = (typeof DATE_BUCKETS)[number];

export interface Column {
  /** The (unqualified) name to read: a column of the aggregated table or a linked join's alias. */
  column: string;
  sqlType: SqlType | "uuid";
}

const NUMERIC = new Set<string>(["numeric", "integer"]);
export const DATES = new Set<string>(["date", "timestamptz"]);
const ORDERED = new Set<string>(["numeric", "integer", "date", "timestamptz", "text"]);
const GROUPABLE = new Set<string>(["text", "numeric", "integer", "date", "timestamptz", "boolean", "uuid"]);

export function bad(path: string, message: string, code: "BAD_REQUEST" | "UNKNOWN_FIELD" = "BAD_REQUEST") {
  return new FormworkError(code, message, [{ path, message }]);
}

/** The fields of the records, or of the sub-form `subform`'s rows (undefined: no such sub-form). */
export function aggregatedFields(
  form: PublishedForm,
  subform: string | undefined,
): FieldDefinition[] | undefined {
  if (subform === undefined) return form.definition.fields;
  const field = form.definition.fields.find((f) => f.id === subform);
  return field?.type === "subform" ? field.fields : undefined;
}

/** The column `name` reads in `form`'s records (system names too) or in its sub-form `subform`'s rows. */
export function columnOf(
  form: PublishedForm,
  subform: string | undefined,
  name: string,
  path: string,
): Column {
  const model = modelOf(form);
  if (subform === undefined && Object.hasOwn(SYSTEM_FIELDS, name)) {
    return SYSTEM_FIELDS[name as keyof typeof SYSTEM_FIELDS];
  }
  const columns = subform === undefined ? model.layout.columns : model.childrenById.get(subform)!.columns;
  const found = columns.find((c) => c.fieldId === name);
  if (!found && subform === undefined && model.childrenById.has(name)) {
    throw bad(path, `"${name}" is a sub-form: aggregate its rows with source.subform`);
  }
  if (!found) throw bad(path, `The form has no field "${name}" to aggregate`, "UNKNOWN_FIELD");
  return found;
}

export interface Group {
  expr: RawBuilder<unknown>;
  /** A multi-value column: each value is its own group, through a lateral unnest named `__u<i>`. */
  unnest?: RawBuilder<unknown>;
}

export function groupOf(
  col: Column,
  bucket: DateBucket | undefined,
  timeZone: string,
  path: string,
  i: number,
): Group {
  if (col.sqlType === "text[]" && bucket === undefined) {
    // A record tagged [a, b] counts under a and under b (as Jiandaoyun and Airtable group multi-selects).
    return { expr: sql`${sql.ref(`__u${i}.v`)}`, unnest: sql`${sql.ref(col.column)}` };
  }
  return { expr: groupExpression(col, bucket, timeZone, path) };
}

function groupExpression(col: Column, bucket: DateBucket | undefined, timeZone: string, path: string) {
  const ref = sql.ref(col.column);
  if (bucket !== undefined) {
    if (!DATES.has(col.sqlType)) throw bad(`${path}/bucket`, "Only date fields can be bucketed");
    // A timestamp is cut at the local midnight of the zone; a date has no zone.
    const local = col.sqlType === "timestamptz" ? sql`(${ref} AT TIME ZONE ${sql.lit(timeZone)})` : ref;
    return sql`to_char(date_trunc(${sql.lit(bucket)}, ${local}), 'YYYY-MM-DD')`;
  }
  if (!GROUPABLE.has(col.sqlType)) throw bad(`${path}/field`, "This field cannot be grouped by");
  if (col.sqlType === "uuid") return sql`${ref}::text`;
  if (col.sqlType === "date") return sql`${ref}::text`;
  return ref;
}

/** Checks `op` applies to `col`; throws with a pointer under `path` when it does not. */
export function checkMeasure(op: AggregateOp, col: Column | undefined, path: string): void {
  if (op === "count") return;
  if (!col) throw bad(`${path}/field`, `"${op}" needs a field`);
  if (op === "distinct" && col.sqlType === "jsonb") {
    throw bad(`${path}/op`, "Distinct values of this field are not countable");
  }
  if ((op === "sum" || op === "avg") && !NUMERIC.has(col.sqlType)) {
    throw bad(`${path}/op`, `"${op}" needs a number field`);
  }
  if ((op === "min" || op === "max") && !ORDERED.has(col.sqlType)) {
    throw bad(`${path}/op`, `"${op}" needs a number, date or text field`);
  }
}

/**
 * The aggregate of `input` (null: count rows), restricted by `filter` when given (a compared window).
 * Dates and timestamps travel as text, so both drivers answer the same JSON.
 */
export function measureSql(
  op: AggregateOp,
  input: RawBuilder<unknown> | null,
  sqlType: Column["sqlType"] | undefined,
  filter?: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const only = filter ? sql` FILTER (WHERE ${filter})` : sql``;
  if (op === "count") return input ? sql`count(${input})${only}::int` : sql`count(*)${only}::int`;
  switch (op) {
    case "distinct":
      return sql`count(DISTINCT ${input})${only}::int`;
    case "sum":
    case "avg":
      return sql`${sql.raw(op)}(${input})${only}`;
    case "min":
    case "max":
      if (sqlType === "timestamptz") return sql`to_json(${sql.raw(op)}(${input})${only})#>>'{}'`;
      return sql`${sql.raw(op)}(${input})${only}${sql.raw(sqlType === "date" ? "::text" : "")}`;
  }
}
