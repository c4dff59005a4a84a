import { type FieldDefinition, type FieldOf, type FieldType, fieldSettingsSchemas } from "@formwork/schema";
import type { FieldSamples } from "../../samples";
import { issue, type ValueIssue } from "../../shared/messages";
import { ID_PATTERN, isPlainObject, nullable, setOwn } from "../../shared/values";
import type { FieldTypeDef, JsonSchema } from "../../types";

// Sub-form (子表单): rows of columns. Rows live in a child table (`parent_id`, row order, one typed column
// per stored column), so the field is stored but has no column of its own on the form's table.
// Its columns are fields of the other types: the registry hands in the lookup (`createFieldType`), which
// keeps this module free of an import cycle with the registry.

/** How a sub-form finds its columns' type definitions. */
export type FieldTypeLookup = <K extends FieldType>(type: K) => FieldTypeDef<K>;

/** No record carries more rows than this, whatever `maxRows` says: a submission, not a bulk import. */
export const SUBFORM_ROWS_HARD_MAX = 1000;

type SubformField = FieldOf<"subform">;

export function maxRowsOf(field: SubformField): number {
  return Math.min(field.maxRows ?? SUBFORM_ROWS_HARD_MAX, SUBFORM_ROWS_HARD_MAX);
}

export function createFieldType(getFieldType: FieldTypeLookup): FieldTypeDef<"subform"> {
  /** Columns that hold a value in a row (layout and display-only columns don't). */
  function storedColumns(field: SubformField): FieldDefinition[] {
    return (field.fields ?? []).filter(
      (column) => getFieldType(column.type).stored && column.type !== "subform",
    );
  }

  /** JSON Schema of one row: an optional row id (kept across edits) and the stored columns' values. */
  function rowSchema(field: SubformField): JsonSchema {
    const properties: Record<string, JsonSchema> = { id: { type: "string", pattern: ID_PATTERN } };
    for (const column of storedColumns(field))
      properties[column.id] = getFieldType(column.type).valueSchema(column);
    return { type: "object", properties, additionalProperties: false };
  }

  function valueSchema(field: SubformField): JsonSchema {
    return nullable({
      type: "array",
      items: rowSchema(field),
      maxItems: maxRowsOf(field),
      ...(field.minRows ? { minItems: field.minRows } : {}),
    });
  }

  function normalize(value: unknown, field: SubformField): unknown {
    // An oversized list is left as is: validation reports it without normalising thousands of rows first.
    if (!Array.isArray(value) || value.length > maxRowsOf(field)) return value;
    if (value.length === 0) return null;
    const columns = new Map(storedColumns(field).map((column) => [column.id, column]));
    return value.map((row) => {
      if (!isPlainObject(row)) return row;
      const result: Record<string, unknown> = {};
      for (const [key, cell] of Object.entries(row)) {
        const column = columns.get(key);
        if (key === "id")
          result.id = typeof cell === "number" && Number.isSafeInteger(cell) ? String(cell) : cell;
        else setOwn(result, key, column ? getFieldType(column.type).normalize(cell, column) : cell);
      }
      return result;
    });
  }

  function validate(value: unknown, field: SubformField): ValueIssue[] {
    if (value === null || value === undefined) return [];
    if (!Array.isArray(value)) return [issue("", "应为行列表", "Must be a list of rows")];
    const max = maxRowsOf(field);
    if (value.length > max) return [issue("", `最多 ${max} 行`, `At most ${max} rows`)];
    const issues: ValueIssue[] = [];
    if (field.minRows !== undefined && value.length < field.minRows)
      issues.push(issue("", `至少 ${field.minRows} 行`, `At least ${field.minRows} rows`));
    const columns = storedColumns(field);
    value.forEach((row, i) => {
      if (!isPlainObject(row)) {
        issues.push(issue(`/${i}`, "应为一行数据", "Must be a row"));
        return;
      }
      for (const column of columns) {
        for (const found of getFieldType(column.type).validate(row[column.id], column))
          issues.push({ path: `/${i}/${column.id}${found.path}`, message: found.message });
      }
    });
    return issues;
  }

  return {
    type: "subform",
    category: "advanced",
    label: { "zh-CN": "子表单", en: "Sub-form" },
    stored: true,
    computable: false,
    settingsSchema: fieldSettingsSchemas.subform,
    valueSchema,
    normalize,
    validate,
    isEmpty: (value) => value === null || value === undefined || (Array.isArray(value) && value.length === 0),
    defaultModes: ["value"],
    validationProps: ["required", "minRows", "maxRows"],
    filterOperators: ["empty", "notEmpty"],
    formulaType: () => ({ array: "any" }),
    format: (value, _field, locale) => {
      if (!Array.isArray(value)) return "";
      const rows = value.length;
      return locale === "en" ? `${rows} ${rows === 1 ? "row" : "rows"}` : `${rows} 行`;
    },
    column: () => null,
  };
}

export const samples: FieldSamples<"subform"> = {
  field: {
    id: "items",
    type: "subform",
    label: "Items",
    maxRows: 3,
    fields: [
      { id: "product", type: "text", label: "Product" },
      { id: "qty", type: "number", label: "Qty", min: 1, precision: 0 },
      { id: "note", type: "description", label: "Note" },
    ],
  },
  valid: [
    [
      { product: " Pen ", qty: "2" },
      { id: "row_1", product: "Ink", qty: 1.4 },
    ],
    [],
    null,
  ],
  invalid: [
    [{ product: "Pen", qty: 0 }],
    [{ product: "Pen", colour: "red" }],
    [1, 2],
    Array.from({ length: 4 }, () => ({ product: "x", qty: 1 })),
    { product: "Pen" },
  ],
};
