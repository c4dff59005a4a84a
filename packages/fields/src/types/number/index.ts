import { fieldSettingsSchemas } from "@formwork/schema";
import {
  NUMBER_FILTER_OPERATORS,
  normalizeNumber,
  numberValueSchema,
  validateNumber,
} from "../../kinds/number";
import type { FieldSamples } from "../../samples";
import { formatNumber } from "../../shared/format";
import { isBlank } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

export const fieldType: FieldTypeDef<"number"> = {
  type: "number",
  category: "basic",
  label: { "zh-CN": "数字", en: "Number" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.number,
  valueSchema: numberValueSchema,
  normalize: (value, field) => normalizeNumber(value, field.precision),
  validate: validateNumber,
  isEmpty: isBlank,
  defaultModes: ["value", "formula", "linkage"],
  validationProps: ["required", "unique", "min", "max", "precision"],
  filterOperators: NUMBER_FILTER_OPERATORS,
  formulaType: () => "number",
  format: (value, field, locale) =>
    typeof value === "number" && Number.isFinite(value)
      ? formatNumber(value, locale, {
          ...(field.precision !== undefined ? { precision: field.precision } : {}),
          ...(field.percent ? { percent: true } : {}),
          ...(field.unit ? { unit: field.unit } : {}),
        })
      : "",
  column: () => ({ sqlType: "numeric" }),
};

export const samples: FieldSamples<"number"> = {
  field: { id: "qty", type: "number", label: "Quantity", min: 0, max: 1000, precision: 2 },
  valid: [1, "12.345", " 1,000 ", 1.005, 0, null, ""],
  invalid: [-1, 1000.01, "12abc", Number.NaN, Number.POSITIVE_INFINITY, true, [1]],
};
