import { fieldSettingsSchemas } from "@formwork/schema";
import { DATE_FILTER_OPERATORS, dateTimeBound, validateRange } from "../../kinds/dates";
import type { FieldSamples } from "../../samples";
import { isCanonicalDateTime, normalizeDateTime } from "../../shared/dates";
import { formatDateTime } from "../../shared/format";
import { issue } from "../../shared/messages";
import { isBlank, nullable } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

/** The canonical shape: UTC with milliseconds, as `Date.prototype.toISOString` writes it. */
const UTC_ISO_PATTERN = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$";

export const fieldType: FieldTypeDef<"datetime"> = {
  type: "datetime",
  category: "basic",
  label: { "zh-CN": "日期时间", en: "Date and time" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.datetime,
  valueSchema: () => nullable({ type: "string", pattern: UTC_ISO_PATTERN }),
  normalize: normalizeDateTime,
  validate: (value, field) => {
    if (value === null || value === undefined) return [];
    if (!isCanonicalDateTime(value))
      return [issue("", "应为带时区的日期时间", "Must be a date-time with a time zone offset")];
    return validateRange(value, field, dateTimeBound);
  },
  isEmpty: isBlank,
  defaultModes: ["value", "formula", "now", "linkage"],
  validationProps: ["required", "unique", "min", "max"],
  filterOperators: DATE_FILTER_OPERATORS,
  formulaType: () => "date",
  format: (value, _field, locale) => (isCanonicalDateTime(value) ? formatDateTime(value, locale) : ""),
  column: () => ({ sqlType: "timestamptz" }),
};

export const samples: FieldSamples<"datetime"> = {
  field: { id: "visited_at", type: "datetime", label: "Visited at", min: "2020-01-01" },
  valid: ["2026-11-27T10:30:00+08:00", "2026-11-27 02:30Z", "2026-11-27T02:30:00.000Z", 1795000000000, null],
  invalid: ["2026-11-27T10:30:00", "2019-06-01T00:00:00Z", "yesterday", "2026-02-30T00:00:00Z", {}],
};
