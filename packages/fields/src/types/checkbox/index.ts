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

export const fieldType: FieldTypeDef<"checkbox"> = {
  type: "checkbox",
  category: "basic",
  label: { "zh-CN": "复选框组", en: "Checkboxes" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.checkbox,
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

export const samples: FieldSamples<"checkbox"> = {
  field: {
    id: "channels",
    type: "checkbox",
    label: "Channels",
    options: [
      { value: "a", label: "A" },
      { value: "b", label: "B" },
      { value: "c", label: "C" },
    ],
    minSelected: 1,
    maxSelected: 2,
  },
  valid: [["a"], ["a", "b", "a"], "c", ["A", "b"], null],
  invalid: [["a", "b", "c"], ["d"], [1], "x", { a: true }],
};
