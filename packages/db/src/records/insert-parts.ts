// A record created by another record's insert statement: its row and its "create" revision as
// data-modifying CTEs of that statement (InsertOptions.also), for an automation that creates a record
// in another form when a record is submitted — one round trip instead of BEGIN, two inserts and COMMIT.
// Only what one statement can write: no serial numbers and no sub-form rows (insertNeedsTransaction),
// and the insert is given the form in `alsoCurrent`, so that nothing is written through a stale definition.
import { type RawBuilder, sql } from "kysely";
import { quoteIdentifier } from "../storage/names";
import type { PublishedForm } from "../storage/types";
import {
  castInSelect,
  checkKeys,
  encode,
  paramType,
  SYSTEM_INSERT_COLUMNS,
  type SystemValues,
} from "./insert-statement";
import { modelOf } from "./model";
import type { ApiRecord } from "./types";
import { toApiRecord } from "./values";
import { storedRow } from "./write";

/** A record the statement creates: its system values and its prepared data (field id → value). */
export interface PartRecord {
  system: SystemValues;
  data: Record<string, unknown>;
}

/**
 * The insert of `record` into `form`'s table and its create revision (by `actor`), each written only
 * when `gate` holds (the statement's own insert wrote its rows).
 */
export function recordInsertParts(
  form: PublishedForm,
  record: PartRecord,
  actor: string | null,
  gate: RawBuilder<boolean>,
): RawBuilder<unknown>[] {
  const model = modelOf(form);
  checkKeys(model, record.data);
  const s = record.system;
  const system = [s.id, s.createdBy, s.ownerId, s.deptId, s.flowStatus];
  const columns = [
    ...SYSTEM_INSERT_COLUMNS.map((c, i) => ({ ...c, value: system[i] })),
    ...model.layout.columns.map((c) => ({
      column: c.column,
      sqlType: c.sqlType,
      value: encode(c.sqlType, record.data[c.fieldId]),
    })),
  ];
  const value = (c: (typeof columns)[number]) => {
    const typed = sql`${c.value}::${sql.raw(paramType(c.sqlType))}`;
    return castInSelect(c.sqlType) ? sql`${typed}::${sql.raw(c.sqlType)}` : typed;
  };
  const insert = sql`INSERT INTO ${sql.raw(quoteIdentifier(model.layout.table))}
    (${sql.raw(columns.map((c) => quoteIdentifier(c.column)).join(", "))})
    SELECT ${sql.join(columns.map(value))} WHERE ${gate}`;
  // The record's version is its column's default (1); the revision takes the record's id, as insertRecords'.
  const revision = sql`INSERT INTO revisions (id, form_id, record_id, version, actor, action, diff)
    SELECT ${s.id}::uuid, ${form.id}::uuid, ${s.id}::uuid, 1, ${actor}::uuid, 'create', '{}'::jsonb
    WHERE ${gate}`;
  return [insert, revision];
}

/**
 * The record as insertRecords answers it once written: its values, version 1 and the statement's
 * timestamps (`at`: the creating statement's record, whose `now()` they share).
 */
export function partRecord(
  form: PublishedForm,
  record: PartRecord,
  at: Pick<ApiRecord, "createdAt" | "updatedAt">,
): ApiRecord {
  const model = modelOf(form);
  const assigned = { id: record.system.id, version: 1, created_at: at.createdAt, updated_at: at.updatedAt };
  const row = storedRow(model, assigned, record.system, record.data);
  // Sub-forms have no rows (a create with some is not written this way).
  return toApiRecord(row, model, model.layout.children.length ? new Map() : null);
}
