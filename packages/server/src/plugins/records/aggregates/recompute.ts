// Recomputing stored aggregation values in SQL, inside the writing transaction. One UPDATE sets the
// totals of many records at once with a correlated sub-query over the aggregated form, unless the filter
// reads this record's own fields ($record.x): those compile per record, one UPDATE each.
//
// The value is derived data: the update bumps neither the record's version (an editor open on the
// record must not get a 412 because a payment was logged) nor its history.
import { filterScopeFor, type PublishedForm } from "@formwork/db";
import { compileFilter } from "@formwork/expressions";
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import type { Db } from "../../../database";
import type { AggregatePlan } from "./plan";

/** Records recomputed per statement when the filter must compile per record. */
const PAGE = 500;

export interface AggregateTarget {
  /** The form holding the aggregation field. */
  form: PublishedForm;
  plan: AggregatePlan;
  /** The aggregated form (published). */
  source: PublishedForm;
  timeZone: string;
}

function column(form: PublishedForm, fieldId: string): { column: string; valueType: string } | undefined {
  const field = filterScopeFor(form, { now: new Date(), timeZone: "UTC" }).fields[fieldId];
  return field ? { column: field.column, valueType: field.valueType } : undefined;
}

function measureSql(target: AggregateTarget): RawBuilder<unknown> | undefined {
  const { plan, source } = target;
  if (plan.measure === "count") return sql`count(*)`;
  const measured = plan.measured !== undefined ? column(source, plan.measured) : undefined;
  if (measured?.valueType !== "number") return undefined;
  const ref = sql.ref(`s.${measured.column}`);
  switch (plan.measure) {
    case "sum":
      return sql`coalesce(sum(${ref}), 0)`;
    case "avg":
      return sql`avg(${ref})`;
    case "min":
      return sql`min(${ref})`;
    case "max":
      return sql`max(${ref})`;
  }
}

/** The link condition correlated on the outer record `t`. */
function linkSql(target: AggregateTarget): Expression<SqlBool> | null | undefined {
  if (target.plan.link === undefined) return null;
  const link = column(target.source, target.plan.link);
  if (!link) return undefined;
  const ref = sql.ref(`s.${link.column}`);
  if (link.valueType === "id") return sql<SqlBool>`${ref} = t.id::text`;
  if (link.valueType === "idArray") return sql<SqlBool>`t.id::text = ANY(${ref})`;
  return undefined;
}

function restSql(target: AggregateTarget, params: Record<string, unknown>): Expression<SqlBool> | undefined {
  if (target.plan.rest === undefined) return sql<SqlBool>`true`;
  const scope = filterScopeFor(target.source, {
    now: new Date(),
    timeZone: target.timeZone,
    table: "s",
    params,
  });
  const compiled = compileFilter(target.plan.rest, scope);
  return compiled.ok ? compiled.expr : undefined;
}

/**
 * Sets the aggregation of the target form's records `ids` ("all": every record) and returns the ids
 * whose value changed (none for "all": a backfill over a million records does not read them back); a
 * row whose total is the same is not written (no dead tuple, no realtime hint). A
 * definition the aggregated form cannot serve (a measured field that is not a number, an unknown link
 * or filter field after that form changed) leaves the values blank rather than failing the user's write.
 */
export async function recomputeAggregate(
  tx: Db,
  target: AggregateTarget,
  ids: readonly string[] | "all",
): Promise<string[]> {
  if (ids !== "all" && ids.length === 0) return [];
  const into = column(target.form, target.plan.fieldId);
  if (!into) return [];
  const measure = measureSql(target);
  const link = linkSql(target);
  const set = sql.ref(into.column);
  const table = sql.table(`${target.form.tableName}`);
  const from = sql.table(`${target.source.tableName}`);
  const returning = (alias: string) => (ids === "all" ? sql`` : sql`RETURNING ${sql.ref(`${alias}.id`)}`);
  // The value is computed once per record (in `v`) and compared before writing.
  const statement = (rest: Expression<SqlBool> | undefined, where: Expression<SqlBool>) =>
    !measure || link === undefined || !rest
      ? sql<{ id: string }>`UPDATE ${table} AS t SET ${set} = NULL WHERE ${where} AND ${set} IS NOT NULL
          ${returning("t")}`
      : sql<{ id: string }>`UPDATE ${table} AS o SET ${set} = v.value
          FROM (
            SELECT t.id, (
              SELECT ${measure} FROM ${from} AS s
              WHERE s.deleted_at IS NULL AND ${link ?? sql<SqlBool>`true`} AND ${rest}
            ) AS value
            FROM ${table} AS t WHERE ${where}
          ) AS v
          WHERE o.id = v.id AND ${sql.ref(`o.${into.column}`)} IS DISTINCT FROM v.value
          ${returning("o")}`;
  const idsWhere = (list: readonly string[]) => sql<SqlBool>`t.id = ANY(${list}::uuid[])`;
  const changed: string[] = [];
  const run = async (rest: Expression<SqlBool> | undefined, where: Expression<SqlBool>) => {
    for (const row of (await statement(rest, where).execute(tx)).rows) changed.push(String(row.id));
  };

  if (target.plan.recordRefs.length === 0) {
    await run(restSql(target, {}), ids === "all" ? sql<SqlBool>`true` : idsWhere(ids));
    return changed;
  }
  // The filter reads the record's own values: one statement per record, its values as parameters.
  const refs = target.plan.recordRefs
    .map((r) => ({ ...r, column: column(target.form, r.field)?.column }))
    .filter((r): r is typeof r & { column: string } => r.column !== undefined);
  const select = (list: readonly string[] | undefined, after: string | undefined) =>
    sql<Record<string, unknown>>`SELECT t.id, ${sql.join(
      refs.length ? refs.map((r) => sql`${sql.ref(`t.${r.column}`)} AS ${sql.id(r.name)}`) : [sql`NULL`],
    )} FROM ${table} AS t WHERE ${list ? idsWhere(list) : sql`true`}
      ${after ? sql`AND t.id > ${after}::uuid` : sql``} ORDER BY t.id LIMIT ${PAGE}`;
  let after: string | undefined;
  for (let page = 0; ; page++) {
    const chunk = ids === "all" ? undefined : ids.slice(page * PAGE, (page + 1) * PAGE);
    if (chunk && chunk.length === 0) return changed;
    const rows = (await select(chunk, ids === "all" ? after : undefined).execute(tx)).rows;
    for (const row of rows) {
      const params: Record<string, unknown> = { "$record.id": row.id };
      for (const r of refs) params[r.name] = row[r.name] ?? null;
      await run(restSql(target, params), sql<SqlBool>`t.id = ${row.id}::uuid`);
    }
    if (ids === "all") {
      if (rows.length < PAGE) return changed;
      after = String(rows[rows.length - 1]!.id);
    }
  }
}
