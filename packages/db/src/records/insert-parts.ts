// A record created by another record's insert statement: its row and its "create" revision as
// data-modifying CTEs of that statement (InsertOptions.also), for an automation that creates a record
// in another form when a record is submitted — one round trip instead of BEGIN, two inserts and COMMIT.
// Only what one statement can write: no serial numbers and no sub-form rows (insertNeedsTransaction),
// and the insert is given the form in `alsoCurrent`, so that nothing is written through a stale definition.
import type { RawBuilder } from "kysely";
import { quoteIdentifier } from "../storage/names";
import type { PublishedForm } from "../storage/types";
import {
  castInSelect,
  checkKeys,
  encode,
  INSERTED,
  paramType,
  SYSTEM_INSERT_COLUMNS,
  type SystemValues,
} from "./insert-statement";
import { type FormModel, modelOf } from "./model";
import type { ApiRecord } from "./types";
import { fromColumnValue } from "./values";

/** A record the statement creates: its system values and its prepared data (field id → value). */
export interface PartRecord {
  system: SystemValues;
  data: Record<string, unknown>;
}

/**
 * A CTE body whose text is fixed per form version (built once, not compiled on every statement) with
 * its parameters, numbered from $1 within the part (the statement renumbers them after its own).
 */
export interface FixedPart {
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

/** A part of an insert's statement (InsertOptions.also): built with kysely's `sql`, or fixed text. */
export type InsertPart = RawBuilder<unknown> | FixedPart;

export const isFixedPart = (part: InsertPart): part is FixedPart =>
  typeof (part as RawBuilder<unknown>).compile !== "function";

interface RecordPartTexts {
  insert: string;
  revision: string;
}

const texts = new WeakMap<FormModel, RecordPartTexts>();

function textsOf(model: FormModel): RecordPartTexts {
  let known = texts.get(model);
  if (known) return known;
  const columns = [...SYSTEM_INSERT_COLUMNS, ...model.layout.columns];
  const value = (c: (typeof columns)[number], i: number) => {
    const typed = `$${i + 1}::${paramType(c.sqlType)}`;
    return castInSelect(c.sqlType) ? `${typed}::${c.sqlType}` : typed;
  };
  known = {
    insert: `INSERT INTO ${quoteIdentifier(model.layout.table)}
    (${columns.map((c) => quoteIdentifier(c.column)).join(", ")})
    SELECT ${columns.map(value).join(", ")} WHERE ${INSERTED}`,
    // The record's version is its column's default (1); the revision takes the record's id, as insertRecords'.
    revision: `INSERT INTO revisions (id, form_id, record_id, version, actor, action, diff)
    SELECT $1::uuid, $2::uuid, $1::uuid, 1, $3::uuid, 'create', '{}'::jsonb WHERE ${INSERTED}`,
  };
  texts.set(model, known);
  return known;
}

/**
 * The insert of `record` into `form`'s table and its create revision (by `actor`), each written only
 * when the statement's own insert wrote its rows (INSERTED, the guard of InsertOptions.also). Their
 * texts are built once per form version.
 */
export function recordInsertParts(
  form: PublishedForm,
  record: PartRecord,
  actor: string | null,
): FixedPart[] {
  const model = modelOf(form);
  checkKeys(model, record.data);
  const s = record.system;
  const parameters: unknown[] = [s.id, s.createdBy, s.ownerId, s.deptId, s.flowStatus];
  for (const c of model.layout.columns) parameters.push(encode(c.sqlType, record.data[c.fieldId]));
  const { insert, revision } = textsOf(model);
  return [
    { sql: insert, parameters },
    { sql: revision, parameters: [s.id, form.id, actor] },
  ];
}

/**
 * The record as insertRecords answers it once written: its values, version 1 and the statement's
 * timestamps (`at`: the creating statement's record, whose `now()` they share). The same as
 * `toApiRecord(storedRow(...))` (a test holds them together), without building the row first.
 */
export function partRecord(
  form: PublishedForm,
  record: PartRecord,
  at: Pick<ApiRecord, "createdAt" | "updatedAt">,
): ApiRecord {
  const s = record.system;
  return {
    id: String(s.id),
    version: 1,
    createdAt: String(at.createdAt),
    updatedAt: String(at.updatedAt),
    createdBy: s.createdBy ?? null,
    ownerId: s.ownerId ?? null,
    flowStatus: s.flowStatus ?? null,
    data: partData(form, record.data),
  };
}

/**
 * A new record's `data` as the API shows it once stored (toApiRecord of its row): every field with a
 * column in definition order (unset ones null), and sub-forms empty — a create with sub-form rows is
 * not written by a part (insertNeedsTransaction).
 */
export function partData(form: PublishedForm, data: Record<string, unknown>): Record<string, unknown> {
  const model = modelOf(form);
  const out: Record<string, unknown> = {};
  for (const field of model.form.definition.fields) {
    if (model.columnsById.has(field.id)) out[field.id] = fromColumnValue(data[field.id] ?? null);
    else if (model.childrenById.has(field.id)) out[field.id] = [];
  }
  return out;
}
