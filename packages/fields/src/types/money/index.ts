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

/** Money is kept in the currency's usual two decimals unless the designer says otherwise. */
const DEFAULT_PRECISION = 2;

export const fieldType: FieldTypeDef<"money"> = {
  type: "money",
  category: "basic",
  label: { "zh-CN": "金额", en: "Money" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.money,
  valueSchema: numberValueSchema,
  normalize: (value, field) => normalizeNumber(value, field.precision ?? DEFAULT_PRECISION),
  validate: validateNumber,
  isEmpty: isBlank,
  defaultModes: ["value", "formula", "linkage"],
  validationProps: ["required", "unique", "min", "max", "precision"],
  filterOperators: NUMBER_FILTER_OPERATORS,
  formulaType: () => "number",
  format: (value, field, locale) =>
    typeof value === "number" && Number.isFinite(value)
      ? formatNumber(value, locale, {
          currency: field.currency ?? "CNY",
          precision: field.precision ?? DEFAULT_PRECISION,
        })
      : "",
  column: () => ({ sqlType: "numeric" }),
};

export const samples: FieldSamples<"money"> = {
  field: { id: "total", type: "money", label: "Total", min: 0 },
  valid: [1234.5, "99.995", 0, null, "1,000,000.00"],
  invalid: [-0.01, "¥12", { amount: 1 }, "1e400"],
};
