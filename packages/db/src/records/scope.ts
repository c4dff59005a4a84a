// The allowlist a filter compiles against: every stored field and system name with its column and how
// its values compare. Structurally the FilterScope of @formwork/expressions.
import type { FieldDefinition } from "@formwork/schema";
import type { SqlType } from "../storage/columns";
import { SYSTEM_FIELDS } from "../storage/layout";
import type { PublishedForm } from "../storage/types";
import { modelOf } from "./model";

export type FilterValueType =
  | "text"
  | "number"
  | "date"
  | "datetime"
  | "boolean"
  | "textArray"
  | "id"
  | "idArray"
  | "json";

export interface RecordFilterField {
  column: string;
  valueType: FilterValueType;
  operators?: string[];
}

export interface RecordFilterScope {
  fields: Record<string, RecordFilterField>;
  forbidden?: readonly string[];
  table?: string;
  now: Date;
  timeZone: string;
  params?: Record<string, unknown>;
}

const ID_TYPES = new Set<FieldDefinition["type"]>(["link", "member", "members", "department", "departments"]);

function valueTypeOf(sqlType: SqlType, fieldType: FieldDefinition["type"]): FilterValueType {
  const isId = ID_TYPES.has(fieldType);
  switch (sqlType) {
    case "text":
      return isId ? "id" : "text";
    case "text[]":
      return isId ? "idArray" : "textArray";
    case "numeric":
    case "integer":
      return "number";
    case "date":
      return "date";
    case "timestamptz":
      return "datetime";
    case "boolean":
      return "boolean";
    case "jsonb":
      return "json";
  }
}

const SYSTEM_VALUE_TYPES: Record<keyof typeof SYSTEM_FIELDS, FilterValueType> = {
  $id: "id",
  $version: "number",
  $createdBy: "id",
  $ownerId: "id",
  $deptId: "id",
  $flowStatus: "text",
  $createdAt: "datetime",
  $updatedAt: "datetime",
};

/**
 * The filter scope of a published form: field ids and the $system names ($id, $createdAt, ...) mapped
 * to unqualified columns of the form's table. `extra` supplies the clock, time zone, params and
 * forbidden names, and may add or override fields.
 */
export function filterScopeFor(
  form: PublishedForm,
  extra: Omit<RecordFilterScope, "fields"> & { fields?: Record<string, RecordFilterField> },
): RecordFilterScope {
  const model = modelOf(form);
  const fields: Record<string, RecordFilterField> = {};
  for (const [name, system] of Object.entries(SYSTEM_FIELDS)) {
    fields[name] = {
      column: system.column,
      valueType: SYSTEM_VALUE_TYPES[name as keyof typeof SYSTEM_FIELDS],
    };
  }
  for (const column of model.layout.columns) {
    fields[column.fieldId] = {
      column: column.column,
      valueType: valueTypeOf(column.sqlType, column.fieldType),
    };
  }
  return { ...extra, fields: { ...fields, ...extra.fields } };
}
