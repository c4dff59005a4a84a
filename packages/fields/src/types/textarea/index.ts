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

export const fieldType: FieldTypeDef<"textarea"> = {
  type: "textarea",
  category: "basic",
  label: { "zh-CN": "多行文本", en: "Multi-line text" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.textarea,
  valueSchema: (field) => textValueSchema(field, TEXT_MAX_LENGTH.multiline),
  normalize: (value) => normalizeText(value, true),
  validate: (value, field) => validateText(value, field, TEXT_MAX_LENGTH.multiline),
  isEmpty: isBlank,
  defaultModes: ["value", "formula", "linkage"],
  validationProps: ["required", "minLength", "maxLength", "pattern"],
  filterOperators: TEXT_FILTER_OPERATORS.filter(
    (op) => op !== "eq" && op !== "ne" && op !== "in" && op !== "notIn",
  ),
  formulaType: () => "text",
  format: (value) => (typeof value === "string" ? value : ""),
  column: () => ({ sqlType: "text" }),
};

export const samples: FieldSamples<"textarea"> = {
  field: { id: "notes", type: "textarea", label: "Notes", maxLength: 50 },
  valid: ["line one\r\nline two\r", "  plain  ", "多行\n文本", null, ""],
  invalid: ["x".repeat(51), 42n, { text: "a" }, "bad\u0000"],
};
