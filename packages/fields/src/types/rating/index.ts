import { fieldSettingsSchemas } from "@formwork/schema";
import { normalizeNumber } from "../../kinds/number";
import type { FieldSamples } from "../../samples";
import { issue } from "../../shared/messages";
import { isBlank, nullable } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

const DEFAULT_MAX = 5;
const maxOf = (field: { max?: number }) => field.max ?? DEFAULT_MAX;

export const fieldType: FieldTypeDef<"rating"> = {
  type: "rating",
  category: "basic",
  label: { "zh-CN": "评分", en: "Rating" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.rating,
  valueSchema: (field) => nullable({ type: "integer", minimum: 0, maximum: maxOf(field) }),
  normalize: (value) => normalizeNumber(value, undefined),
  validate: (value, field) => {
    if (value === null || value === undefined) return [];
    const max = maxOf(field);
    return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max
      ? []
      : [issue("", `应为 0 到 ${max} 的整数`, `Must be a whole number from 0 to ${max}`)];
  },
  isEmpty: isBlank,
  defaultModes: ["value", "formula"],
  validationProps: ["required"],
  filterOperators: ["eq", "ne", "lt", "lte", "gt", "gte", "between", "in", "empty", "notEmpty"],
  formulaType: () => "number",
  format: (value, field, locale) => {
    if (typeof value !== "number") return "";
    const max = maxOf(field);
    return locale === "en" ? `${value} / ${max}` : `${value} 星（满分 ${max}）`;
  },
  column: () => ({ sqlType: "integer" }),
};

export const samples: FieldSamples<"rating"> = {
  field: { id: "score", type: "rating", label: "Score", max: 5 },
  valid: [0, 3, "5", null],
  invalid: [6, -1, 2.5, "three"],
};
