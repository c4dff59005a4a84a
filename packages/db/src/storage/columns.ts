import type { ColumnSpec } from "@formwork/fields";
import { fieldTypes } from "@formwork/fields";
import type { FieldDefinition } from "@formwork/schema";

export type SqlType = ColumnSpec["sqlType"];

/** The column a field stores its value in, as its field type declares it; null = no column here. */
export function columnSpecOf(field: FieldDefinition): ColumnSpec | null {
  const def = fieldTypes[field.type] as { column(field: FieldDefinition): ColumnSpec | null };
  return def.column(field);
}

/** How `format_type()` spells each storage type, to compare the catalog with a definition. */
export const CATALOG_TYPE: Record<SqlType, string> = {
  text: "text",
  numeric: "numeric",
  integer: "integer",
  timestamptz: "timestamp with time zone",
  date: "date",
  "text[]": "text[]",
  jsonb: "jsonb",
  boolean: "boolean",
};

export function sqlTypeFromCatalog(formatted: string): SqlType | null {
  for (const [sqlType, spelled] of Object.entries(CATALOG_TYPE)) {
    if (spelled === formatted) return sqlType as SqlType;
  }
  return null;
}

// Column type changes a publish may make without losing data: the USING expression converts every
// existing value. Anything not listed (text -> numeric, numeric -> integer, jsonb -> anything...) could
// fail or truncate on existing rows, so it is refused as INCOMPATIBLE_CHANGE.
const SAFE_CASTS: Partial<Record<SqlType, Partial<Record<SqlType, (column: string) => string>>>> = {
  integer: { numeric: (c) => `${c}::numeric`, text: (c) => `${c}::text`, jsonb: (c) => `to_jsonb(${c})` },
  numeric: { text: (c) => `${c}::text`, jsonb: (c) => `to_jsonb(${c})` },
  date: {
    timestamptz: (c) => `${c}::timestamptz`,
    text: (c) => `${c}::text`,
    jsonb: (c) => `to_jsonb(${c})`,
  },
  timestamptz: { text: (c) => `${c}::text`, jsonb: (c) => `to_jsonb(${c})` },
  boolean: { text: (c) => `${c}::text`, jsonb: (c) => `to_jsonb(${c})` },
  text: {
    "text[]": (c) => `CASE WHEN ${c} IS NULL THEN NULL ELSE ARRAY[${c}] END`,
    jsonb: (c) => `to_jsonb(${c})`,
  },
  "text[]": { jsonb: (c) => `to_jsonb(${c})` },
};

/** The USING expression converting `column` from one type to another, or null when unsafe. */
export function safeCast(from: SqlType, to: SqlType, quotedColumn: string): string | null {
  return SAFE_CASTS[from]?.[to]?.(quotedColumn) ?? null;
}
