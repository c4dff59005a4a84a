import { fieldSettingsSchemas } from "@formwork/schema";
import { NUMBER_FILTER_OPERATORS, normalizeNumber, validateNumber } from "../../kinds/number";
import type { FieldSamples } from "../../samples";
import { formatNumber } from "../../shared/format";
import { isBlank, nullable } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

// Aggregation over linked records (汇总). It needs the database, so the server computes it on write
// (packages/server/src/plugins/records/aggregates) and stores it in a numeric column where filters, sorts
// and dashboards read it; clients never set it.
export const fieldType: FieldTypeDef<"aggregate"> = {
  type: "aggregate",
  category: "advanced",
  label: { "zh-CN": "聚合计算", en: "Aggregation" },
  stored: true,
  computable: false,
  settingsSchema: fieldSettingsSchemas.aggregate,
  valueSchema: () => nullable({ type: "number" }),
  normalize: (value, field) => normalizeNumber(value, field.precision),
  validate: (value, field) => validateNumber(value, { id: field.id, label: field.label }),
  isEmpty: isBlank,
  defaultModes: [],
  validationProps: [],
  filterOperators: NUMBER_FILTER_OPERATORS,
  formulaType: () => "number",
  format: (value, field, locale) =>
    typeof value === "number" && Number.isFinite(value)
      ? formatNumber(value, locale, field.precision !== undefined ? { precision: field.precision } : {})
      : "",
  column: () => ({ sqlType: "numeric" }),
};

export const samples: FieldSamples<"aggregate"> = {
  field: {
    id: "paid_total",
    type: "aggregate",
    label: "Paid",
    form: "payments",
    measure: "sum",
    field: "amount",
    precision: 2,
  },
  valid: [0, 1234.567, "12", null],
  invalid: ["many", [1, 2], { sum: 1 }],
};
