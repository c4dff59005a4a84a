// Rollups (预聚合) dashboards ask for: per form, a small table of live-record counts and sums grouped by
// some of the form's columns, so a dashboard widget reads a few hundred rows instead of scanning every
// record. A rollup holds, per group, `__n` (records) and for every number column of the form `__s_<col>`
// (sum) and `__c_<col>` (non-null values): count, sum and avg of any subset of its groups, and the
// coarser date buckets of a day, follow exactly. Its grouped columns keep the record table's names, so
// the aggregation's group expressions run on it unchanged; a timestamp is kept as the local midnight of
// its day in one zone (the buckets and compared windows of that zone are then exact).
//
// Kept current inside the writing transaction by statement triggers on the record table (transition
// tables, one grouped upsert per statement, so a 1,000-row batch costs one statement per rollup, not
// 1,000). Every write path (submits, imports, automations, deletes, restores) goes through them. Each
// group is kept in up to STRIPES rows, one per connection (`__stripe`, the backend's pid modulo
// STRIPES), which reads sum anyway: writers of one group on different connections no longer wait for
// each other's commit on a single rollup row (measured: 32 writers of one group ran at half the rate
// of a plain form with one row per group; docs/benchmarks.md, 5b).
import { type Kysely, sql } from "kysely";
import type { SqlType } from "../storage/columns";
import { CATALOG_TYPE } from "../storage/columns";
import { SYSTEM_FIELDS } from "../storage/layout";
import { boundedIdentifier, quoteIdentifier, shortHash } from "../storage/names";
import type { PublishedForm } from "../storage/types";
import type { SystemTables } from "../tables";
import { inTransaction } from "../transaction";
import { modelOf } from "./model";

/** A grouped column; `zone`: a timestamp kept as its local day there. */
export interface RollupDim {
  column: string;
  zone?: string;
}

export interface Rollup {
  name: string;
  dims: RollupDim[];
}

/** Rows a group is spread over; a read sums at most this many per group. */
const STRIPES = 16;

/** At most this many rollups per form: each one costs every write to it. */
export const MAX_ROLLUPS = 12;
const NUMBERS = new Set<string>(["numeric", "integer"]);
const ZONE = /^[A-Za-z0-9_+\-/]{1,64}$/;

export const sumColumn = (column: string) => boundedIdentifier(`__s_${column}`);
export const countColumn = (column: string) => boundedIdentifier(`__c_${column}`);

function canonical(dims: readonly RollupDim[]): RollupDim[] {
  const seen = new Map<string, RollupDim>();
  for (const d of dims) seen.set(`${d.column}@${d.zone ?? ""}`, d.zone ? { ...d } : { column: d.column });
  return [...seen.values()].sort((a, b) =>
    `${a.column}@${a.zone ?? ""}` < `${b.column}@${b.zone ?? ""}` ? -1 : 1,
  );
}

function rollupName(table: string, dims: readonly RollupDim[]): string {
  return boundedIdentifier(`${table}__ru_${shortHash(JSON.stringify(dims), 12)}`);
}

/** The columns of the record table with their types: the form's fields and the system columns. */
function tableColumns(form: PublishedForm): Map<string, SqlType | "uuid"> {
  const columns = new Map<string, SqlType | "uuid">();
  for (const c of modelOf(form).layout.columns) columns.set(c.column, c.sqlType);
  for (const s of Object.values(SYSTEM_FIELDS)) columns.set(s.column, s.sqlType);
  return columns;
}

/** Whether `dims` can be kept for this form's table as it is now (columns present, zones on timestamps). */
function fits(form: PublishedForm, dims: readonly RollupDim[]): boolean {
  const columns = tableColumns(form);
  return dims.every((d) => {
    const type = columns.get(d.column);
    if (type === undefined || type === "jsonb") return false;
    return d.zone === undefined ? type !== "timestamptz" : type === "timestamptz" && ZONE.test(d.zone);
  });
}

const lit = (text: string) => `'${text.replaceAll("'", "''")}'`;

function dimExpr(d: RollupDim, from: string): string {
  const ref = `${from}.${quoteIdentifier(d.column)}`;
  if (!d.zone) return ref;
  return `(date_trunc('day', ${ref} AT TIME ZONE ${lit(d.zone)}) AT TIME ZONE ${lit(d.zone)})`;
}

/** CREATE TABLE, fill, triggers: in the caller's transaction (the trigger locks writers out until it commits). */
async function build(db: Kysely<SystemTables>, form: PublishedForm, rollup: Rollup): Promise<void> {
  const columns = tableColumns(form);
  const table = quoteIdentifier(form.tableName);
  const name = quoteIdentifier(rollup.name);
  const fn = quoteIdentifier(boundedIdentifier(`${rollup.name}_fn`));
  const numbers = modelOf(form).layout.columns.filter((c) => NUMBERS.has(c.sqlType));
  const dimCols = rollup.dims.map((d) => quoteIdentifier(d.column));
  const ddl = [
    ...rollup.dims.map((d) => {
      const type = columns.get(d.column)!;
      return `${quoteIdentifier(d.column)} ${type === "uuid" ? "uuid" : CATALOG_TYPE[type]}`;
    }),
    "__n bigint NOT NULL",
    ...numbers.flatMap((c) => [
      `${quoteIdentifier(sumColumn(c.column))} numeric NOT NULL DEFAULT 0`,
      `${quoteIdentifier(countColumn(c.column))} bigint NOT NULL DEFAULT 0`,
    ]),
    "__stripe smallint NOT NULL DEFAULT 0",
    `UNIQUE NULLS NOT DISTINCT (__stripe, ${dimCols.join(", ")})`,
  ];
  const measures = ["__n", ...numbers.flatMap((c) => [sumColumn(c.column), countColumn(c.column)])].map(
    quoteIdentifier,
  );
  const targets = [...dimCols, ...measures].join(", ");
  const grouped = (from: string, sign: string) =>
    `SELECT ${[
      ...rollup.dims.map((d) => dimExpr(d, from)),
      `${sign}count(*)`,
      ...numbers.flatMap((c) => {
        const ref = `${from}.${quoteIdentifier(c.column)}`;
        return [`${sign}coalesce(sum(${ref}), 0)`, `${sign}count(${ref})`];
      }),
    ].join(
      ", ",
    )} FROM ${from} WHERE ${from}.deleted_at IS NULL GROUP BY ${rollup.dims.map((_, i) => i + 1).join(", ")}`;
  const upsert = (from: string, sign: string) =>
    `INSERT INTO ${name} AS r (__stripe, ${targets})
       SELECT (pg_backend_pid() % ${STRIPES})::smallint, g.* FROM (${grouped(from, sign)}) g
       ON CONFLICT (__stripe, ${dimCols.join(", ")}) DO UPDATE SET ${measures
         .map((t) => `${t} = r.${t} + EXCLUDED.${t}`)
         .join(", ")};`;
  await sql.raw(`CREATE TABLE ${name} (${ddl.join(", ")})`).execute(db);
  await sql
    .raw(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ${upsert("__old", "-")} END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN ${upsert("__new", "")} END IF;
  RETURN NULL;
END $body$`)
    .execute(db);
  const trigger = (op: string, refs: string) =>
    sql
      .raw(
        `CREATE TRIGGER ${quoteIdentifier(boundedIdentifier(`${rollup.name}_${op.toLowerCase().slice(0, 3)}`))} AFTER ${op} ON ${table} REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      )
      .execute(db);
  await trigger("INSERT", "NEW TABLE AS __new");
  await trigger("UPDATE", "OLD TABLE AS __old NEW TABLE AS __new");
  await trigger("DELETE", "OLD TABLE AS __old");
  await sql.raw(`INSERT INTO ${name} (${targets}) ${grouped(table, "")}`).execute(db);
}

async function drop(db: Kysely<SystemTables>, name: string): Promise<void> {
  // The function's CASCADE takes its three triggers with it.
  await sql
    .raw(`DROP FUNCTION IF EXISTS ${quoteIdentifier(boundedIdentifier(`${name}_fn`))}() CASCADE`)
    .execute(db);
  await sql.raw(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`).execute(db);
}

async function registered(db: Kysely<SystemTables>, formId: string): Promise<Rollup[]> {
  const { rows } = await sql<{ name: string; dims: RollupDim[] }>`
    SELECT name, dims FROM form_rollups WHERE form_id = ${formId} ORDER BY name`.execute(db);
  return rows;
}

/**
 * Builds the rollups asked for that do not exist yet (up to MAX_ROLLUPS per form); dims that do not fit
 * the form's table are skipped. Returns the names of the rollups that now serve the requests.
 */
export async function requestRollups(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  requests: readonly (readonly RollupDim[])[],
): Promise<string[]> {
  const wanted = requests.map(canonical).filter((dims) => dims.length > 0 && fits(form, dims));
  if (wanted.length === 0) return [];
  return inTransaction(db, async (trx) => {
    // Serialises builders of one form, so a rollup is built once and the cap holds.
    await trx.selectFrom("forms").select("id").where("id", "=", form.id).forUpdate().execute();
    const known = new Set((await registered(trx, form.id)).map((r) => r.name));
    const names: string[] = [];
    for (const dims of wanted) {
      const name = rollupName(form.tableName, dims);
      if (!known.has(name)) {
        if (known.size >= MAX_ROLLUPS) continue;
        await build(trx, form, { name, dims });
        await sql`INSERT INTO form_rollups (form_id, name, dims) VALUES (${form.id}, ${name}, ${JSON.stringify(dims)}::jsonb)`.execute(
          trx,
        );
        known.add(name);
      }
      names.push(name);
    }
    return names;
  });
}

/** Drops the form's rollup tables and triggers (before its table changes); the registry is kept. */
export async function dropRollups(db: Kysely<SystemTables>, formId: string): Promise<void> {
  for (const r of await registered(db, formId)) await drop(db, r.name);
}

/** Rebuilds the registered rollups that still fit the form (after a publish); forgets the others. */
export async function rebuildRollups(db: Kysely<SystemTables>, form: PublishedForm): Promise<void> {
  for (const r of await registered(db, form.id)) {
    await drop(db, r.name);
    if (fits(form, r.dims)) await build(db, form, r);
    else await sql`DELETE FROM form_rollups WHERE form_id = ${form.id} AND name = ${r.name}`.execute(db);
  }
}

/** The registered rollup with the fewest groups that holds every one of `dims`, if any. */
export async function findRollup(
  db: Kysely<SystemTables>,
  formId: string,
  dims: readonly RollupDim[],
): Promise<Rollup | undefined> {
  const has = (r: Rollup, d: RollupDim) => r.dims.some((x) => x.column === d.column && x.zone === d.zone);
  return (await registered(db, formId))
    .filter((r) => dims.every((d) => has(r, d)))
    .sort((a, b) => a.dims.length - b.dims.length)[0];
}
