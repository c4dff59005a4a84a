// Conversions between record values (JSON) and column values, identical on both drivers.
import type { SqlType } from "../storage/columns";
import type { ColumnLayout } from "../storage/layout";
import type { FormModel } from "./model";
import type { ApiRecord } from "./types";

/** A JSON value as the column takes it. jsonb goes as JSON text: drivers would turn arrays into PG arrays. */
export function toColumnValue(sqlType: SqlType, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (sqlType === "jsonb") return JSON.stringify(value);
  return value;
}

/** A column value as the API shows it: timestamps as ISO strings, the rest as the parsers left them. */
export function fromColumnValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

export type Row = Record<string, unknown>;

export function dataOf(row: Row, columns: readonly ColumnLayout[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const column of columns) data[column.fieldId] = fromColumnValue(row[column.column]);
  return data;
}

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

/**
 * The API shape of a row. `data` holds the requested fields in definition order: columns from the row,
 * sub-forms from `children` (field id -> rows) when they were loaded.
 */
export function toApiRecord(
  row: Row,
  model: FormModel,
  children: Map<string, Record<string, unknown>[]> | null,
  fields?: ReadonlySet<string>,
): ApiRecord {
  const data: Record<string, unknown> = {};
  for (const field of model.form.definition.fields) {
    if (fields && !fields.has(field.id)) continue;
    const column = model.columnsById.get(field.id);
    if (column) data[field.id] = fromColumnValue(row[column.column]);
    else if (children && model.childrenById.has(field.id)) data[field.id] = children.get(field.id) ?? [];
  }
  const record: ApiRecord = {
    id: String(row.id),
    version: Number(row.version),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    createdBy: (row.created_by as string | null) ?? null,
    ownerId: (row.owner_id as string | null) ?? null,
    flowStatus: (row.flow_status as string | null) ?? null,
    data,
  };
  if (row.deleted_at) record.deletedAt = iso(row.deleted_at);
  return record;
}
