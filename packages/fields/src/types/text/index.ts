import { fieldSettingsSchemas } from "@formwork/schema";
import {
  normalizeText,
  TEXT_FILTER_OPERATORS,
  TEXT_MAX_LENGTH,
  textValueSchema,
  validateText,
} from "../../kinds/text";
import type { FieldSamples } from "../../samples";
import { isBlank } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

export const fieldType: FieldTypeDef<"text"> = {
  type: "text",
  category: "basic",
  label: { "zh-CN": "单行文本", en: "Single-line text" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.text,
  valueSchema: (field) => textValueSchema(field, TEXT_MAX_LENGTH.line),
  normalize: (value) => normalizeText(value, false),
  validate: (value, field) => validateText(value, field, TEXT_MAX_LENGTH.line),
  isEmpty: isBlank,
  defaultModes: ["value", "formula", "linkage"],
  validationProps: ["required", "unique", "minLength", "maxLength", "pattern"],
  filterOperators: TEXT_FILTER_OPERATORS,
  formulaType: () => "text",
  format: (value) => (typeof value === "string" ? value : ""),
  column: () => ({ sqlType: "text" }),
};

export const samples: FieldSamples<"text"> = {
  field: { id: "code", type: "text", label: "Code", minLength: 2, maxLength: 10, pattern: "^[A-Z]" },
  valid: ["  ABC ", "Xy", "QT-0001", null],
  invalid: ["x", "abc", "A".repeat(11), { a: 1 }, ["A"], "A\u0000B"],
};
