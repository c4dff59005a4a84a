// Aggregations over a form's records (or one sub-form's rows) as ONE SQL GROUP BY: dimensions by field
// (of the records, or of a linked form's records through a link field) or by date bucket, measures
// count/distinct/sum/avg/min/max, totals by GROUPING SETS, a current and a previous window side by side
// (FILTER clauses), a predicate from the caller (filter AND row permissions), sorted and limited in SQL.
// Nothing is grouped, summed or sorted in JavaScript.
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { PublishedForm } from "../storage/types";
import type { SystemTables } from "../tables";
import {
  type AggregateOp,
  aggregatedFields,
  bad,
  type Column,
  checkMeasure,
  columnOf,
  DATES,
  type DateBucket,
  type Group,
  groupOf,
  measureSql,
} from "./aggregate-parts";
import { compareWindows, type DateWindow } from "./aggregate-windows";
import { modelOf } from "./model";
import { rollupDims, rollupInputs, rollupMeasureSql } from "./rollup-query";
import { findRollup, type Rollup } from "./rollups";

export { AGGREGATE_OPS, type AggregateOp, DATE_BUCKETS, type DateBucket } from "./aggregate-parts";

export const MAX_AGGREGATE_ROWS = 1_000;

/** A form reached through a link field, and the caller's row predicate over it (unqualified names). */
export interface LinkedSource {
  form: PublishedForm;
  filter?: Expression<SqlBool>;
}

export interface AggregateQuery {
  /** `via`: a link field of the aggregated table; `field` is then a field of the linked form. */
  groupBy: { field: string; bucket?: DateBucket; via?: string }[];
  measures: { op: AggregateOp; field?: string; via?: string }[];
  /** `g<i>` (a group) or `m<i>` (a measure); default: the groups in order. */
  sort?: { by: string; direction?: "asc" | "desc" }[];
  limit?: number;
  /** Rows of this sub-form field instead of the records; `filter` still applies to the records. */
  subform?: string;
  /** Over the parent table's columns, unqualified: the caller's filter AND its row predicate. */
  filter?: Expression<SqlBool>;
  /** Date buckets of timestamps are cut in this IANA zone (validated by the caller). */
  timeZone: string;
  /** Subtotals and the grand total (one level per group, both ways for two groups), rows `t<i>`. */
  totals?: boolean;
  /** Measures over [from, to] (local dates, inclusive) as `m<i>`, and over the as long window before as `p<i>`. */
  compare?: { field: string } & DateWindow;
  /** Forms reached by the `via` link fields, keyed by link field id. */
  links?: Record<string, LinkedSource>;
}

export interface AggregateResult {
  /**
   * One object per group: `g0..` the group keys (date buckets as 'YYYY-MM-DD' of their start), `m0..`,
   * with `compare` `p0..` (the previous window), with `totals` `t0..` (true: this key is rolled up).
   */
  rows: Record<string, string | number | boolean | null>[];
  /** More groups exist beyond `limit`. */
  truncated: boolean;
}

interface Join {
  alias: string;
  link: Column;
  multiple: boolean;
  source: LinkedSource;
  /** Linked column -> the alias the join exposes it as. */
  columns: Map<string, string>;
}

/** Resolves names to columns, adding a join per link field used; every exposed name is unique. */
class Sources {
  readonly joins = new Map<string, Join>();
  constructor(
    private readonly query: AggregateQuery,
    private readonly form: PublishedForm,
  ) {}

  column(name: string, via: string | undefined, path: string): Column {
    if (via === undefined) return columnOf(this.form, this.query.subform, name, `${path}/field`);
    const join = this.join(via, `${path}/via`);
    const col = columnOf(join.source.form, undefined, name, `${path}/field`);
    let alias = join.columns.get(col.column);
    if (!alias) {
      alias = `${join.alias}_${join.columns.size}`;
      join.columns.set(col.column, alias);
    }
    return { column: alias, sqlType: col.sqlType };
  }

  private join(via: string, path: string): Join {
    const known = this.joins.get(via);
    if (known) return known;
    const fields = aggregatedFields(this.form, this.query.subform);
    const field = fields?.find((f) => f.id === via);
    if (field?.type !== "link") throw bad(path, `"${via}" is not a link field here`, "UNKNOWN_FIELD");
    const source = this.query.links?.[via];
    if (!source) throw bad(path, `The form linked by "${via}" is not available`, "UNKNOWN_FIELD");
    const join: Join = {
      alias: `__l${this.joins.size}`,
      link: columnOf(this.form, this.query.subform, via, path),
      multiple: field.multiple === true,
      source,
      columns: new Map(),
    };
    this.joins.set(via, join);
    return join;
  }
}

function joinSql(join: Join): RawBuilder<unknown> {
  const table = modelOf(join.source.form).layout.table;
  const exposed = [
    sql`id::text AS ${sql.ref(`${join.alias}_id`)}`,
    ...[...join.columns].map(([column, alias]) => sql`${sql.ref(column)} AS ${sql.ref(alias)}`),
  ];
  // The linked form's row predicate sits inside the join: a record the caller may not see reveals
  // nothing (its values read as null), and the outer record still counts.
  const where = join.source.filter ? sql` AND (${join.source.filter})` : sql``;
  const id = sql.ref(`${join.alias}_id`);
  const link = sql.ref(join.link.column);
  const on = join.multiple ? sql`${id} = ANY(${link})` : sql`${id} = ${link}`;
  return sql` LEFT JOIN (SELECT ${sql.join(exposed)} FROM ${sql.table(table)} WHERE deleted_at IS NULL${where}) AS ${sql.ref(join.alias)} ON ${on}`;
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
  if (query.totals && query.groupBy.length > 2) throw bad("/totals", "Totals take at most two groups");
  const sources = new Sources(query, form);
  const groups: Group[] = query.groupBy.map((g, i) =>
    groupOf(sources.column(g.field, g.via, `/groupBy/${i}`), g.bucket, query.timeZone, `/groupBy/${i}`, i),
  );
  const inputs = query.measures.map((m, i) => {
    const col = m.field === undefined ? undefined : sources.column(m.field, m.via, `/measures/${i}`);
    checkMeasure(m.op, col, `/measures/${i}`);
    return col;
  });
  const names = new Set([...groups.map((_, i) => `g${i}`), ...inputs.map((_, i) => `m${i}`)]);
  if (query.compare) {
    for (let i = 0; i < inputs.length; i++) names.add(`p${i}`);
  }
  (query.sort ?? []).forEach((key, i) => {
    if (!names.has(key.by)) throw bad(`/sort/${i}/by`, `"${key.by}" is neither a group nor a measure`);
  });
  let window:
    | { column: RawBuilder<unknown>; cut: RawBuilder<unknown>; range: RawBuilder<unknown> }
    | undefined;
  if (query.compare) {
    const col = columnOf(form, query.subform, query.compare.field, "/compare/field");
    if (!DATES.has(col.sqlType)) throw bad("/compare/field", "The compared field must be a date");
    const w = compareWindows(query.compare, "/compare");
    // Local midnights of the zone for timestamps; plain dates compare as dates.
    const at = (day: string) =>
      col.sqlType === "timestamptz"
        ? sql`(${day}::date::timestamp AT TIME ZONE ${sql.lit(query.timeZone)})`
        : sql`${day}::date`;
    const ref = sql.ref(col.column);
    window = {
      column: ref,
      cut: at(w.currentStart),
      range: sql`${ref} >= ${at(w.previousStart)} AND ${ref} < ${at(w.currentEnd)}`,
    };
  }

  // A rollup holding every group and the compared field answers an unfiltered count/sum/avg exactly.
  const wantsRollup = !child && sources.joins.size === 0 && !query.filter;
  const needs = wantsRollup ? rollupDims(query, inputs, form) : undefined;
  const rollup: Rollup | undefined = needs ? await findRollup(db, form.id, needs) : undefined;

  // FROM and WHERE. Columns stay unqualified, as the caller's predicate is: it was compiled for the
  // records table alone, and every joined name is prefixed so nothing becomes ambiguous.
  const parts: RawBuilder<unknown>[] = [];
  const where: RawBuilder<unknown>[] = [];
  if (child) {
    parts.push(sql`${sql.table(child.table)}`);
    // Sub-form rows of the records that pass; inside the subquery the names resolve to the parent.
    where.push(
      sql`parent_id IN (SELECT id FROM ${sql.table(model.layout.table)} WHERE deleted_at IS NULL${
        query.filter ? sql` AND (${query.filter})` : sql``
      })`,
    );
  } else if (rollup) {
    parts.push(sql`${sql.table(rollup.name)}`);
    where.push(sql`__n <> 0`);
  } else {
    parts.push(sql`${sql.table(model.layout.table)}`);
    where.push(sql`deleted_at IS NULL`);
    if (query.filter) where.push(sql`(${query.filter})`);
  }
  if (window) where.push(window.range);
  for (const join of sources.joins.values()) parts.push(joinSql(join));
  groups.forEach((g, i) => {
    // LEFT: a record with no value still counts, under the null group.
    if (g.unnest)
      parts.push(sql` LEFT JOIN LATERAL (SELECT unnest(${g.unnest}) AS v) AS ${sql.ref(`__u${i}`)} ON true`);
  });
  const from = sql`${sql.join(parts, sql``)} WHERE ${sql.join(where, sql` AND `)}`;

  const measure = (i: number, input: RawBuilder<unknown> | null, filter?: RawBuilder<unknown>) =>
    rollup
      ? rollupMeasureSql(query.measures[i]!.op, inputs[i], filter)
      : measureSql(query.measures[i]!.op, input, inputs[i]?.sqlType, filter);
  const measuresOver = (input: (i: number) => RawBuilder<unknown> | null, cut?: RawBuilder<unknown>) =>
    inputs.flatMap((_, i) => {
      if (!window || !cut) return [sql`${measure(i, input(i))} AS ${sql.ref(`m${i}`)}`];
      return [
        sql`${measure(i, input(i), sql`${window.column} >= ${cut}`)} AS ${sql.ref(`m${i}`)}`,
        sql`${measure(i, input(i), sql`${window.column} < ${cut}`)} AS ${sql.ref(`p${i}`)}`,
      ];
    });

  let statement: RawBuilder<unknown>;
  const sort = query.sort?.length
    ? query.sort
    : groups.map((_, i) => ({ by: `g${i}`, direction: "asc" as const }));
  const order = sort.map(
    (key) => sql`${sql.ref(key.by)} ${sql.raw(key.direction === "desc" ? "DESC" : "ASC")} NULLS LAST`,
  );
  if (query.totals && groups.length > 0) {
    // Keys and measure inputs are computed once in a derived table, then grouped by their names: CUBE
    // gives the per-row and per-column subtotals and the grand total of a pivot, all in this statement.
    const inner = [
      ...groups.map((g, i) => sql`${g.expr} AS ${sql.ref(`g${i}`)}`),
      ...(rollup
        ? rollupInputs(inputs).map((c) => sql.ref(c))
        : inputs.map((c, i) =>
            c ? sql`${sql.ref(c.column)} AS ${sql.ref(`v${i}`)}` : sql`NULL AS ${sql.ref(`v${i}`)}`,
          )),
      ...(window ? [sql`${window.column} AS __w`] : []),
    ];
    const keys = groups.map((_, i) => sql.ref(`g${i}`));
    if (window) window = { ...window, column: sql.ref("__w") };
    const outer = [
      ...keys.map((k, i) => sql`${k} AS ${sql.ref(`g${i}`)}`),
      ...measuresOver((i) => (inputs[i] ? sql.ref(`v${i}`) : null), window?.cut),
      ...keys.map((k, i) => sql`GROUPING(${k}) = 1 AS ${sql.ref(`t${i}`)}`),
    ];
    // Totals first, so a limit never drops them.
    const rolled = sql.join(keys.map((k) => sql`GROUPING(${k}) DESC`));
    statement = sql`SELECT ${sql.join(outer)} FROM (SELECT ${sql.join(inner)} FROM ${from}) AS __s GROUP BY CUBE(${sql.join(keys)}) ORDER BY ${rolled}, ${sql.join(order)} LIMIT ${limit + 1}`;
  } else {
    const select = [
      ...groups.map((g, i) => sql`${g.expr} AS ${sql.ref(`g${i}`)}`),
      ...measuresOver((i) => (inputs[i] ? sql.ref(inputs[i]!.column) : null), window?.cut),
    ];
    // Ordinals, not repeated expressions: a parameter in a repeated expression would not match its twin.
    const groupBy =
      groups.length > 0 ? sql` GROUP BY ${sql.raw(groups.map((_, i) => String(i + 1)).join(", "))}` : sql``;
    const orderBy = order.length > 0 ? sql` ORDER BY ${sql.join(order)}` : sql``;
    statement = sql`SELECT ${sql.join(select)} FROM ${from}${groupBy}${orderBy} LIMIT ${limit + 1}`;
  }
  const rows = (await statement.execute(db)).rows as AggregateResult["rows"];
  return { rows: rows.slice(0, limit), truncated: rows.length > limit };
}
