// The data part of a field type: everything but React and the server. One object per type in
// ./types/<type>/index.ts, collected in ./registry.ts as a Record<FieldType, ...> so a new type in
// @formwork/schema fails to compile until it is handled here.

import type { FormulaType } from "@formwork/expressions";
import type { FieldOf, FieldType, Locale, LocalizedText } from "@formwork/schema";

/** A message every UI language has: what a user reads when a value is rejected. */
export type BilingualText = { "zh-CN": string; en: string };

export type FieldCategory = "basic" | "advanced" | "member" | "layout";

/** A JSON Schema (draft 2020-12) object. */
export type JsonSchema = Record<string, unknown>;

export type DefaultMode = "value" | "formula" | "currentUser" | "currentDept" | "today" | "now" | "linkage";

export type FilterOperator =
  | "eq"
  | "ne"
  | "lt"
  | "lte"
  | "gt"
  | "gte"
  | "between"
  | "in"
  | "notIn"
  | "contains"
  | "notContains"
  | "startsWith"
  | "empty"
  | "notEmpty"
  | "hasAny"
  | "hasAll"
  | "hasNone";

/** How a field's value is stored: one typed column `f_<id>` on the form's table, or none. */
export interface ColumnSpec {
  sqlType: "text" | "numeric" | "integer" | "timestamptz" | "date" | "text[]" | "jsonb" | "boolean";
  /** Types a column may change to on publish without losing data (same sqlType is always fine). */
}

export type ValidationProp =
  | "required"
  | "unique"
  | "minLength"
  | "maxLength"
  | "pattern"
  | "min"
  | "max"
  | "precision"
  | "minSelected"
  | "maxSelected"
  | "maxFiles"
  | "maxSize"
  | "minRows"
  | "maxRows";

export interface FieldTypeDef<K extends FieldType = FieldType> {
  type: K;
  category: FieldCategory;
  label: LocalizedText;
  /** Has a value in a record (false for divider, description, lookup: display only). */
  stored: boolean;
  /** Can be computed by a `formula`. */
  computable: boolean;
  /** JSON Schema of the type-specific settings (drives the designer's property panel). */
  settingsSchema: JsonSchema;
  /** JSON Schema of a valid (normalised) value for this field; null is always allowed for "empty". */
  valueSchema(field: FieldOf<K>): JsonSchema;
  /** Canonical form of an incoming value: trim, round to precision, map option labels to values. */
  normalize(value: unknown, field: FieldOf<K>): unknown;
  /**
   * Rule violations beyond the JSON Schema (range, regex, option membership...), with a JSON pointer
   * relative to the value and a message in both UI languages. Never throws, whatever `value` is.
   */
  validate(value: unknown, field: FieldOf<K>): { path: string; message: BilingualText }[];
  isEmpty(value: unknown): boolean;
  defaultModes: DefaultMode[];
  validationProps: ValidationProp[];
  filterOperators: FilterOperator[];
  formulaType(field: FieldOf<K>): FormulaType;
  format(value: unknown, field: FieldOf<K>, locale: Locale): string;
  /** Storage column, or null when the type stores nothing (layout, display-only) or lives in a child table (subform). */
  column(field: FieldOf<K>): ColumnSpec | null;
}
