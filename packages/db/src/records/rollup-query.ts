// Reading an aggregation from a rollup (rollups.ts): which grouped columns the query needs, and the
// measures as sums of the rollup's partial counts and sums. Only what follows exactly from counts and
// sums qualifies: count, sum and avg of number fields; distinct, min and max scan the records.
import { type RawBuilder, sql } from "kysely";
import type { PublishedForm } from "../storage/types";
import type { AggregateQuery } from "./aggregate";
import { type AggregateOp, type Column, columnOf } from "./aggregate-parts";
import { countColumn, type RollupDim, sumColumn } from "./rollups";

const NUMBERS = new Set<string>(["numeric", "integer"]);

/** The rollup groups `query` needs, or undefined when a rollup cannot answer it. */
export function rollupDims(
  query: AggregateQuery,
  inputs: readonly (Column | undefined)[],
  form: PublishedForm,
): RollupDim[] | undefined {
  for (const [i, m] of query.measures.entries()) {
    const col = inputs[i];
    if (m.op === "count" && !col) continue;
    if (!(m.op === "count" || m.op === "sum" || m.op === "avg") || !col || !NUMBERS.has(col.sqlType))
      return undefined;
  }
  const dims: RollupDim[] = [];
  const add = (name: string, bucketed: boolean): boolean => {
    const col = columnOf(form, undefined, name, "");
    if (col.sqlType === "timestamptz") {
      if (!bucketed) return false;
      dims.push({ column: col.column, zone: query.timeZone });
    } else dims.push({ column: col.column });
    return true;
  };
  for (const g of query.groupBy)
    if (g.via !== undefined || !add(g.field, g.bucket !== undefined)) return undefined;
  if (query.compare && !add(query.compare.field, true)) return undefined;
  return dims;
}

/** The rollup columns the measures read (with `__n`), for a derived table. */
export function rollupInputs(inputs: readonly (Column | undefined)[]): string[] {
  const names = new Set<string>(["__n"]);
  for (const c of inputs) {
    if (c) names.add(sumColumn(c.column)).add(countColumn(c.column));
  }
  return [...names];
}

/** `op` over the rollup's rows: count = Σ counts, sum = Σ sums (null without values), avg = Σ sums / Σ counts. */
export function rollupMeasureSql(
  op: AggregateOp,
  col: Column | undefined,
  filter?: RawBuilder<unknown>,
): RawBuilder<unknown> {
  const only = filter ? sql` FILTER (WHERE ${filter})` : sql``;
  if (!col) return sql`coalesce(sum(__n)${only}, 0)::int`;
  const s = sql.ref(sumColumn(col.column));
  const c = sql.ref(countColumn(col.column));
  if (op === "count") return sql`coalesce(sum(${c})${only}, 0)::int`;
  // sum(integer) is bigint on the records; the same type here, so both answer the same JSON.
  const cast = sql.raw(col.sqlType === "integer" ? "::bigint" : "");
  if (op === "sum")
    return sql`(CASE WHEN coalesce(sum(${c})${only}, 0) = 0 THEN NULL ELSE sum(${s})${only} END)${cast}`;
  // avg(x) is numeric_div(Σx, n) in PostgreSQL: the same division, the same digits.
  return sql`(sum(${s})${only} / NULLIF(sum(${c})${only}, 0))`;
}

/**
 * The rollup that would serve `query` unfiltered (what a dashboard widget asks for when it is saved),
 * or undefined when none could: links, sub-forms, distinct/min/max, or nothing to group by.
 */
export function rollupFor(
  form: PublishedForm,
  query: Pick<AggregateQuery, "groupBy" | "measures" | "compare" | "timeZone">,
): RollupDim[] | undefined {
  if (query.measures.some((m) => m.via !== undefined)) return undefined;
  try {
    const inputs = query.measures.map((m, i) =>
      m.field === undefined ? undefined : columnOf(form, undefined, m.field, `/measures/${i}`),
    );
    const dims = rollupDims({ ...query, groupBy: query.groupBy }, inputs, form);
    return dims && dims.length > 0 ? dims : undefined;
  } catch {
    // A field the published version does not have (yet): nothing to build.
    return undefined;
  }
}
