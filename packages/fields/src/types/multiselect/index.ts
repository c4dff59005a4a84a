import { fieldSettingsSchemas } from "@formwork/schema";
import {
  formatOptions,
  MULTI_OPTION_OPERATORS,
  multiOptionSchema,
  normalizeMultiOption,
  validateMultiOption,
} from "../../kinds/options";
import type { FieldSamples } from "../../samples";
import { isBlank } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

export const fieldType: FieldTypeDef<"multiselect"> = {
  type: "multiselect",
  category: "basic",
  label: { "zh-CN": "下拉复选框", en: "Multi-select drop-down" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.multiselect,
  valueSchema: multiOptionSchema,
  normalize: normalizeMultiOption,
  validate: validateMultiOption,
  isEmpty: isBlank,
  defaultModes: ["value", "formula", "linkage"],
  validationProps: ["required", "minSelected", "maxSelected"],
  filterOperators: MULTI_OPTION_OPERATORS,
  formulaType: () => ({ array: "text" }),
  format: formatOptions,
  column: () => ({ sqlType: "text[]" }),
};

export const samples: FieldSamples<"multiselect"> = {
  field: {
    id: "industries",
    type: "multiselect",
    label: "Industries",
    options: [
      { value: "it", label: { "zh-CN": "信息技术", en: "IT" } },
      { value: "retail", label: "零售" },
    ],
  },
  valid: [["it", "retail"], ["信息技术"], [], null, "零售"],
  invalid: [["it", "farming"], [null], 5, [["it"]]],
};
