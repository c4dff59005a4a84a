// Record writes. Each runs in the caller's transaction (or its own) together with its revision rows,
// sub-form rows and serial counters, so a write either fully happens or not at all.
import { type FieldOf, FormworkError } from "@formwork/schema";
import { CompiledQuery, type Kysely, type RawBuilder, sql } from "kysely";
import { UniqueViolationError } from "../errors";
import { isId, newId } from "../ids";
import type { PublishedForm } from "../storage/types";
import type { SystemTables } from "../tables";
import { inTransaction } from "../transaction";
import { collectChildRows, insertChildRows, loadChildRows, replaceChildRows } from "./children";
import { diffFields } from "./diff";
import { type FixedPart, type InsertPart, isFixedPart } from "./insert-parts";
import {
  assertCurrentVersion,
  INSERT_RETURNING,
  INSERTED,
  insertStatement,
  runInsert,
  type SystemValues,
} from "./insert-statement";
import { type FormModel, modelOf } from "./model";
import { appendRevisions } from "./revisions";
import {
  counterPart,
  DEFAULT_TIME_ZONE,
  dateParts,
  formatSerial,
  periodKey,
  reserveSerialValues,
} from "./serial";
import type { ApiRecord, RecordInput, RecordPatch, WriteContext } from "./types";
import { type Row, toApiRecord, toColumnValue } from "./values";

// biome-ignore lint/suspicious/noExplicitAny: record tables are created at runtime and have no static types.
type AnyDb = Kysely<any>;

/** Points a unique violation of a field's index at the field: `/<field id>`. */
async function withFieldErrors<T>(model: FormModel, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueViolationError && error.constraint) {
      const fieldId = model.uniqueFieldByIndex.get(error.constraint);
      if (fieldId) {
        const mapped = new FormworkError(
          "UNIQUE_VIOLATION",
          `Another record already has this "${fieldId}".`,
          [{ path: `/${fieldId}`, message: "Must be unique" }],
        );
        Object.defineProperty(mapped, "cause", { value: error, enumerable: false });
        throw mapped;
      }
    }
    throw error;
  }
}

function serialFields(model: FormModel): FieldOf<"serial">[] {
  return model.form.definition.fields.filter((f): f is FieldOf<"serial"> => f.type === "serial");
}

/** Fills every serial field of every new record; one counter upsert per field and period. */
async function fillSerials(
  db: Kysely<SystemTables>,
  model: FormModel,
  datas: Record<string, unknown>[],
  ctx: WriteContext,
) {
  const fields = serialFields(model);
  if (fields.length === 0) return;
  const d = dateParts(ctx.now ?? new Date(), ctx.timeZone ?? DEFAULT_TIME_ZONE);
  for (const field of fields) {
    const part = counterPart(field);
    let next: number | null = null;
    if (part) {
      next = await reserveSerialValues(
        db,
        { formId: model.form.id, field: field.id, period: periodKey(part, d), start: part.start ?? 1 },
        datas.length,
      );
    }
    for (const data of datas) {
      data[field.id] = formatSerial(field, next, d, data);
      if (next !== null) next++;
    }
  }
}

function columnValues(model: FormModel, data: Record<string, unknown>, skipSerials: boolean): Row {
  const row: Row = {};
  for (const [fieldId, value] of Object.entries(data)) {
    const column = model.columnsById.get(fieldId);
    if (column) {
      if (skipSerials && column.fieldType === "serial") continue;
      row[column.column] = toColumnValue(column.sqlType, value);
    } else if (!model.childrenById.has(fieldId)) {
      throw new FormworkError("UNKNOWN_FIELD", `The form has no field "${fieldId}".`, [
        { path: `/${fieldId}`, message: "Unknown field" },
      ]);
    }
  }
  return row;
}

async function withChildren(db: AnyDb, model: FormModel, rows: Row[]): Promise<ApiRecord[]> {
  const children = model.layout.children.length
    ? await loadChildRows(
        db,
        model,
        rows.map((r) => String(r.id)),
      )
    : null;
  return rows.map((row) => toApiRecord(row, model, children?.get(String(row.id)) ?? null));
}

/** Rows per INSERT statement: a batch larger than this needs a transaction over several statements. */
const ROWS_PER_STATEMENT = 1_000;

/** Whether the batch needs statements beyond the one insert (and so a transaction of its own). */
function needsTransaction(model: FormModel, inputs: readonly RecordInput[]): boolean {
  if (model.form.definition.fields.some((f) => f.type === "serial")) return true;
  if (inputs.length > ROWS_PER_STATEMENT) return true;
  return inputs.some((input) => model.layout.children.some((c) => Object.hasOwn(input.data, c.fieldId)));
}

/** What a create answers with `returning: "refs"` (`Prefer: return=minimal`): enough to address the record. */
export interface RecordRef {
  id: string;
  version: number;
}

export interface InsertOptions {
  /** "records" (default): whole ApiRecords; "refs": only ids and versions, nothing read back. */
  returning?: "records" | "refs";
  /**
   * More writes for the insert's own statement (data-modifying CTEs; a flow started by the records):
   * given the condition that the insert wrote its rows, which they must respect, so that nothing is
   * written when the form's version guard refused the records. In the first statement of a batch.
   */
  also?: (inserted: RawBuilder<boolean>) => InsertPart[];
  /**
   * The forms `also` writes records of (recordInsertParts), at the versions their values were prepared
   * against: the statement writes nothing, and FormChangedError is thrown, unless each is still current.
   */
  alsoCurrent?: readonly PublishedForm[];
}

/** Whether inserting these records takes more than one statement (and so a transaction of its own). */
export function insertNeedsTransaction(form: PublishedForm, inputs: readonly RecordInput[]): boolean {
  return needsTransaction(modelOf(form), inputs);
}

/**
 * Creates records, each with its "create" revision, in one statement per 1,000 (./insert-statement).
 * A create revision takes the record's id as its own (ids are unique across forms, and a record is
 * created once) and an empty diff that listRevisions rebuilds from the record and its later changes, so
 * an import of 100k records writes no second copy of their values. Serial numbers and sub-form rows
 * make it a transaction; a plain create is the one statement, atomic by itself, with no BEGIN/COMMIT.
 * FormChangedError (409) when the form was published again since `form` was loaded: reload and retry.
 */
export function insertRecords(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  inputs: readonly RecordInput[],
  ctx: WriteContext,
  options?: InsertOptions & { returning?: "records" },
): Promise<ApiRecord[]>;
export function insertRecords(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  inputs: readonly RecordInput[],
  ctx: WriteContext,
  options: InsertOptions & { returning: "refs" },
): Promise<RecordRef[]>;
export async function insertRecords(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  inputs: readonly RecordInput[],
  ctx: WriteContext,
  options: InsertOptions = {},
): Promise<ApiRecord[] | RecordRef[]> {
  if (inputs.length === 0) return [];
  const model = modelOf(form);
  const refsOnly = options.returning === "refs";
  const work = (trx: Kysely<SystemTables>) =>
    withFieldErrors(model, async () => {
      const any = trx as AnyDb;
      const datas = inputs.map((input) => ({ ...input.data }));
      await fillSerials(trx, model, datas, ctx);
      const system: SystemValues[] = inputs.map((input) => ({
        id: input.id ?? newId(),
        createdBy: ctx.actorId,
        ownerId: input.ownerId === undefined ? ctx.actorId : input.ownerId,
        deptId: input.deptId ?? null,
        flowStatus: input.flowStatus ?? null,
      }));
      const stored: Row[] = [];
      const also = options.also?.(sql<boolean>`${sql.raw(INSERTED)}`) ?? [];
      for (let start = 0; start < inputs.length; start += ROWS_PER_STATEMENT) {
        const end = start + ROWS_PER_STATEMENT;
        const statement = insertStatement(
          model,
          system.slice(start, end),
          datas.slice(start, end),
          ctx.actorId,
          start === 0 && also.length > 0 ? compileParts(also, trx) : undefined,
          options.alsoCurrent,
        );
        stored.push(...(await runInsert(any, model, statement)));
      }
      const withIds = system.map((s, i) => ({ id: s.id, data: datas[i] ?? {} }));
      for (const [child, childRows] of collectChildRows(model, withIds))
        await insertChildRows(any, child, childRows);
      // Answered in the order of the inputs, whatever order the database returned the rows in.
      const storedById = new Map(stored.map((row) => [String(row.id), row]));
      const assigned = system.map((s) => storedById.get(s.id) as Row);
      if (refsOnly) return assigned.map((row) => ({ id: String(row.id), version: Number(row.version) }));
      // The rows as stored: what the database assigned, and the values just written (not read back).
      const rows = assigned.map((row, i) => storedRow(model, row, system[i] as SystemValues, datas[i] ?? {}));
      return withChildren(any, model, rows);
    });
  return needsTransaction(model, inputs) ? inTransaction(db, work) : work(db);
}

/**
 * The parts as the CTEs `also_0 AS (...), also_1 AS (...)` with their parameters numbered in order; a
 * fixed part's text is only renumbered (kysely compiles the others). When every part is fixed, the
 * joined text is built once per sequence of part texts (fixedTexts) and only the parameters collected.
 */
function compileParts(parts: readonly InsertPart[], db: Kysely<SystemTables>): CompiledQuery {
  if (parts.every(isFixedPart)) {
    const parameters: unknown[] = [];
    for (const part of parts) for (const value of part.parameters) parameters.push(value);
    return CompiledQuery.raw(fixedText(parts), parameters);
  }
  return CompiledQuery.raw(...joinParts(parts.map((part) => (isFixedPart(part) ? part : part.compile(db)))));
}

function joinParts(parts: readonly FixedPart[]): [string, unknown[]] {
  let text = "";
  const parameters: unknown[] = [];
  for (const [i, compiled] of parts.entries()) {
    const offset = parameters.length;
    const body =
      offset === 0
        ? compiled.sql
        : compiled.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    text += `${i === 0 ? "" : ", "}also_${i} AS (${body})`;
    parameters.push(...compiled.parameters);
  }
  return [text, parameters];
}

/**
 * The joined text of fixed parts, kept in a trie keyed by each part's text and number of parameters
 * (the texts are the same string objects submission after submission — built once per form version —
 * so each step is a map hit on a string whose hash V8 has cached). The text is the same object every
 * time, which lets the statement's own caches (alsoText, prepared names) hit on it cheaply too.
 */
interface TextNode {
  next: Map<string, Map<number, TextNode>>;
  text?: string;
}

const MAX_FIXED_TEXTS = 1_000;
let fixedTexts: TextNode = { next: new Map() };
let fixedTextCount = 0;

function fixedText(parts: readonly FixedPart[]): string {
  let node = fixedTexts;
  for (const part of parts) {
    let byCount = node.next.get(part.sql);
    if (!byCount) {
      byCount = new Map();
      node.next.set(part.sql, byCount);
    }
    let child = byCount.get(part.parameters.length);
    if (!child) {
      child = { next: new Map() };
      byCount.set(part.parameters.length, child);
    }
    node = child;
  }
  if (node.text !== undefined) return node.text;
  const [text] = joinParts(parts);
  if (fixedTextCount >= MAX_FIXED_TEXTS) {
    fixedTexts = { next: new Map() };
    fixedTextCount = 0;
    return text;
  }
  fixedTextCount++;
  node.text = text;
  return text;
}

const rowTemplates = new WeakMap<FormModel, Row>();

/**
 * An object with every key of the form's stored row, to copy. Adding a form's ~30 keys one by one to a
 * new object (`row[column] = value`) made V8 turn each row into a dictionary on the way: about 36 µs a
 * row, measured, against about 1.4 µs for a copy of this template (whose keys then only change value).
 * JSON.parse builds it with fast properties.
 */
function rowTemplate(model: FormModel): Row {
  let known = rowTemplates.get(model);
  if (!known) {
    const keys = [
      ...INSERT_RETURNING,
      "created_by",
      "owner_id",
      "dept_id",
      "flow_status",
      "deleted_at",
      ...model.layout.columns.map((c) => c.column),
    ];
    known = JSON.parse(JSON.stringify(Object.fromEntries(keys.map((key) => [key, null])))) as Row;
    rowTemplates.set(model, known);
  }
  return known;
}

/** A new record's row as stored: what the database assigned (`assigned`), and the values written. */
export function storedRow(
  model: FormModel,
  assigned: Row,
  s: SystemValues,
  data: Record<string, unknown>,
): Row {
  const full: Row = { ...rowTemplate(model) };
  for (const key in assigned) full[key] = assigned[key];
  full.created_by = s.createdBy;
  full.owner_id = s.ownerId;
  full.dept_id = s.deptId;
  full.flow_status = s.flowStatus;
  full.deleted_at = null;
  for (const column of model.layout.columns) full[column.column] = data[column.fieldId] ?? null;
  return full;
}

export async function insertRecord(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  input: RecordInput,
  ctx: WriteContext,
): Promise<ApiRecord> {
  const [record] = await insertRecords(db, form, [input], ctx);
  if (!record) throw new Error("insert returned no row");
  return record;
}

function notFound(): FormworkError {
  return new FormworkError("NOT_FOUND", "Record not found.");
}

function versionConflict(current: number, expected: number): FormworkError {
  return new FormworkError(
    "VERSION_CONFLICT",
    `The record changed since it was read (version ${current}, not ${expected}).`,
    [{ path: "/version", message: `Current version is ${current}` }],
  );
}

export async function updateRecord(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  id: string,
  patch: RecordPatch,
  ctx: WriteContext,
): Promise<ApiRecord> {
  if (!isId(id)) throw notFound();
  const model = modelOf(form);
  return inTransaction(db, (trx) =>
    withFieldErrors(model, async () => {
      const any = trx as AnyDb;
      const current: Row | undefined = await any
        .selectFrom(model.layout.table)
        .selectAll()
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!current || current.deleted_at) throw notFound();
      // Checked after the row lock: a publish altering this table has committed by now, if it ran.
      await assertCurrentVersion(trx, form);
      const version = Number(current.version);
      if (patch.expectedVersion !== undefined && patch.expectedVersion !== version) {
        throw versionConflict(version, patch.expectedVersion);
      }
      const before = (await withChildren(any, model, [current]))[0] as ApiRecord;
      const set: Row = columnValues(model, patch.data, true);
      if (patch.ownerId !== undefined) set.owner_id = patch.ownerId;
      if (patch.deptId !== undefined) set.dept_id = patch.deptId;
      if (patch.flowStatus !== undefined) set.flow_status = patch.flowStatus;
      const updated: Row | undefined = await any
        .updateTable(model.layout.table)
        .set({ ...set, version: sql`version + 1`, updated_at: sql`now()` })
        .where("id", "=", id)
        .where("version", "=", version)
        .returningAll()
        .executeTakeFirst();
      if (!updated) throw versionConflict(version, patch.expectedVersion ?? version);
      await replaceChildRows(any, model, id, patch.data);
      const after = (await withChildren(any, model, [updated]))[0] as ApiRecord;
      const diff = diffFields(before.data, after.data, Object.keys(patch.data));
      Object.assign(
        diff,
        diffFields(
          { $ownerId: before.ownerId, $flowStatus: before.flowStatus, $deptId: current.dept_id },
          { $ownerId: after.ownerId, $flowStatus: after.flowStatus, $deptId: updated.dept_id },
          ["$ownerId", "$flowStatus", "$deptId"],
        ),
      );
      await appendRevisions(trx, form.id, ctx.actorId, [
        { recordId: id, version: after.version, action: "update", diff },
      ]);
      return after;
    }),
  );
}

async function moveBin(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  id: string,
  ctx: WriteContext,
  action: "delete" | "restore",
  expectedVersion: number | undefined,
): Promise<ApiRecord> {
  if (!isId(id)) throw notFound();
  const model = modelOf(form);
  return inTransaction(db, (trx) =>
    withFieldErrors(model, async () => {
      const any = trx as AnyDb;
      let query = any
        .updateTable(model.layout.table)
        .set({
          deleted_at: action === "delete" ? sql`now()` : null,
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where("id", "=", id)
        .where("deleted_at", action === "delete" ? "is" : "is not", null);
      if (expectedVersion !== undefined) query = query.where("version", "=", expectedVersion);
      const row: Row | undefined = await query.returningAll().executeTakeFirst();
      if (!row) {
        const current: Row | undefined = await any
          .selectFrom(model.layout.table)
          .select(["version", "deleted_at"])
          .where("id", "=", id)
          .executeTakeFirst();
        const inBin = Boolean(current?.deleted_at);
        if (!current || inBin === (action === "delete")) throw notFound();
        throw versionConflict(Number(current.version), expectedVersion ?? Number(current.version));
      }
      const [record] = await withChildren(any, model, [row]);
      await appendRevisions(trx, form.id, ctx.actorId, [
        { recordId: id, version: Number(row.version), action, diff: {} },
      ]);
      return record as ApiRecord;
    }),
  );
}

/** Moves a record to the recycle bin. */
export function deleteRecord(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  id: string,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<ApiRecord> {
  return moveBin(db, form, id, ctx, "delete", options.expectedVersion);
}

/** Brings a record back from the recycle bin (UNIQUE_VIOLATION if a live record took its unique value). */
export function restoreRecord(
  db: Kysely<SystemTables>,
  form: PublishedForm,
  id: string,
  ctx: WriteContext,
  options: { expectedVersion?: number } = {},
): Promise<ApiRecord> {
  return moveBin(db, form, id, ctx, "restore", options.expectedVersion);
}

/**
 * Erases a record from the recycle bin with its sub-form rows and history, and its flow instance with
 * the instance's node runs, tasks, timers and log (they cascade): nothing is left in an inbox or a
 * poller for a record that no longer exists.
 */
export async function purgeRecord(db: Kysely<SystemTables>, form: PublishedForm, id: string): Promise<void> {
  if (!isId(id)) throw notFound();
  const model = modelOf(form);
  await inTransaction(db, async (trx) => {
    const any = trx as AnyDb;
    const purged = await any
      .deleteFrom(model.layout.table)
      .where("id", "=", id)
      .where("deleted_at", "is not", null)
      .returning("id")
      .executeTakeFirst();
    if (!purged) {
      const live = await any
        .selectFrom(model.layout.table)
        .select("id")
        .where("id", "=", id)
        .executeTakeFirst();
      if (live)
        throw new FormworkError(
          "CONFLICT",
          "Only a record in the recycle bin can be purged; delete it first.",
        );
      throw notFound();
    }
    await trx.deleteFrom("revisions").where("form_id", "=", form.id).where("record_id", "=", id).execute();
    await trx
      .deleteFrom("flow_instances")
      .where("form_id", "=", form.id)
      .where("record_id", "=", id)
      .execute();
  });
}
