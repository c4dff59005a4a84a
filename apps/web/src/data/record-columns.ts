// The grid's columns for a published form: its stored fields, then the record's system columns, each
// with the operators the filter panel offers and the way a value is shown.
import type { FormRecord } from "@formwork/client";
import { type FilterOperator, fieldTypes, storedFields } from "@formwork/fields";
import type { FieldDefinition, FormDefinition, Locale, OptionItem } from "@formwork/schema";
import { listSeparator, type OrgNames, orgText } from "./org-names";

export const SYSTEM_COLUMNS = ["$createdAt", "$updatedAt"] as const;
export type SystemColumn = (typeof SYSTEM_COLUMNS)[number];

/** How the filter panel and bulk edit take a value for a column. */
export type ValueKind = "text" | "number" | "date" | "options";

export interface GridColumn {
  id: string;
  /** Absent for system columns. */
  field?: FieldDefinition;
  operators: FilterOperator[];
  valueKind: ValueKind;
  options: OptionItem[];
}

const DATETIME_OPERATORS: FilterOperator[] = [
  "eq",
  "ne",
  "lt",
  "lte",
  "gt",
  "gte",
  "between",
  "empty",
  "notEmpty",
];
const NUMBER_TYPES = new Set<string>(["number", "money", "rating", "aggregate"]);
const DATE_TYPES = new Set<string>(["date", "datetime"]);
/** Types bulk edit can set with a plain input (the others need their own pickers or are computed). */
const BULK_EDITABLE = new Set<string>([
  "text",
  "textarea",
  "number",
  "money",
  "rating",
  "date",
  "email",
  "phone",
  "radio",
  "select",
  "checkbox",
  "multiselect",
]);

function optionsOf(field: FieldDefinition): OptionItem[] {
  return "options" in field && Array.isArray(field.options) ? field.options : [];
}

function kindOf(field: FieldDefinition): ValueKind {
  if (NUMBER_TYPES.has(field.type)) return "number";
  if (DATE_TYPES.has(field.type)) return "date";
  return optionsOf(field).length > 0 ? "options" : "text";
}

export function gridColumns(form: Pick<FormDefinition, "fields">): GridColumn[] {
  const fields = storedFields(form).map(
    (field): GridColumn => ({
      id: field.id,
      field,
      operators: [...fieldTypes[field.type].filterOperators],
      valueKind: kindOf(field),
      options: optionsOf(field),
    }),
  );
  const system = SYSTEM_COLUMNS.map(
    (id): GridColumn => ({ id, operators: DATETIME_OPERATORS, valueKind: "date", options: [] }),
  );
  return [...fields, ...system];
}

/** Fields bulk edit can set: plain values, not computed, not read-only. */
export function isBulkEditable(column: GridColumn): boolean {
  const field = column.field;
  return !!field && BULK_EDITABLE.has(field.type) && !field.formula && !field.readonly;
}

export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A value as the grid and the drawer show it; never throws, whatever the stored value is. */
export function formatValue(value: unknown, field: FieldDefinition, locale: Locale): string {
  if (value === null || value === undefined) return "";
  try {
    return fieldTypes[field.type].format(value as never, field as never, locale);
  } catch {
    return typeof value === "string" ? value : JSON.stringify(value);
  }
}

/** A cell's text; with `names`, member and department ids read as names. */
export function cellText(record: FormRecord, column: GridColumn, locale: Locale, names?: OrgNames): string {
  if (column.id === "$createdAt") return formatDateTime(record.createdAt, locale);
  if (column.id === "$updatedAt") return formatDateTime(record.updatedAt, locale);
  if (!column.field) return "";
  const value = record.data[column.id];
  const named = names ? orgText(value, column.field, names, listSeparator(locale)) : null;
  return named ?? formatValue(value, column.field, locale);
}
