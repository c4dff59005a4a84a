// Record queries: filter, sort, keyset or offset paging, projection, search and a bounded count, all in
// SQL. Nothing is filtered, sorted, counted or paged in JavaScript.
import { FormworkError } from "@formwork/schema";
import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import { prepared } from "../prepared";
import { isSystemField, SYSTEM_FIELDS, searchExpression } from "../storage/layout";
import { quoteIdentifier } from "../storage/names";
import type { PublishedForm } from "../storage/types";
import type { SystemTables } from "../tables";
import { loadChildRows } from "./children";
import { type CursorValue, decodeCursor, encodeCursor } from "./cursor";
import { type FormModel, modelOf } from "./model";
import type { RecordPage, RecordQuery, RecordSort } from "./types";
import { type Row, toApiRecord } from "./values";

// biome-ignore lint/suspicious/noExplicitAny: record tables are created at runtime and have no static types.
type AnyDb = Kysely<any>;

/** Separates fields in the search expression; never part of a search. */
const UNIT_SEPARATOR = String.fromCharCode(0x1f);

export const MAX_LIMIT = 1_000;
export const DEFAULT_LIMIT = 50;
/** Beyond this many matches a count without an index to serve it reports "1,000+". */
export const COUNT_CAP = 1_000;

interface ResolvedSort {
  column: string;
  direction: "asc" | "desc";
}

function badRequest(code: "BAD_REQUEST" | "INVALID_SORT", path: string, message: string): FormworkError {
  return new FormworkError(code, message, [{ path, message }]);
}

function resolveSort(model: FormModel, query: RecordQuery): ResolvedSort[] {
  const keys: ResolvedSort[] = [];
  (query.sort ?? []).forEach((key, index) => {
    const direction = key.direction ?? "asc";
    if (direction !== "asc" && direction !== "desc") {
      throw badRequest("INVALID_SORT", `/sort/${index}/direction`, "Direction must be asc or desc");
    }
    if (isSystemField(key.field)) {
      keys.push({ column: SYSTEM_FIELDS[key.field].column, direction });
      return;
    }
    const column = Object.hasOwn(Object.fromEntries(model.columnsById), key.field)
      ? model.columnsById.get(key.field)
      : undefined;
    if (!column)
      throw badRequest("INVALID_SORT", `/sort/${index}`, `Cannot sort on unknown field "${key.field}"`);
    if (column.sqlType === "jsonb" || column.sqlType === "text[]") {
      throw badRequest("INVALID_SORT", `/sort/${index}`, `Field "${key.field}" cannot be sorted`);
    }
    keys.push({ column: column.column, direction });
  });
  if (keys.length > 8) throw badRequest("INVALID_SORT", "/sort", "At most 8 sort keys");
  if (!keys.some((k) => k.column === "id"))
    keys.push({ column: "id", direction: keys.at(-1)?.direction ?? "asc" });
  else keys.splice(keys.findIndex((k) => k.column === "id") + 1);
  return keys;
}

// System columns that are never null: their keyset comparisons need no null cases.
const NOT_NULL = new Set(["id", "version", "created_at", "updated_at"]);

// PostgreSQL's default null placement (last when ascending, first when descending) matches a plain
// btree scanned either way, so indexes serve the order. The keyset predicate follows the same rule.
function after(key: ResolvedSort, value: CursorValue): Expression<SqlBool> {
  const column = sql.ref(key.column);
  const op = sql.raw(key.direction === "asc" ? ">" : "<");
  if (NOT_NULL.has(key.column) && value !== null) return sql<boolean>`(${column} ${op} ${value})`;
  if (key.direction === "asc") {
    return value === null ? sql<boolean>`false` : sql<boolean>`(${column} > ${value} OR ${column} IS NULL)`;
  }
  return value === null ? sql<boolean>`(${column} IS NOT NULL)` : sql<boolean>`(${column} < ${value})`;
}

function equal(key: ResolvedSort, value: CursorValue): Expression<SqlBool> {
  const column = sql.ref(key.column);
  return value === null ? sql<boolean>`(${column} IS NULL)` : sql<boolean>`(${column} = ${value})`;
}

/**
 * A range condition implied by the keyset predicate on its first key, when one exists: it lets an
 * index on that column start the scan at the cursor instead of filtering every earlier row.
 */
function leadingBound(key: ResolvedSort, value: CursorValue): Expression<SqlBool> | null {
  const column = sql.ref(key.column);
  if (value === null) return key.direction === "asc" ? sql<boolean>`(${column} IS NULL)` : null;
  if (key.direction === "desc") return sql<boolean>`(${column} <= ${value})`;
  return NOT_NULL.has(key.column) ? sql<boolean>`(${column} >= ${value})` : null;
}

/** (k1 after v1) OR (k1 = v1 AND k2 after v2) OR ... — correct for mixed directions and nulls. */
function keysetPredicate(keys: readonly ResolvedSort[], values: readonly CursorValue[]): Expression<SqlBool> {
  const alternatives = keys.map((key, i) => {
    const equalities = keys.slice(0, i).map((k, j) => equal(k, values[j] ?? null));
    return sql.join([...equalities, after(key, values[i] ?? null)], sql` AND `);
  });
  const chain = sql<boolean>`(${sql.join(
    alternatives.map((a) => sql`(${a})`),
    sql` OR `,
  )})`;
  const first = keys[0];
  const bound = first ? leadingBound(first, values[0] ?? null) : null;
  return bound ? sql<boolean>`(${bound} AND ${chain})` : chain;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function projection(model: FormModel, query: RecordQuery): Set<string> | undefined {
  if (!query.fields) return undefined;
  const known = new Set(model.form.definition.fields.map((f) => f.id));
  query.fields.forEach((id, index) => {
    if (!known.has(id)) throw badRequest("BAD_REQUEST", `/fields/${index}`, `The form has no field "${id}"`);
  });
  return new Set(query.fields);
}

/** Throws INVALID_SORT (pointing at `/sort/<i>`) unless every key names a sortable field of the form. */
export function checkSort(form: PublishedForm, sort: readonly RecordSort[]): void {
  resolveSort(modelOf(form), { sort });
}

/**
 * A page of records. Count rule: exact (`count(*)`) when there is no search and every name in
 * `filterFields` is indexed (an `indexed`/`unique` field, a composite index member or $id); otherwise
 * counted up to 1,000 and reported as `{value: 1000, exact: false}` beyond.
 */
export async function queryRecords(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  query: RecordQuery = {},
): Promise<RecordPage> {
  const model = modelOf(form);
  const any = db as AnyDb;
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw badRequest("BAD_REQUEST", "/limit", `limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  if (query.offset !== undefined && (!Number.isInteger(query.offset) || query.offset < 0)) {
    throw badRequest("BAD_REQUEST", "/offset", "offset must be a non-negative integer");
  }
  if (query.offset !== undefined && query.cursor !== undefined) {
    throw badRequest("BAD_REQUEST", "/cursor", "Use either cursor or offset, not both");
  }
  const keys = resolveSort(model, query);
  const fields = projection(model, query);
  const signature = keys.map((k) => `${k.column}:${k.direction}`).join(",");

  let base = any.selectFrom(model.layout.table);
  const deleted = query.deleted ?? "exclude";
  if (deleted === "exclude") base = base.where("deleted_at", "is", null);
  if (deleted === "only") base = base.where("deleted_at", "is not", null);
  // Parenthesised: a raw `a OR b` must not bind looser than the ANDs around it.
  if (query.filter) base = base.where(sql<SqlBool>`(${query.filter})`);
  const search = query.search?.replaceAll(UNIT_SEPARATOR, "").trim();
  if (search) {
    const allowed = query.searchFields
      ? new Set(query.searchFields.map((id) => model.columnsById.get(id)?.column))
      : null;
    const columns = model.layout.searchColumns.filter((c) => !allowed || allowed.has(c)).map(quoteIdentifier);
    base = columns.length
      ? base.where(sql<boolean>`${sql.raw(searchExpression(columns))} ILIKE ${`%${escapeLike(search)}%`}`)
      : base.where(sql<boolean>`false`);
  }

  const systemColumns = [
    "id",
    "version",
    "created_by",
    "owner_id",
    "flow_status",
    "created_at",
    "updated_at",
    "deleted_at",
  ];
  const dataColumns = model.layout.columns
    .filter((c) => !fields || fields.has(c.fieldId))
    .map((c) => c.column);
  let page = base.select([...systemColumns, ...dataColumns]);
  // Sort keys travel as text so the cursor keeps full precision (microsecond timestamps, big numerics).
  keys.forEach((key, i) => {
    page = page.select(sql`${sql.ref(key.column)}::text`.as(`__k${i}`));
  });
  if (query.cursor !== undefined) {
    const values = decodeCursor(query.cursor, signature, keys.length);
    page = page.where(keysetPredicate(keys, values));
  }
  for (const key of keys) page = page.orderBy(sql.ref(key.column), key.direction);
  page = page.limit(limit + 1);
  if (query.offset) page = page.offset(query.offset);

  const countQuery = async () => {
    if (query.count === false) return { value: -1, exact: false };
    const exact =
      !search &&
      (!query.filter || (query.filterFields ?? [null]).every((n) => n !== null && model.indexed.has(n)));
    if (exact) {
      const row = await base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow();
      return { value: Number(row.n), exact: true };
    }
    const capped = base.select(sql`1`.as("one")).limit(COUNT_CAP + 1);
    const row = await any
      .selectFrom(capped.as("capped"))
      .select(sql<number>`count(*)::int`.as("n"))
      .executeTakeFirstOrThrow();
    const value = Number(row.n);
    return value > COUNT_CAP ? { value: COUNT_CAP, exact: false } : { value, exact: true };
  };

  const pageRows = query.prepare
    ? any.executeQuery(prepared(page.compile())).then((r) => r.rows as Row[])
    : (page.execute() as Promise<Row[]>);
  const [rows, count] = await Promise.all([pageRows, countQuery()]);
  const more = rows.length > limit;
  const visible = more ? rows.slice(0, limit) : rows;
  const wantChildren = model.layout.children.some((c) => !fields || fields.has(c.fieldId));
  const children = wantChildren
    ? await loadChildRows(
        any,
        model,
        visible.map((r) => String(r.id)),
        fields,
      )
    : null;
  const last = visible.at(-1);
  return {
    records: visible.map((row) => toApiRecord(row, model, children?.get(String(row.id)) ?? null, fields)),
    count,
    nextCursor:
      more && last
        ? encodeCursor(
            signature,
            keys.map((_, i) => (last[`__k${i}`] ?? null) as CursorValue),
          )
        : null,
  };
}
