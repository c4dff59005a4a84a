// The statement that creates records. A batch binds one array parameter per column and `unnest`s them
// back into rows (a lone record binds plain values), so the text depends only on the form and its
// version: built once, and sent as a prepared statement on PostgreSQL. A 1,000-row batch binds ~30
// parameters instead of ~25,000. The create revisions are written by the same statement, and a guard
// inserts nothing unless the form's published version is still the one the values were prepared
// against, so a process holding an older definition (a cache on another instance) never writes through
// it. Measured against a multi-row VALUES insert and json_populate_recordset: docs/benchmarks.md §3.
import { FormworkError } from "@formwork/schema";
import { CompiledQuery, type Kysely } from "kysely";
import { prepared } from "../prepared";
import type { SqlType } from "../storage/columns";
import { quoteIdentifier } from "../storage/names";
import type { PublishedForm } from "../storage/types";
import type { SystemTables } from "../tables";
import type { FormModel } from "./model";
import type { Row } from "./values";

export interface InsertColumn {
  column: string;
  /** How the values travel: text[] and jsonb columns as text (cast in the statement), the rest typed. */
  sqlType: SqlType | "uuid";
  /** The field whose value fills it; null for system columns. */
  fieldId: string | null;
}

/** The system columns a create sets (version and timestamps take their defaults). */
export const SYSTEM_INSERT_COLUMNS: InsertColumn[] = [
  { column: "id", sqlType: "uuid", fieldId: null },
  { column: "created_by", sqlType: "uuid", fieldId: null },
  { column: "owner_id", sqlType: "uuid", fieldId: null },
  { column: "dept_id", sqlType: "uuid", fieldId: null },
  { column: "flow_status", sqlType: "text", fieldId: null },
];

export interface SystemValues {
  id: string;
  createdBy: string | null;
  ownerId: string | null;
  deptId: string | null;
  flowStatus: string | null;
}

interface InsertPlan {
  columns: InsertColumn[];
  /**
   * The CTEs (the insert and its revisions), then the final SELECT: `${head} ${tail} ${answer}` is the
   * statement; the insert's guard ends `head`, where more conditions may be added.
   */
  head: string;
  tail: string;
  answer: string;
  /** Whole texts with more CTEs (alsoText), by the number of guarded forms, then the CTEs' text. */
  withAlso: Map<number, Map<string, string>>;
}

/** A single record binds plain values; a batch binds one array per column and unnests them. */
type Shape = "one" | "many";

const plans = new WeakMap<FormModel, Record<Shape, InsertPlan>>();

/** text[] and jsonb values travel as text (array literal, JSON) and are cast per row. */
export const castInSelect = (sqlType: InsertColumn["sqlType"]) => sqlType === "text[]" || sqlType === "jsonb";
export const paramType = (sqlType: InsertColumn["sqlType"]) => (castInSelect(sqlType) ? "text" : sqlType);

const selected = (column: InsertColumn, i: number) =>
  castInSelect(column.sqlType) ? `u.c${i}::${column.sqlType}` : `u.c${i}`;

/** The condition, inside an insert statement's CTEs, that the insert wrote its rows (its guard held). */
export const INSERTED = "EXISTS (SELECT 1 FROM inserted)";

/**
 * What the statement answers per record: what the database assigned. The caller has the values it
 * wrote; reading them back would cost the database their output and the driver their parsing.
 */
export const INSERT_RETURNING = ["id", "version", "created_at", "updated_at"] as const;

function planOf(model: FormModel, shape: Shape): InsertPlan {
  let known = plans.get(model);
  if (!known) {
    known = { one: buildPlan(model, "one"), many: buildPlan(model, "many") };
    plans.set(model, known);
  }
  return known[shape];
}

function buildPlan(model: FormModel, shape: Shape): InsertPlan {
  const columns: InsertColumn[] = [
    ...SYSTEM_INSERT_COLUMNS,
    ...model.layout.columns.map((c) => ({ column: c.column, sqlType: c.sqlType, fieldId: c.fieldId })),
  ];
  const n = columns.length;
  const [form, version, actor] = [n + 1, n + 2, n + 3];
  const param = (c: InsertColumn, i: number) =>
    `$${i + 1}::${paramType(c.sqlType)}${shape === "many" ? "[]" : ""}`;
  const source =
    shape === "many"
      ? `unnest(${columns.map(param).join(", ")})`
      : `(SELECT ${columns.map(param).join(", ")})`;
  const returning = INSERT_RETURNING.join(", ");
  const head = [
    `WITH inserted AS (INSERT INTO ${quoteIdentifier(model.layout.table)}`,
    `(${columns.map((c) => quoteIdentifier(c.column)).join(", ")})`,
    `SELECT ${columns.map(selected).join(", ")}`,
    `FROM ${source} AS u(${columns.map((_, i) => `c${i}`).join(", ")})`,
    `WHERE ${isCurrent(`$${form}`, `$${version}`)}`,
  ].join(" ");
  const tail = [
    `RETURNING ${returning}),`,
    "revised AS (INSERT INTO revisions (id, form_id, record_id, version, actor, action, diff)",
    `SELECT id, $${form}::uuid, id, version, $${actor}::uuid, 'create', '{}'::jsonb FROM inserted)`,
  ].join(" ");
  return { columns, head, tail, answer: `SELECT ${returning} FROM inserted`, withAlso: new Map() };
}

/** The guard: the form (id, version: placeholders) is still published at that version. */
const isCurrent = (id: string, version: string) =>
  `EXISTS (SELECT 1 FROM forms WHERE id = ${id}::uuid AND published_version = ${version}::integer AND deleted_at IS NULL)`;

/** A PostgreSQL array literal of strings: every element quoted, `"` and `\` escaped. */
export function textArrayLiteral(values: readonly unknown[]): string {
  let out = "{";
  for (const [i, value] of values.entries()) {
    if (i > 0) out += ",";
    out += value === null || value === undefined ? "NULL" : `"${String(value).replace(/["\\]/g, "\\$&")}"`;
  }
  return `${out}}`;
}

export function encode(sqlType: InsertColumn["sqlType"], value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (sqlType === "jsonb") return JSON.stringify(value);
  if (sqlType === "text[]") return textArrayLiteral(Array.isArray(value) ? value : [value]);
  return value;
}

/** Refuses data keys that are neither a column nor a sub-form of the form. */
export function checkKeys(model: FormModel, data: Record<string, unknown>): void {
  for (const fieldId of Object.keys(data)) {
    if (!model.columnsById.has(fieldId) && !model.childrenById.has(fieldId)) {
      throw new FormworkError("UNKNOWN_FIELD", `The form has no field "${fieldId}".`, [
        { path: `/${fieldId}`, message: "Unknown field" },
      ]);
    }
  }
}

/** The insert of `datas` (field id → normalised value) with their system values, as one statement. */
export function insertStatement(
  model: FormModel,
  system: readonly SystemValues[],
  datas: readonly Record<string, unknown>[],
  actor: string | null,
  also?: CompiledQuery,
  alsoCurrent: readonly { id: string; version: number }[] = [],
): CompiledQuery<Row> {
  for (const data of datas) checkKeys(model, data);
  const shape: Shape = datas.length === 1 ? "one" : "many";
  const plan = planOf(model, shape);
  const column = <T>(values: T[]): T | T[] => (shape === "one" ? (values[0] as T) : values);
  const params: unknown[] = [
    column(system.map((s) => s.id)),
    column(system.map((s) => s.createdBy)),
    column(system.map((s) => s.ownerId)),
    column(system.map((s) => s.deptId)),
    column(system.map((s) => s.flowStatus)),
  ];
  for (const { fieldId, sqlType } of plan.columns) {
    if (fieldId === null) continue;
    params.push(column(datas.map((data) => encode(sqlType, data[fieldId]))));
  }
  params.push(model.form.id, model.form.version, actor);
  if (!also) {
    const text = `${plan.head} ${plan.tail} ${plan.answer}`;
    return prepared(CompiledQuery.raw(text, params) as CompiledQuery<Row>);
  }
  // The forms the more CTEs write records of guard the insert too: nothing is written when one of
  // them was published again since its definition was loaded (FormChangedError, as for the insert's).
  for (const other of alsoCurrent) params.push(other.id, other.version);
  const text = alsoText(plan, also.sql, alsoCurrent.length);
  return prepared(CompiledQuery.raw(text, [...params, ...also.parameters]) as CompiledQuery<Row>);
}

const MAX_ALSO_TEXTS = 1_000;

/**
 * The statement's text with `alsoSql` after the insert's CTEs and `guards` more forms in its guard:
 * the same for every submission of a form whose automations write the same parts, so it is kept (per
 * plan) instead of renumbered and concatenated each time — and the prepared-name look-up then hashes a
 * string it has seen.
 */
function alsoText(plan: InsertPlan, alsoSql: string, guards: number): string {
  // Keyed by the CTEs' text itself (no key built per call: the fixed parts' joined text is the same
  // string object every time, whose hash V8 keeps).
  let byText = plan.withAlso.get(guards);
  if (!byText) {
    byText = new Map();
    plan.withAlso.set(guards, byText);
  }
  const known = byText.get(alsoSql);
  if (known !== undefined) return known;
  let offset = plan.columns.length + 3;
  let guard = "";
  for (let i = 0; i < guards; i++) {
    guard += ` AND ${isCurrent(`$${offset + 1}`, `$${offset + 2}`)}`;
    offset += 2;
  }
  // More CTEs after the insert's (compiled on their own, so their placeholders $1.. follow ours). Their
  // texts are the callers' fixed SQL: a `$` followed by digits in them is always a placeholder.
  const more = alsoSql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  const text = `${plan.head}${guard} ${plan.tail}, ${more} ${plan.answer}`;
  if (byText.size >= MAX_ALSO_TEXTS) byText.clear();
  byText.set(alsoSql, text);
  return text;
}

/**
 * Thrown when the guard found the form published again (or deleted) since its definition was loaded.
 * Callers reload the form and retry; if the reloaded version is the same one, it was not a publish
 * but a table out of step with its definition: a bug, to be reported as such.
 */
export class FormChangedError extends FormworkError {
  constructor(
    readonly formId: string,
    readonly version: number,
  ) {
    super("CONFLICT", "The form was published again or deleted while the record was being written; retry");
  }
}

// Errors raised while the statement is analysed, before the guard runs, when a publish changed a
// column's type after this definition was loaded: datatype_mismatch (a value cannot be assigned to
// the column: text to text[], anything to jsonb) and, for a prepared statement re-planned after the
// change, "cached plan must not change result type" (feature_not_supported).
const STALE_DEFINITION_CODES = new Set(["42804", "0A000"]);

/** Runs the insert; a stale definition comes back as FormChangedError whichever way it showed. */
export async function runInsert(
  db: { executeQuery<R>(query: CompiledQuery<R>): Promise<{ rows: R[] }> },
  model: FormModel,
  statement: CompiledQuery<Row>,
): Promise<Row[]> {
  const { form } = model;
  let rows: Row[];
  try {
    ({ rows } = await db.executeQuery(statement));
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === "string" && STALE_DEFINITION_CODES.has(code)) {
      throw Object.defineProperty(new FormChangedError(form.id, form.version), "cause", { value: error });
    }
    throw error;
  }
  // The guard inserted nothing: another definition is current (in a transaction, throwing rolls it back).
  if (rows.length === 0) throw new FormChangedError(form.id, form.version);
  return rows;
}

/** FormChangedError unless `form` is still the published version (for writes other than creates). */
export async function assertCurrentVersion(db: Kysely<SystemTables>, form: PublishedForm): Promise<void> {
  const row = await db
    .selectFrom("forms")
    .select("published_version")
    .where("id", "=", form.id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (row?.published_version !== form.version) throw new FormChangedError(form.id, form.version);
}
