import { fieldSettingsSchemas } from "@formwork/schema";
import {
  formatOptions,
  normalizeSingleOption,
  SINGLE_OPTION_OPERATORS,
  singleOptionSchema,
  validateSingleOption,
} from "../../kinds/options";
import type { FieldSamples } from "../../samples";
import { isBlank } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

export const fieldType: FieldTypeDef<"select"> = {
  type: "select",
  category: "basic",
  label: { "zh-CN": "下拉框", en: "Drop-down" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.select,
  valueSchema: singleOptionSchema,
  normalize: normalizeSingleOption,
  validate: validateSingleOption,
  isEmpty: isBlank,
  defaultModes: ["value", "formula", "linkage"],
  validationProps: ["required", "unique"],
  filterOperators: SINGLE_OPTION_OPERATORS,
  formulaType: () => "text",
  format: formatOptions,
  column: () => ({ sqlType: "text" }),
};

export const samples: FieldSamples<"select"> = {
  field: {
    id: "source",
    type: "select",
    label: "Source",
    options: [
      { value: "web", label: "官网" },
      { value: "fair", label: "展会" },
    ],
    allowOther: true,
  },
  valid: ["web", "官网", "朋友介绍", null],
  invalid: ["x".repeat(201), { label: "官网" }, ["web"], true, "other\u0000"],
};
