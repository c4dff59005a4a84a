import { fieldSettingsSchemas } from "@formwork/schema";
import { DATE_FILTER_OPERATORS, dateBound, validateRange } from "../../kinds/dates";
import type { FieldSamples } from "../../samples";
import { DATE_PATTERN, isCanonicalDate, normalizeDate } from "../../shared/dates";
import { formatDate } from "../../shared/format";
import { issue } from "../../shared/messages";
import { isBlank, nullable } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

export const fieldType: FieldTypeDef<"date"> = {
  type: "date",
  category: "basic",
  label: { "zh-CN": "日期", en: "Date" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.date,
  valueSchema: () => nullable({ type: "string", pattern: DATE_PATTERN }),
  normalize: normalizeDate,
  validate: (value, field) => {
    if (value === null || value === undefined) return [];
    if (!isCanonicalDate(value)) return [issue("", "应为日期（YYYY-MM-DD）", "Must be a date (YYYY-MM-DD)")];
    return validateRange(value, field, dateBound);
  },
  isEmpty: isBlank,
  defaultModes: ["value", "formula", "today", "linkage"],
  validationProps: ["required", "unique", "min", "max"],
  filterOperators: DATE_FILTER_OPERATORS,
  formulaType: () => "date",
  format: (value, _field, locale) => (isCanonicalDate(value) ? formatDate(value, locale) : ""),
  column: () => ({ sqlType: "date" }),
};

export const samples: FieldSamples<"date"> = {
  field: { id: "due", type: "date", label: "Due", min: "2020-01-01", max: "2030-12-31" },
  valid: ["2026-11-27", "2026/1/5", "2026年11月27日", "2026-11-27T23:30:00+08:00", null, ""],
  invalid: ["2026-02-30", "2019-12-31", "2031-01-01", "27/11/2026", 20261127, "2026-13-01"],
};
