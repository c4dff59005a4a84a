// Aggregations over a form's records (or one sub-form's rows) as ONE SQL GROUP BY: dimensions by field
// or by date bucket, measures count/distinct/sum/avg/min/max, a predicate from the caller (filter AND
// row permissions), sorted and limited in SQL. Nothing is grouped, summed or sorted in JavaScript.
import { FormworkError } from "@formwork/schema";
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { SqlType } from "../storage/columns";
import { SYSTEM_FIELDS } from "../storage/layout";
import type { PublishedForm } from "../storage/types";
import type { SystemTables } from "../tables";
import { modelOf } from "./model";

// biome-ignore lint/suspicious/noExplicitAny: record tables are created at runtime and have no static types.
type AnyDb = Kysely<any>;

export const AGGREGATE_OPS = ["count", "distinct", "sum", "avg", "min", "max"] as const;
export type AggregateOp = (typeof AGGREGATE_OPS)[number];
export const DATE_BUCKETS = ["day", "week", "month", "quarter", "year"] as const;
export type DateBucket = (typeof DATE_BUCKETS)[number];
export const MAX_AGGREGATE_ROWS = 1_000;

export interface AggregateQuery {
  groupBy: { field: string; bucket?: DateBucket }[];
  measures: { op: AggregateOp; field?: string }[];
  /** `g<i>` (a group) or `m<i>` (a measure); default: the groups in order. */
  sort?: { by: string; direction?: "asc" | "desc" }[];
  limit?: number;
  /** Rows of this sub-form field instead of the records; `filter` still applies to the records. */
  subform?: string;
  /** Over the parent table's columns, unqualified: the caller's filter AND its row predicate. */
  filter?: Expression<SqlBool>;
  /** Date buckets of timestamps are cut in this IANA zone (validated by the caller). */
  timeZone: string;
}

export interface AggregateResult {
  /** One object per group: `g0..` the group keys (date buckets as 'YYYY-MM-DD' of their start), `m0..`. */
  rows: Record<string, string | number | boolean | null>[];
  /** More groups exist beyond `limit`. */
  truncated: boolean;
}

interface Column {
  column: string;
  sqlType: SqlType | "uuid";
}

const NUMERIC = new Set<string>(["numeric", "integer"]);
const DATES = new Set<string>(["date", "timestamptz"]);
const ORDERED = new Set<string>(["numeric", "integer", "date", "timestamptz", "text"]);
const GROUPABLE = new Set<string>(["text", "numeric", "integer", "date", "timestamptz", "boolean", "uuid"]);

function bad(path: string, message: string, code: "BAD_REQUEST" | "UNKNOWN_FIELD" = "BAD_REQUEST") {
  return new FormworkError(code, message, [{ path, message }]);
}

/** The column `name` reads in the aggregated table (system names only on the records themselves). */
function columnOf(form: PublishedForm, subform: string | undefined, name: string, path: string): Column {
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

interface Group {
  expr: RawBuilder<unknown>;
  /** A multi-value column: each value is its own group, through a lateral unnest named `__u<i>`. */
  unnest?: RawBuilder<unknown>;
}

function groupOf(
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

function measureExpression(op: AggregateOp, col: Column | undefined, path: string): RawBuilder<unknown> {
  if (op === "count") return col ? sql`count(${sql.ref(col.column)})::int` : sql`count(*)::int`;
  if (!col) throw bad(`${path}/field`, `"${op}" needs a field`);
  const ref = sql.ref(col.column);
  switch (op) {
    case "distinct":
      if (col.sqlType === "jsonb") throw bad(`${path}/op`, "Distinct values of this field are not countable");
      return sql`count(DISTINCT ${ref})::int`;
    case "sum":
    case "avg":
      if (!NUMERIC.has(col.sqlType)) throw bad(`${path}/op`, `"${op}" needs a number field`);
      return op === "sum" ? sql`sum(${ref})` : sql`avg(${ref})`;
    case "min":
    case "max":
      if (!ORDERED.has(col.sqlType)) throw bad(`${path}/op`, `"${op}" needs a number, date or text field`);
      // Dates and timestamps travel as text, so both drivers answer the same JSON.
      if (col.sqlType === "timestamptz") return sql`to_json(${sql.raw(op)}(${ref}))#>>'{}'`;
      return sql`${sql.raw(op)}(${ref})${sql.raw(col.sqlType === "date" ? "::text" : "")}`;
  }
}

/** Throws BAD_REQUEST/UNKNOWN_FIELD with a pointer into the request for anything not aggregatable. */
export async function aggregateRecords(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  query: AggregateQuery,
): Promise<AggregateResult> {
  const model = modelOf(form);
  const child = query.subform === undefined ? undefined : model.childrenById.get(query.subform);
  if (query.subform !== undefined && !child) {
    throw bad("/source/subform", `"${query.subform}" is not a sub-form of this form`, "UNKNOWN_FIELD");
  }
  const limit = query.limit ?? MAX_AGGREGATE_ROWS;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AGGREGATE_ROWS) {
    throw bad("/limit", `limit must be an integer from 1 to ${MAX_AGGREGATE_ROWS}`);
  }
  if (query.measures.length === 0) throw bad("/measures", "At least one measure is needed");
  const groups = query.groupBy.map((g, i) =>
    groupOf(
      columnOf(form, query.subform, g.field, `/groupBy/${i}/field`),
      g.bucket,
      query.timeZone,
      `/groupBy/${i}`,
      i,
    ),
  );
  const measures = query.measures.map((m, i) =>
    measureExpression(
      m.op,
      m.field === undefined ? undefined : columnOf(form, query.subform, m.field, `/measures/${i}/field`),
      `/measures/${i}`,
    ),
  );
  const names = new Set([...groups.map((_, i) => `g${i}`), ...measures.map((_, i) => `m${i}`)]);
  (query.sort ?? []).forEach((key, i) => {
    if (!names.has(key.by)) throw bad(`/sort/${i}/by`, `"${key.by}" is neither a group nor a measure`);
  });

  const any = db as AnyDb;
  // Columns stay unqualified, as the caller's predicate is: it was compiled for the records table alone.
  let select = child
    ? // Sub-form rows of the records that pass; inside the subquery the names resolve to the parent.
      any
        .selectFrom(child.table)
        .where(
          sql<SqlBool>`parent_id IN (SELECT id FROM ${sql.table(model.layout.table)} WHERE deleted_at IS NULL${
            query.filter ? sql` AND (${query.filter})` : sql``
          })`,
        )
    : any.selectFrom(model.layout.table).where("deleted_at", "is", null);
  if (!child && query.filter) select = select.where(sql<SqlBool>`(${query.filter})`);
  groups.forEach((g, i) => {
    // LEFT: a record with no value still counts, under the null group.
    if (g.unnest) {
      select = select.leftJoinLateral(sql`(SELECT unnest(${g.unnest}) AS v)`.as(`__u${i}`), (join) =>
        join.onTrue(),
      );
    }
  });
  select = select.select([
    ...groups.map((g, i) => g.expr.as(`g${i}`)),
    ...measures.map((m, i) => m.as(`m${i}`)),
  ]);
  // Ordinals, not repeated expressions: a parameter in a repeated expression would not match its twin.
  if (groups.length > 0) select = select.groupBy(groups.map((_, i) => sql.raw(String(i + 1))));
  const sort = query.sort?.length
    ? query.sort
    : groups.map((_, i) => ({ by: `g${i}`, direction: "asc" as const }));
  for (const key of sort) {
    select = select.orderBy(sql.ref(key.by), (ob) =>
      (key.direction === "desc" ? ob.desc() : ob.asc()).nullsLast(),
    );
  }
  const rows = (await select.limit(limit + 1).execute()) as AggregateResult["rows"];
  return { rows: rows.slice(0, limit), truncated: rows.length > limit };
}
